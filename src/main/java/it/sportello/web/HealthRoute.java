package it.sportello.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /health}: 200 when the store answers, 503 when it does not; sections indexed per tenant; this
 * instance's name and, per poller, whether this instance is the one polling (others stand by).
 */
public final class HealthRoute implements WebRoutes {

    private final BooleanSupplier database;
    private final Map<String, Integer> sections;
    private final String instance;
    private final Supplier<Map<String, Boolean>> pollers;

    public HealthRoute(BooleanSupplier database, Map<String, Integer> sections) {
        this(database, sections, "", Map::of);
    }

    public HealthRoute(BooleanSupplier database, Map<String, Integer> sections, String instance,
                       Supplier<Map<String, Boolean>> pollers) {
        this.database = database;
        this.sections = Map.copyOf(sections);
        this.instance = instance;
        this.pollers = pollers;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/health", ctx -> {
            boolean up = database.getAsBoolean();
            ObjectNode out = new ObjectMapper().createObjectNode();
            out.put("status", up ? "ok" : "unavailable");
            out.put("database", up ? "ok" : "unreachable");
            ObjectNode tenants = out.putObject("tenants");
            sections.forEach((tenant, count) -> tenants.putObject(tenant).put("sections", count));
            if (!instance.isEmpty()) {
                out.put("instance", instance);
            }
            ObjectNode polling = out.putObject("pollers");
            pollers.get().forEach((name, mine) -> polling.put(name, mine ? "polling" : "standby"));
            ctx.header("Cache-Control", "no-store");
            ctx.status(up ? 200 : 503).contentType("application/json").result(out.toString());
        });
    }
}
