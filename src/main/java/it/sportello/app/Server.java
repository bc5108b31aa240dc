package it.sportello.app;

import it.sportello.channel.ChannelSettings;
import it.sportello.console.Console;
import it.sportello.intake.Intake;
import it.sportello.store.Database;
import it.sportello.store.DatabaseConfig;
import it.sportello.store.Stores;
import it.sportello.tenant.TenantConfig;
import it.sportello.web.ChatPage;
import it.sportello.web.HealthRoute;
import it.sportello.web.MessageApi;
import it.sportello.web.RateLimiter;
import it.sportello.web.WebRoutes;
import it.sportello.web.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sportello running as a service ({@code serve}): the store, the pipeline, the web channel, the console
 * and the daily retention purge, wired here and closed in reverse order.
 */
public final class Server implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    /** How {@code serve} was asked to run. */
    public record Settings(Path home, Path data, String host, int port, DatabaseConfig database, int messagesPerMinute,
                           int repliesPerMinute, Duration grace, Optional<ChannelSettings> channels, String instance) {
        public Settings {
            Objects.requireNonNull(channels, "channels");
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(grace, "grace");
        }

        /** The web chat and the console only: no platform channel. */
        public Settings(Path home, Path data, String host, int port, DatabaseConfig database, int messagesPerMinute,
                        int repliesPerMinute, Duration grace) {
            this(home, data, host, port, database, messagesPerMinute, repliesPerMinute, grace, Optional.empty(),
                    defaultInstance());
        }

        /** The same settings with platform channels. */
        public Settings withChannels(ChannelSettings channelSettings) {
            return new Settings(home, data, host, port, database, messagesPerMinute, repliesPerMinute, grace,
                    Optional.of(channelSettings), instance);
        }

        /** The same settings under another instance name (the holder of poller leases). */
        public Settings withInstance(String name) {
            return new Settings(home, data, host, port, database, messagesPerMinute, repliesPerMinute, grace, channels,
                    name);
        }

        /** Host name, process id and a random suffix: unique among instances sharing a database. */
        public static String defaultInstance() {
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "localhost";
            }
            return host + "-" + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & 0xffffffL);
        }

        /** How long a stop waits for requests in flight. */
        public static final Duration GRACE = Duration.ofSeconds(20);

        /** The embedded defaults under {@code data}, on 127.0.0.1. */
        public static Settings embedded(Path home, Path data, int port) {
            return new Settings(home, data, "127.0.0.1", port, DatabaseConfig.embedded(data), 20, 120, GRACE);
        }

        public Path accounts() {
            return data.resolve("accounts.yaml");
        }
    }

    private final Database database;
    private final Sportello sportello;
    private final Intake intake;
    private final WebServer web;
    private final Channels channels;
    private final ScheduledExecutorService jobs;
    private final Settings settings;

    private Server(Settings settings, Database database, Sportello sportello, Intake intake, WebServer web,
                   Channels channels, ScheduledExecutorService jobs) {
        this.settings = settings;
        this.channels = channels;
        this.database = database;
        this.sportello = sportello;
        this.intake = intake;
        this.web = web;
        this.jobs = jobs;
    }

    public static Server start(Settings settings, Clock clock) {
        return start(settings, clock, Sportello.Trainer.AT_START);
    }

    /** With the models from {@code trainer} (tests share one training of the shipped corpus). */
    public static Server start(Settings settings, Clock clock, Sportello.Trainer trainer) {
        try {
            Files.createDirectories(settings.data());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + settings.data(), e);
        }
        Database database = Database.open(settings.database());
        Sportello sportello = null;
        WebServer web = null;
        Channels channels = null;
        try {
            Stores stores = database.stores();
            sportello = Sportello.start(settings.home(), clock, stores.strikes(), stores.posts(), trainer);
            Intake intake = new Intake(sportello.responder(), sportello.personalData(), stores.messages(),
                    stores.transactions(), clock);
            intake.recover();
            Map<String, Integer> sections = new LinkedHashMap<>();
            for (TenantConfig t : sportello.tenants().all()) {
                sections.put(t.id(), sportello.knowledgeBase(t.id()).sections().size());
            }
            ChannelSettings channelSettings = settings.channels().orElse(null);
            if (channelSettings != null) {
                channels = Channels.open(channelSettings, sportello.tenants(), intake, stores, clock);
            }
            Channels running = channels;
            List<WebRoutes> routes = new ArrayList<>();
            routes.add(new HealthRoute(database::isHealthy, sections, settings.instance(),
                    () -> running == null ? Map.of() : running.polling()));
            routes.add(new MessageApi(intake, sportello.jsonLines(), stores.outbox(),
                    new RateLimiter(settings.messagesPerMinute(), Math.max(5, settings.messagesPerMinute() / 4), clock),
                    new RateLimiter(settings.repliesPerMinute(), Math.max(5, settings.repliesPerMinute() / 4), clock),
                    clock));
            routes.add(new ChatPage(sportello.tenants()));
            routes.add(new Console(stores, sportello.tenants(), settings.accounts(), clock));
            if (channels != null) {
                routes.addAll(channels.routes());
            }
            web = WebServer.start(settings.host(), settings.port(), settings.grace(), routes);
            if (channels != null) {
                channels.start(stores, settings.instance(), channelSettings.config().lease(), clock);
            }
            ScheduledExecutorService jobs = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sportello-retention");
                t.setDaemon(true);
                return t;
            });
            RetentionJob retention = new RetentionJob(sportello.tenants(), stores, clock);
            jobs.scheduleAtFixedRate(() -> {
                try {
                    retention.run("system");
                } catch (RuntimeException e) {
                    LOG.atError().setMessage("retention purge failed").setCause(e).log();
                }
            }, 1, TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
            LOG.atInfo().setMessage("serving").addKeyValue("host", settings.host()).addKeyValue("port", web.port())
                    .addKeyValue("store", settings.database().describe()).log();
            return new Server(settings, database, sportello, intake, web, channels, jobs);
        } catch (RuntimeException e) {
            if (web != null) {
                web.close();
            }
            if (channels != null) {
                channels.close();
            }
            if (sportello != null) {
                sportello.close();
            }
            database.close();
            throw e;
        }
    }

    public int port() {
        return web.port();
    }

    public String baseUrl() {
        return "http://" + settings.host() + ":" + port();
    }

    public Sportello sportello() {
        return sportello;
    }

    public Stores stores() {
        return database.stores();
    }

    public Intake intake() {
        return intake;
    }

    /** True while this instance holds the lease of poller {@code name} (e.g. {@code telegram:ats-milano}). */
    public boolean polling(String name) {
        return channels != null && channels.polling().getOrDefault(name, false);
    }

    /** Stops taking requests, lets those in flight finish, then closes the pipeline and the store. */
    @Override
    public void close() {
        try {
            web.close();
        } finally {
            try {
                if (channels != null) {
                    channels.close();
                }
            } finally {
                jobs.shutdownNow();
                try {
                    sportello.close();
                } finally {
                    database.close();
                }
            }
        }
        LOG.info("stopped");
    }
}
