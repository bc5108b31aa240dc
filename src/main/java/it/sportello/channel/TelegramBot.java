package it.sportello.channel;

import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's Telegram bot, from the environment: its token and, when Telegram pushes updates to a webhook
 * instead of being polled, the secret it sends in {@code X-Telegram-Bot-Api-Secret-Token}.
 */
public record TelegramBot(String tenant, String token, Optional<String> webhookSecret) {

    public TelegramBot {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        if (!token.matches("\\d+:[A-Za-z0-9_-]{20,}")) {
            throw new IllegalArgumentException("a bot token looks like 123456:ABC... (from BotFather)");
        }
        webhookSecret.ifPresent(s -> {
            if (!s.matches("[A-Za-z0-9_-]{16,256}")) {
                throw new IllegalArgumentException("a webhook secret is 16 to 256 of A-Z, a-z, 0-9, _ and -");
            }
        });
    }

    public boolean webhook() {
        return webhookSecret.isPresent();
    }

    /** The numeric id before the colon: not a secret, and it names the bot in logs. */
    public String botId() {
        return token.substring(0, token.indexOf(':'));
    }

    @Override
    public String toString() {
        return "TelegramBot[" + tenant + ", bot " + botId() + (webhook() ? ", webhook" : ", polling") + "]";
    }
}
