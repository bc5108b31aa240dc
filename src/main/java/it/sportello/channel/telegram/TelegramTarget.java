package it.sportello.channel.telegram;

/** Where a stored message lives on Telegram: the chat and that chat's message id. */
public record TelegramTarget(long chatId, int messageId) {

    public TelegramTarget {
        if (messageId <= 0) {
            throw new IllegalArgumentException("a Telegram message id is positive");
        }
    }
}
