package it.sportello.app;

import it.sportello.channel.ChannelAdapter;
import it.sportello.channel.ChannelContext;
import it.sportello.channel.ChannelSettings;
import it.sportello.channel.DeliveryLoop;
import it.sportello.channel.PollLoop;
import it.sportello.channel.facebook.FacebookAdapter;
import it.sportello.channel.telegram.TelegramAdapter;
import it.sportello.channel.Poller;
import it.sportello.delivery.Backoff;
import it.sportello.delivery.OutboxDrainer;
import it.sportello.intake.Intake;
import it.sportello.store.Stores;
import it.sportello.tenant.TenantRegistry;
import it.sportello.web.WebRoutes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform channels of one instance: each adapter's webhook routes, its pollers (run under leases, so
 * one instance polls a bot or a page at a time) and a delivery loop that drains its outbox.
 */
final class Channels implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Channels.class);
    private static final Duration IDLE = Duration.ofMillis(100);
    private static final int BATCH = 20;

    private final List<ChannelAdapter> adapters;
    private final List<PollLoop> polls = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<DeliveryLoop> deliveries = new ArrayList<>();

    private Channels(List<ChannelAdapter> adapters) {
        this.adapters = adapters;
    }

    /** Opens an adapter for every bot and page the settings turn on (nothing runs until {@link #start}). */
    static Channels open(ChannelSettings settings, TenantRegistry tenants, Intake intake, Stores stores, Clock clock) {
        List<ChannelAdapter> adapters = new ArrayList<>();
        try {
            for (var bot : settings.bots()) {
                ChannelContext context = new ChannelContext(tenants.get(bot.tenant()), intake, stores.messages(),
                        stores.cursors(), clock);
                adapters.add(TelegramAdapter.open(bot, settings.config().telegram(), context));
            }
            for (var page : settings.pages()) {
                ChannelContext context = new ChannelContext(tenants.get(page.tenant()), intake, stores.messages(),
                        stores.cursors(), clock);
                adapters.add(FacebookAdapter.open(page, settings.config().facebook(), context));
            }
        } catch (RuntimeException e) {
            adapters.forEach(ChannelAdapter::close);
            throw e;
        }
        adapters.forEach(a -> LOG.atInfo().setMessage("channel on").addKeyValue("tenant", a.tenant())
                .addKeyValue("channel", a.channel().wire()).addKeyValue("webhook", !a.routes().isEmpty()).log());
        return new Channels(adapters);
    }

    List<WebRoutes> routes() {
        return adapters.stream().flatMap(a -> a.routes().stream()).toList();
    }

    /**
     * Starts the pollers (each waiting for its lease) and the outbox's delivery loops. {@code lease} is also
     * how long a claimed outbox item is kept from other drainers: one whose drainer died is taken over after it.
     */
    void start(Stores stores, String holder, Duration lease, Clock clock) {
        for (ChannelAdapter a : adapters) {
            for (Poller p : a.pollers()) {
                polls.add(new PollLoop(p, stores.leases(), holder, lease, clock).start());
            }
            OutboxDrainer drainer = new OutboxDrainer(a.tenant(), a.channel(), stores.outbox(), a.sender(),
                    Backoff.standard(), lease, a.pace(), clock);
            deliveries.add(new DeliveryLoop(a.channel().wire() + ":" + a.tenant(), drainer, BATCH, IDLE).start());
        }
    }

    /** Per poller, whether this instance holds its lease. */
    Map<String, Boolean> polling() {
        Map<String, Boolean> out = new java.util.TreeMap<>();
        polls.forEach(p -> out.put(p.name(), p.holding()));
        return out;
    }

    /** Stops polling (giving the leases up), then delivery after the item in hand, then the clients. */
    @Override
    public void close() {
        polls.forEach(PollLoop::close);
        deliveries.forEach(DeliveryLoop::close);
        adapters.forEach(ChannelAdapter::close);
    }
}
