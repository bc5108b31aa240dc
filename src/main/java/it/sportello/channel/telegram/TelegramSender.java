package it.sportello.channel.telegram;

import it.sportello.delivery.ChannelSender;
import it.sportello.delivery.Delivery;
import it.sportello.store.OutboxItem;
import it.sportello.store.OutboxKind;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.groupadministration.BanChatMember;
import org.telegram.telegrambots.meta.api.methods.groupadministration.UnbanChatMember;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Carries outbox items out on Telegram through the Bot API. Telegram cannot hide a message, so a hide
 * deletes it, and a deleted message cannot come back. Errors name the method and the platform's code and
 * description, never the text or the token.
 */
public final class TelegramSender implements ChannelSender {

    private static final String RECIPIENT_PREFIX = "tg:";

    private final TelegramClient client;
    private final TelegramTargets targets;

    public TelegramSender(TelegramClient client, TelegramTargets targets) {
        this.client = Objects.requireNonNull(client, "client");
        this.targets = Objects.requireNonNull(targets, "targets");
    }

    @Override
    public Delivery send(OutboxItem item) {
        Optional<TelegramTarget> target = item.messageId().flatMap(targets::find);
        if (target.isEmpty()) {
            return new Delivery.Rejected("no Telegram message for the item");
        }
        TelegramTarget where = target.get();
        if ((item.kind() == OutboxKind.BAN || item.kind() == OutboxKind.UNBAN) && where.privateChat()) {
            // Telegram bans from groups only; in a private chat it answers 400. Said plainly, without a call.
            return new Delivery.Rejected(item.kind().name() + ": the message was in a private chat, and Telegram "
                    + "bans only from groups");
        }
        return switch (item.kind()) {
            case REPLY -> execute(SendMessage.builder().chatId(where.chatId()).text(item.text().orElseThrow())
                    .replyParameters(ReplyParameters.builder().messageId(where.messageId())
                            .allowSendingWithoutReply(true).build())
                    .build());
            case HIDE, DELETE -> execute(DeleteMessage.builder().chatId(where.chatId())
                    .messageId(where.messageId()).build());
            case BAN -> userId(item).<Delivery>map(user -> execute(BanChatMember.builder().chatId(where.chatId())
                    .userId(user).build())).orElseGet(TelegramSender::notAUser);
            case UNBAN -> userId(item).<Delivery>map(user -> execute(UnbanChatMember.builder().chatId(where.chatId())
                    .userId(user).onlyIfBanned(true).build())).orElseGet(TelegramSender::notAUser);
            case RESTORE -> new Delivery.Rejected("Telegram cannot restore a deleted message");
        };
    }

    private Delivery execute(BotApiMethod<?> method) {
        try {
            client.execute(method);
            return new Delivery.Sent();
        } catch (TelegramApiException e) {
            return outcome(method.getMethod(), e);
        }
    }

    /** The synchronous client wraps what went wrong (a request error, an I/O failure) in a plain exception. */
    static Delivery outcome(String method, TelegramApiException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TelegramApiRequestException request && request.getErrorCode() != null) {
                return ofRequest(method, request);
            }
            if (t instanceof IOException) {
                return new Delivery.Retry(Optional.empty(), method + ": " + t.getClass().getSimpleName());
            }
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return new Delivery.Retry(Optional.empty(), method + ": interrupted");
            }
        }
        // An answer that is not the Bot API's (a proxy's error page) or no answer at all: try again later.
        return new Delivery.Retry(Optional.empty(), method + ": " + e.getClass().getSimpleName());
    }

    private static Delivery ofRequest(String method, TelegramApiRequestException e) {
        int code = e.getErrorCode();
        String error = method + ": " + code + " " + Objects.toString(e.getApiResponse(), "");
        if (code == 429) {
            Optional<Duration> after = Optional.ofNullable(e.getParameters())
                    .map(p -> p.getRetryAfter()).map(Duration::ofSeconds);
            return new Delivery.Retry(after, error);
        }
        if (code >= 500 || code < 400) {
            // No error code (0) means the answer was not the Bot API's, e.g. a proxy's error page.
            return new Delivery.Retry(Optional.empty(), error);
        }
        return new Delivery.Rejected(error);
    }

    private static Optional<Long> userId(OutboxItem item) {
        String recipient = item.recipient();
        if (!recipient.startsWith(RECIPIENT_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(recipient.substring(RECIPIENT_PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Delivery notAUser() {
        return new Delivery.Rejected("the recipient is not a Telegram user");
    }
}
