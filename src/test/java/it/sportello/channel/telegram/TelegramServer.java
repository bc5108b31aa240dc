package it.sportello.channel.telegram;

import it.sportello.app.Server;
import it.sportello.channel.ChannelConfig;
import it.sportello.channel.ChannelSettings;
import it.sportello.channel.TelegramBot;
import it.sportello.contract.Channel;
import it.sportello.fake.FakeBotApi;
import it.sportello.store.StoredMessage;
import it.sportello.store.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Sportello server over a temporary data folder with the ats-milano bot on the fake Bot API: polled
 * (long poll of 2 s) or, with a secret, on the webhook. Its clock runs from a Wednesday at 10:30 in Milan, so
 * moderators are on duty, and ticks, so that retries and pacing come due.
 */
public final class TelegramServer implements AutoCloseable {

    /** Wednesday 25 November 2026, 10:30 in Milan. */
    public static final Instant ON_DUTY = Instant.parse("2026-11-25T09:30:00Z");
    public static final String TENANT = "ats-milano";
    public static final Duration DEADLINE = Duration.ofSeconds(20);

    public final FakeBotApi api;
    public final Server server;

    private TelegramServer(FakeBotApi api, Server server) {
        this.api = api;
        this.server = server;
    }

    public static TelegramServer start(Path data, Optional<String> webhookSecret) {
        FakeBotApi api = new FakeBotApi();
        try {
            ChannelConfig loaded = ChannelConfig.load(Path.of("config/channels.yaml"),
                    Map.of("SPORTELLO_TELEGRAM_API", api.url(), "SPORTELLO_LEASE_SECONDS", "5"));
            ChannelConfig.Telegram t = loaded.telegram();
            ChannelConfig config = new ChannelConfig(new ChannelConfig.Telegram(t.api(), 2, t.perSecond(),
                    t.perChatSeconds()), loaded.facebook(), loaded.leaseSeconds());
            TelegramBot bot = new TelegramBot(TENANT, FakeBotApi.TOKEN, webhookSecret);
            Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), ON_DUTY));
            Server server = Server.start(Server.Settings.embedded(Path.of("."), data, 0)
                    .withChannels(new ChannelSettings(config, List.of(bot), List.of())), clock, it.sportello.Fixtures.TRAINER);
            return new TelegramServer(api, server);
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
    }

    public Stores stores() {
        return server.stores();
    }

    /**
     * Nothing left in flight: every update confirmed to Telegram (so the intake has stored it and queued what
     * it calls for) and no Telegram item pending in the outbox. After this, no further call comes by itself.
     */
    public boolean settled() {
        return api.pendingUpdates() == 0 && stores().outbox().pending(Channel.TELEGRAM, 1).isEmpty();
    }

    public void awaitSettled() {
        FakeBotApi.await("updates taken and outbox drained", DEADLINE, this::settled);
    }

    /** The stored messages with this external id (the store keeps one per tenant, channel and external id). */
    public List<StoredMessage> stored(FakeBotApi.Posted p) {
        List<StoredMessage> found = new ArrayList<>();
        // Ids are sequential; a duplicate's failed insert leaves a gap, so a run of misses ends the scan.
        for (long id = 1, misses = 0; misses < 50; id++) {
            Optional<StoredMessage> m = stores().messages().find(id);
            misses = m.isPresent() ? 0 : misses + 1;
            m.filter(s -> s.message().channel() == Channel.TELEGRAM && s.message().id().equals(p.externalId()))
                    .ifPresent(found::add);
        }
        return found;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            api.close();
        }
    }
}
