package it.sportello.channel.telegram;

import it.sportello.channel.ChannelAdapter;
import it.sportello.channel.ChannelConfig;
import it.sportello.channel.ChannelContext;
import it.sportello.channel.Poller;
import it.sportello.channel.TelegramBot;
import it.sportello.contract.Channel;
import it.sportello.delivery.Pace;
import it.sportello.web.WebRoutes;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * Builds a tenant's Telegram bot: long polling ({@link TelegramPoller}) or, when the bot has a webhook secret,
 * the webhook route ({@link TelegramWebhook}); the outbox goes out through {@link TelegramSender} at the Bot
 * API's pace (overall, and one message at a time per chat). One OkHttp client for both, whose threads and
 * connections the adapter's close releases (cancelling a long poll in flight).
 */
public final class TelegramAdapter {

    /** How much longer than a long poll a read may wait before the call counts as failed. */
    static final Duration READ_MARGIN = Duration.ofSeconds(15);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    private TelegramAdapter() {
    }

    public static ChannelAdapter open(TelegramBot bot, ChannelConfig.Telegram config, ChannelContext context) {
        return open(bot, config, context, READ_MARGIN);
    }

    /** {@code readMargin}: how long past the long poll a read may take (tests shorten it to see timeouts). */
    static ChannelAdapter open(TelegramBot bot, ChannelConfig.Telegram config, ChannelContext context,
                               Duration readMargin) {
        String tenant = context.tenant().id();
        if (!bot.tenant().equals(tenant)) {
            throw new IllegalArgumentException("bot of " + bot.tenant() + " opened for " + tenant);
        }
        TelegramUrl url = url(config.api());
        OkHttpClient polling = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                .writeTimeout(Duration.ofSeconds(15)).readTimeout(config.longPoll().plus(readMargin)).build();
        // Same threads and connections, a read timeout fit for a send.
        OkHttpClient sending = polling.newBuilder().readTimeout(SEND_TIMEOUT).build();
        StoredTargets targets = new StoredTargets(tenant, context.messages());
        TelegramSender sender = new TelegramSender(new OkHttpTelegramClient(sending, bot.token(), url), targets);
        Pace pace = new Pace(config.perSecond(), Duration.ofSeconds(config.perChatSeconds()),
                item -> item.messageId().flatMap(targets::find).map(t -> Long.toString(t.chatId())));
        TelegramInbox inbox = new TelegramInbox(tenant, new TelegramUpdates(tenant, new BotCommands(context.tenant())),
                context.intake());
        List<Poller> pollers = List.of();
        List<WebRoutes> routes = List.of();
        Optional<String> secret = bot.webhookSecret();
        if (secret.isPresent()) {
            routes = List.of(new TelegramWebhook(tenant, secret.get(), inbox));
        } else {
            pollers = List.of(new TelegramPoller(tenant, new OkHttpTelegramClient(polling, bot.token(), url), inbox,
                    context.cursors(), context.clock(), config.longPoll()));
        }
        return new ChannelAdapter(tenant, Channel.TELEGRAM, routes, pollers, sender, pace, () -> release(polling));
    }

    static TelegramUrl url(URI api) {
        boolean https = "https".equals(api.getScheme());
        int port = api.getPort() > 0 ? api.getPort() : https ? 443 : 80;
        return new TelegramUrl(api.getScheme(), api.getHost(), port, false);
    }

    /** Cancels calls in flight (a long poll) and releases OkHttp's threads and connections. */
    private static void release(OkHttpClient http) {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        try {
            http.dispatcher().executorService().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
