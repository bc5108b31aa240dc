package it.sportello.cli;

import it.sportello.app.Server;
import it.sportello.app.Sportello;
import it.sportello.channel.ChannelSettings;
import it.sportello.store.DatabaseConfig;
import it.sportello.tenant.TenantConfig;
import it.sportello.tenant.TenantRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: the web chat, its API and the moderators' console, on the embedded database by default. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run Sportello: web chat, JSON API, moderators' console, /health.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    HomeOption home;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 = any free port)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}; put a TLS reverse proxy in front in production)")
    String host;

    @Option(names = "--data", defaultValue = "data", paramLabel = "DIR",
            description = "folder for the embedded database and the console accounts (default: ${DEFAULT-VALUE}/)")
    Path data;

    @Option(names = "--messages-per-minute", defaultValue = "20",
            description = "web messages a client may send a minute (default: ${DEFAULT-VALUE})")
    int messagesPerMinute;

    @Override
    public Integer call() throws InterruptedException {
        if (System.getenv("SPORTELLO_LOG_LEVEL") == null) {
            // a service logs what it does (ids, actions, timings: never citizens' text); commands stay quiet
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("it.sportello"))
                    .setLevel(ch.qos.logback.classic.Level.INFO);
        }
        Server.Settings settings = new Server.Settings(home.home, data, host, port,
                DatabaseConfig.fromEnvironment(System.getenv(), data), messagesPerMinute, Math.max(120, messagesPerMinute * 6),
                Server.Settings.GRACE);
        Map<String, String> env = System.getenv();
        Sportello.Layout layout = new Sportello.Layout(home.home);
        ChannelSettings channels = ChannelSettings.load(layout.channels(), env,
                TenantRegistry.load(layout.tenants()).ids());
        settings = settings.withChannels(channels);
        if (env.containsKey("SPORTELLO_INSTANCE")) {
            settings = settings.withInstance(env.get("SPORTELLO_INSTANCE"));
        }
        Server server = Server.start(settings, Clock.systemDefaultZone());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sportello-shutdown"));
        System.out.println("Sportello is running (store: " + settings.database().describe() + ")");
        System.out.println("  health:   " + server.baseUrl() + "/health");
        for (TenantConfig t : server.sportello().tenants().all()) {
            System.out.println("  web chat: " + server.baseUrl() + "/chat/" + t.id() + "   (" + t.name() + ")");
        }
        System.out.println("  console:  " + server.baseUrl() + "/console");
        channels.bots().forEach(b -> System.out.println("  telegram: " + b));
        channels.pages().forEach(p -> System.out.println("  facebook: " + p));
        if (!Files.exists(settings.accounts())) {
            System.out.println();
            System.out.println("No console account yet. Create the first one with:");
            System.out.println("  java -jar target/sportello.jar account add --data " + data
                    + " --user NAME --role moderator --tenant ats-milano");
        }
        System.out.println("Stop with Ctrl+C.");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
