package it.sportello.channel.facebook;

import facebook4j.Facebook;
import it.sportello.channel.ChannelAdapter;
import it.sportello.channel.ChannelConfig;
import it.sportello.channel.ChannelContext;
import it.sportello.channel.FacebookPage;
import it.sportello.contract.Channel;
import it.sportello.delivery.Pace;
import it.sportello.web.WebRoutes;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Builds a tenant's Facebook page: a poller for its comments, Messenger's webhook when a verify token is set,
 * and a sender for both at {@code per_second} calls a second.
 */
public final class FacebookAdapter {

    private FacebookAdapter() {
    }

    public static ChannelAdapter open(FacebookPage page, ChannelConfig.Facebook config, ChannelContext context) {
        Facebook graph = GraphClient.open(page, config);
        ExecutorService httpThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sportello-messenger-" + page.tenant());
            t.setDaemon(true);
            return t;
        });
        Optional<MessengerClient> messenger = Optional.empty();
        List<WebRoutes> routes = List.of();
        if (page.messenger()) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(GraphClient.CONNECT).executor(httpThreads).build();
            messenger = Optional.of(new MessengerClient(http, config, page.pageId(), page.pageToken(), GraphClient.READ));
            routes = List.of(new MessengerWebhook(page, context.intake()::receive));
        }
        FacebookPoller poller = new FacebookPoller(page.tenant(), page.pageId(), graph,
                context.intake()::receive, context.cursors(), context.clock(), config.poll());
        FacebookSender sender = new FacebookSender(page.pageId(), graph, context.messages(), messenger);
        return new ChannelAdapter(page.tenant(), Channel.FACEBOOK, routes, List.of(poller), sender,
                new Pace(config.perSecond(), Duration.ZERO, i -> Optional.empty()), () -> {
                    graph.shutdown();
                    httpThreads.shutdownNow();
                });
    }
}
