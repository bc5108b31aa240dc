/**
 * The platform channels (Telegram, Facebook) around the intake and the outbox: {@link it.sportello.channel.ChannelAdapter}
 * per tenant and platform, pollers run under database leases ({@link it.sportello.channel.PollLoop}) so that
 * one instance polls at a time, and {@link it.sportello.channel.DeliveryLoop}s that drain the outbox on every
 * instance. Settings come from {@code config/channels.yaml} and, for secrets, the environment only.
 */
package it.sportello.channel;
