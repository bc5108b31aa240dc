package it.sportello.channel;

import it.sportello.contract.Channel;
import it.sportello.delivery.ChannelSender;
import it.sportello.delivery.Pace;
import it.sportello.web.WebRoutes;
import java.util.List;
import java.util.Objects;

/**
 * One tenant on one platform: what brings messages in (pollers, webhook routes) and what carries the outbox
 * out (a sender, at the platform's pace). The wiring runs the pollers under leases and drains the outbox on
 * every instance; {@code release} frees the platform client (its threads and connections).
 */
public record ChannelAdapter(String tenant, Channel channel, List<WebRoutes> routes, List<Poller> pollers,
                             ChannelSender sender, Pace pace, Runnable release) implements AutoCloseable {

    public ChannelAdapter {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(pace, "pace");
        Objects.requireNonNull(release, "release");
        routes = List.copyOf(routes);
        pollers = List.copyOf(pollers);
    }

    @Override
    public void close() {
        release.run();
    }
}
