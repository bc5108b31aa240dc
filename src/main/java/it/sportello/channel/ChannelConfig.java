package it.sportello.channel;

import it.sportello.tenant.ConfigException;
import it.sportello.tenant.TenantRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** What {@code config/channels.yaml} says: platform addresses, the Graph version, limits, the poller lease. */
public record ChannelConfig(Telegram telegram, Facebook facebook, int leaseSeconds) {

    public ChannelConfig {
        Objects.requireNonNull(telegram, "missing field 'telegram'");
        Objects.requireNonNull(facebook, "missing field 'facebook'");
        if (leaseSeconds < 5) {
            throw new IllegalArgumentException("lease_seconds must be at least 5");
        }
        // A long poll must end well within the lease, or the lease runs out while it waits and another
        // instance polls at the same time (Telegram then answers 409 to one of them).
        if (telegram.longPollSeconds() > leaseSeconds / 2) {
            telegram = new Telegram(telegram.api(), leaseSeconds / 2, telegram.perSecond(), telegram.perChatSeconds());
        }
    }

    /** The Bot API and its limits. */
    public record Telegram(URI api, int longPollSeconds, int perSecond, int perChatSeconds) {
        public Telegram {
            Objects.requireNonNull(api, "missing field 'telegram.api'");
            if (longPollSeconds < 0 || longPollSeconds > 50 || perSecond < 1 || perChatSeconds < 0) {
                throw new IllegalArgumentException("telegram: long_poll_seconds in 0..50, per_second >= 1, per_chat_seconds >= 0");
            }
        }

        public Duration longPoll() {
            return Duration.ofSeconds(longPollSeconds);
        }
    }

    /** The Graph API, its pinned version and limits. */
    public record Facebook(URI graph, String graphVersion, int pollSeconds, int perSecond) {
        public Facebook {
            Objects.requireNonNull(graph, "missing field 'facebook.graph'");
            Objects.requireNonNull(graphVersion, "missing field 'facebook.graph_version'");
            if (!graphVersion.matches("v\\d+\\.\\d+")) {
                throw new IllegalArgumentException("facebook.graph_version must look like v21.0, not '" + graphVersion + "'");
            }
            if (pollSeconds < 1 || perSecond < 1) {
                throw new IllegalArgumentException("facebook: poll_seconds and per_second must be positive");
            }
        }

        public Duration poll() {
            return Duration.ofSeconds(pollSeconds);
        }
    }

    public Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }

    /** Reads {@code file}, then applies the environment's overrides of the platform addresses and the lease. */
    public static ChannelConfig load(Path file, Map<String, String> env) {
        ChannelConfig read;
        try {
            read = TenantRegistry.yaml().readValue(Files.readString(file), ChannelConfig.class);
        } catch (IOException e) {
            throw new ConfigException(file + ": " + rootMessage(e), e);
        }
        return read.overriddenBy(env);
    }

    ChannelConfig overriddenBy(Map<String, String> env) {
        Telegram t = telegram;
        Facebook f = facebook;
        int lease = leaseSeconds;
        if (env.containsKey("SPORTELLO_TELEGRAM_API")) {
            t = new Telegram(uri(env, "SPORTELLO_TELEGRAM_API"), t.longPollSeconds(), t.perSecond(), t.perChatSeconds());
        }
        if (env.containsKey("SPORTELLO_GRAPH_API")) {
            f = new Facebook(uri(env, "SPORTELLO_GRAPH_API"), f.graphVersion(), f.pollSeconds(), f.perSecond());
        }
        if (env.containsKey("SPORTELLO_LEASE_SECONDS")) {
            try {
                lease = Integer.parseInt(env.get("SPORTELLO_LEASE_SECONDS").trim());
            } catch (NumberFormatException e) {
                throw new ConfigException("SPORTELLO_LEASE_SECONDS is not a number of seconds");
            }
        }
        return new ChannelConfig(t, f, lease);
    }

    private static URI uri(Map<String, String> env, String name) {
        try {
            URI u = URI.create(env.get(name).trim());
            if (u.getHost() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http"))) {
                throw new IllegalArgumentException();
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + " is not an http(s) address");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
