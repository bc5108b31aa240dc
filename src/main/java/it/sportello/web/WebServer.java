package it.sportello.web;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.time.Duration;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sportello's HTTP server. Stopping it stops accepting connections and lets requests in flight finish
 * (up to {@code grace}): a message being decided is recorded before the server goes.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    static final int MAX_THREADS = 48;

    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
    }

    public static WebServer start(String host, int port, Duration grace, List<WebRoutes> groups) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 64 * 1024;
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/web/static";
                files.location = Location.CLASSPATH;
                files.headers = java.util.Map.of("Cache-Control", "max-age=300");
            });
            // a bounded pool: beyond the store's connections more threads only queue on them; requests wait in Jetty
            config.jetty.threadPool = new QueuedThreadPool(MAX_THREADS, 8, 60_000);
            config.jetty.modifyServer(server -> server.setStopTimeout(grace.toMillis()));
            config.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "same-origin");
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.atError().setMessage("request failed").addKeyValue("path", ctx.path())
                        .addKeyValue("error", e.getClass().getSimpleName()).setCause(e).log();
                ctx.status(500).contentType("text/plain; charset=utf-8").result("Errore interno. Riprova più tardi.");
            });
            groups.forEach(g -> g.addTo(config.routes));
        });
        app.start(host, port);
        return new WebServer(app);
    }

    public int port() {
        return app.port();
    }

    /**
     * Stops taking requests and waits up to the grace period for those in flight. When it runs out (a client
     * holding a connection open), Jetty still stops, and so does the rest of the shutdown after this.
     */
    @Override
    public void close() {
        try {
            app.stop();
        } catch (RuntimeException e) {
            LOG.atWarn().setMessage("HTTP server stopped before every connection was done")
                    .addKeyValue("error", e.getClass().getSimpleName()).log();
        }
    }
}
