package it.sportello.channel.telegram;

import java.util.Optional;

/** Resolves one of our stored message ids to the Telegram message it came from. */
@FunctionalInterface
public interface TelegramTargets {

    Optional<TelegramTarget> find(long storedMessageId);
}
