package it.sportello.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import it.sportello.console.auth.PasswordHasher;
import it.sportello.store.Stores;
import it.sportello.tenant.ModerationHours;
import it.sportello.tenant.TenantConfig;
import it.sportello.tenant.TenantRegistry;
import it.sportello.web.WebRoutes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The moderators' console under {@code /console}: its route table, and the checks every route passes
 * through on the way in. Pages need a session; pages of a tenant need the role the table names for it;
 * posts also need the same origin and the session's CSRF token. The checks live here, once, so that a new
 * route cannot forget one.
 */
public final class Console implements WebRoutes {

    /** A page or action about one tenant, for a viewer already checked. */
    @FunctionalInterface
    interface TenantHandler {
        void handle(Context ctx, Viewer viewer, TenantConfig tenant);
    }

    @FunctionalInterface
    interface ViewerHandler {
        void handle(Context ctx, Viewer viewer);
    }

    private final TenantRegistry tenants;
    private final Access access;
    private final Layout layout;
    private final LoginRoutes login;
    private final HomePage home;
    private final QueuePage queue;
    private final ItemPage item;
    private final ItemActions actions;
    private final QuestionsPage questions;
    private final AuditPage audit;

    public Console(Stores stores, TenantRegistry tenants, Path accountsFile, Clock clock) {
        this(stores, tenants, accountsFile, new PasswordHasher(), clock);
    }

    Console(Stores stores, TenantRegistry tenants, Path accountsFile, PasswordHasher hasher, Clock clock) {
        Map<String, ModerationHours> hours = new LinkedHashMap<>();
        for (TenantConfig t : tenants.all()) {
            hours.put(t.id(), new ModerationHours(t.moderation()));
        }
        AccountSource accounts = new AccountSource(accountsFile, hasher);
        Sessions sessions = new Sessions(stores.sessions(), new Tokens(), clock);
        this.tenants = tenants;
        this.access = new Access(sessions, accounts);
        this.layout = new Layout(tenants);
        this.login = new LoginRoutes(sessions, access, accounts, LoginThrottle.standard(clock), stores.audit(), layout,
                clock);
        this.home = new HomePage(tenants, stores.escalations(), layout);
        this.queue = new QueuePage(stores.escalations(), hours, layout, clock);
        this.item = new ItemPage(stores, layout, clock);
        this.actions = new ItemActions(stores, clock);
        this.questions = new QuestionsPage(stores.escalations(), layout, clock);
        this.audit = new AuditPage(stores.audit(), tenants, layout);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/console", ctx -> page(ctx, home::show));
        routes.get("/console/login", ctx -> guarded(ctx, () -> login.form(ctx)));
        routes.post("/console/login", ctx -> guarded(ctx, () -> login.submit(ctx)));
        routes.post("/console/logout", ctx -> post(ctx, login::logout));

        routes.get("/console/{tenant}/queue", ctx -> page(ctx, Viewer::canModerate, queue::show));
        routes.get("/console/{tenant}/items/{id}", ctx -> page(ctx, Viewer::canModerate, item::show));
        routes.post("/console/{tenant}/items/{id}/claim", ctx -> post(ctx, Viewer::canModerate, actions::claim));
        routes.post("/console/{tenant}/items/{id}/reply", ctx -> post(ctx, Viewer::canModerate, actions::reply));
        routes.post("/console/{tenant}/items/{id}/dismiss", ctx -> post(ctx, Viewer::canModerate, actions::dismiss));
        routes.post("/console/{tenant}/items/{id}/restore", ctx -> post(ctx, Viewer::canModerate, actions::restore));
        routes.post("/console/{tenant}/items/{id}/ban-confirm", ctx -> post(ctx, Viewer::canModerate, actions::confirmBan));
        routes.post("/console/{tenant}/items/{id}/ban-reject", ctx -> post(ctx, Viewer::canModerate, actions::rejectBan));
        routes.post("/console/{tenant}/bans/{id}/lift", ctx -> post(ctx, Viewer::canModerate, actions::liftBan));
        routes.get("/console/{tenant}/questions", ctx -> page(ctx, Viewer::canCurate, questions::show));
        routes.get("/console/{tenant}/audit", ctx -> page(ctx, (v, t) -> v.isAdmin(), audit::show));
        routes.get("/console/audit", ctx -> page(ctx, audit::showAll));
    }

    private void page(Context ctx, ViewerHandler handler) {
        guarded(ctx, () -> {
            Optional<Viewer> viewer = access.viewer(ctx);
            if (viewer.isEmpty()) {
                ctx.redirect("/console/login");
                return;
            }
            handler.handle(ctx, viewer.get());
        });
    }

    private void page(Context ctx, BiPredicate<Viewer, String> allowed, TenantHandler handler) {
        page(ctx, (c, v) -> handler.handle(c, v, tenant(c, v, allowed)));
    }

    private void post(Context ctx, ViewerHandler handler) {
        guarded(ctx, () -> {
            Access.requireSameOrigin(ctx);
            Optional<Viewer> viewer = access.viewer(ctx);
            if (viewer.isEmpty()) {
                ctx.redirect("/console/login", HttpStatus.SEE_OTHER);
                return;
            }
            Access.requireCsrf(ctx, viewer.get());
            handler.handle(ctx, viewer.get());
        });
    }

    private void post(Context ctx, BiPredicate<Viewer, String> allowed, TenantHandler handler) {
        post(ctx, (c, v) -> handler.handle(c, v, tenant(c, v, allowed)));
    }

    /** The path's tenant, if it exists (404) and the viewer holds the role for it (403). */
    private TenantConfig tenant(Context ctx, Viewer viewer, BiPredicate<Viewer, String> allowed) {
        TenantConfig tenant = tenants.find(ctx.pathParam("tenant")).orElseThrow(Refusal::notFound);
        if (!allowed.test(viewer, tenant.id())) {
            throw Refusal.forbidden();
        }
        return tenant;
    }

    /** Console headers on every response, and a refusal rendered as a page. */
    private void guarded(Context ctx, Runnable route) {
        Layout.headers(ctx);
        try {
            route.run();
        } catch (Refusal r) {
            layout.refusal(ctx, r, access.viewer(ctx));
        }
    }
}
