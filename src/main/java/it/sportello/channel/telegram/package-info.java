/**
 * The Telegram channel: {@link it.sportello.channel.telegram.TelegramSender} carries outbox items out through
 * the Bot API (replies, deletions, bans). Telegram's own types stop here.
 */
package it.sportello.channel.telegram;
