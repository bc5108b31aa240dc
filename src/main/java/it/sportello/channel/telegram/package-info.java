/**
 * The Telegram channel of a tenant's bot, built by {@link it.sportello.channel.telegram.TelegramAdapter}: updates
 * come in by long polling (TelegramPoller, the offset moved only past what the intake stored) or on the webhook
 * route {@code POST /telegram/<tenant>} (TelegramWebhook, checked against the secret token); TelegramUpdates maps
 * them to contract messages and answers the bot's own commands ({@code /start}, {@code /help}, {@code /privacy});
 * {@link it.sportello.channel.telegram.TelegramSender} carries outbox items out through the Bot API (replies,
 * deletions, bans). Telegram's own types stop here.
 */
package it.sportello.channel.telegram;
