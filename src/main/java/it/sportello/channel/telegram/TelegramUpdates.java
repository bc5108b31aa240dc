package it.sportello.channel.telegram;

import it.sportello.contract.Channel;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;

/**
 * Turns a Telegram {@link Update} into a contract {@link Message}: external id {@code "<chatId>:<messageId>"},
 * author {@code "tg:<userId>"}, a private chat is a {@code message} and a group or supergroup a public
 * {@code comment}, the text or else the caption. Only what a person wrote comes in: edits, service messages
 * (members joining, pinned messages), bots, posts by a channel or on behalf of a chat, and media without a
 * caption are ignored.
 */
final class TelegramUpdates {

    private final String tenant;
    private final BotCommands commands;

    TelegramUpdates(String tenant, BotCommands commands) {
        this.tenant = tenant;
        this.commands = commands;
    }

    Inbound map(Update update) {
        if (!update.hasMessage()) {
            return new Inbound.Ignored(update.hasEditedMessage() ? "edited" : "not a message");
        }
        org.telegram.telegrambots.meta.api.objects.message.Message m = update.getMessage();
        Chat chat = m.getChat();
        User from = m.getFrom();
        if (chat == null || chat.getId() == null || m.getMessageId() == null || m.getDate() == null) {
            return new Inbound.Ignored("incomplete");
        }
        Optional<Kind> kind = kind(chat.getType());
        if (kind.isEmpty()) {
            return new Inbound.Ignored("channel");
        }
        if (from == null || from.getId() == null || Boolean.TRUE.equals(from.getIsBot())) {
            return new Inbound.Ignored("not a person");
        }
        if (m.getSenderChat() != null || Boolean.TRUE.equals(m.getIsAutomaticForward())) {
            return new Inbound.Ignored("on behalf of a chat");
        }
        String text = m.getText() != null ? m.getText() : m.getCaption();
        if (text == null || text.isBlank()) {
            return new Inbound.Ignored("no text");
        }
        Message message = new Message(chat.getId() + ":" + m.getMessageId(), tenant, Channel.TELEGRAM, kind.get(),
                "tg:" + from.getId(), OffsetDateTime.ofInstant(Instant.ofEpochSecond(m.getDate()), ZoneOffset.UTC), text);
        return commands.answer(text).<Inbound>map(reply -> new Inbound.Command(message, reply))
                .orElseGet(() -> new Inbound.Citizen(message));
    }

    private static Optional<Kind> kind(String chatType) {
        if (chatType == null) {
            return Optional.empty();
        }
        return switch (chatType) {
            case "private" -> Optional.of(Kind.MESSAGE);
            case "group", "supergroup" -> Optional.of(Kind.COMMENT);
            default -> Optional.empty();
        };
    }
}
