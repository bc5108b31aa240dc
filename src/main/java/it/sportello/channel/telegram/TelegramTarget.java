package it.sportello.channel.telegram;

/** Where a stored message lives on Telegram: the chat and that chat's message id. */
public record TelegramTarget(long chatId, int messageId) {

    public TelegramTarget {
        if (messageId <= 0) {
            throw new IllegalArgumentException("a Telegram message id is positive");
        }
    }

    /** A private chat's id is the user's (positive); groups and channels have negative ids. */
    public boolean privateChat() {
        return chatId > 0;
    }
}
