package it.sportello.channel.facebook;

import facebook4j.Facebook;
import facebook4j.FacebookFactory;
import facebook4j.conf.ConfigurationBuilder;
import it.sportello.channel.ChannelConfig;
import it.sportello.channel.FacebookPage;
import it.sportello.tenant.ConfigException;
import java.time.Duration;

/**
 * facebook4j set up for one page and the pinned Graph version. facebook4j puts the page token in the query
 * string of every GET and DELETE and, with debug on, prints each request's address (token included) through
 * a logger of its own that does not find SLF4J 2: it is routed to its null logger here, before facebook4j is
 * first used, and a client is refused if debug logging is on anyway.
 */
final class GraphClient {

    static final Duration CONNECT = Duration.ofSeconds(5);
    static final Duration READ = Duration.ofSeconds(20);

    static {
        System.setProperty("facebook4j.loggerFactory", "facebook4j.internal.logging.NullLoggerFactory");
    }

    private GraphClient() {
    }

    static Facebook open(FacebookPage page, ChannelConfig.Facebook config) {
        return open(page, config, CONNECT, READ);
    }

    static Facebook open(FacebookPage page, ChannelConfig.Facebook config, Duration connect, Duration read) {
        if (facebook4j.internal.logging.Logger.getLogger(GraphClient.class).isDebugEnabled()) {
            throw new ConfigException("facebook4j's debug logging is on (facebook4j.debug, facebook4j.loggerFactory): "
                    + "it would log the page token; turn it off");
        }
        ConfigurationBuilder conf = new ConfigurationBuilder()
                .setDebugEnabled(false)
                .setPrettyDebugEnabled(false)
                .setMBeanEnabled(false)
                .setJSONStoreEnabled(false)
                .setOAuthAppId(page.appId())
                .setOAuthAppSecret(page.appSecret())
                .setOAuthAccessToken(page.pageToken())
                // appsecret_proof: a leaked page token alone is not enough when the app requires it
                .setAppSecretProofEnabled(true)
                .setOAuthPermissions("")
                .setRestBaseURL(base(config))
                .setHttpConnectionTimeout((int) connect.toMillis())
                .setHttpReadTimeout((int) read.toMillis())
                // retries belong to the outbox and the poll loop, which back off; facebook4j would sleep in place
                .setHttpRetryCount(0);
        return new FacebookFactory(conf.build()).getInstance();
    }

    /** {@code https://graph.facebook.com/v21.0/}: the version pinned in channels.yaml. */
    static String base(ChannelConfig.Facebook config) {
        String graph = config.graph().toString();
        return (graph.endsWith("/") ? graph : graph + "/") + config.graphVersion() + "/";
    }
}
