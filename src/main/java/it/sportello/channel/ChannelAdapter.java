package it.sportello.channel;

import it.sportello.contract.Channel;
import it.sportello.delivery.ChannelSender;
import it.sportello.delivery.Pace;
import it.sportello.web.WebRoutes;
import java.util.List;

/**
 * One tenant on one platform: what brings messages in (pollers, webhook routes) and what carries the outbox
 * out (a sender, at the platform's pace). The wiring runs the pollers under leases and drains the outbox on
 * every instance.
 */
public interface ChannelAdapter extends AutoCloseable {

    String tenant();

    Channel channel();

    /** Webhook routes on Sportello's HTTP server; none when the platform is polled. */
    List<WebRoutes> routes();

    /** What to poll, each run by one instance at a time. */
    List<Poller> pollers();

    ChannelSender sender();

    Pace pace();

    /** Releases the platform client (its threads and connections). */
    @Override
    void close();
}
