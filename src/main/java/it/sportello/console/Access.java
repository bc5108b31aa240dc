package it.sportello.console;

import io.javalin.http.Context;
import it.sportello.store.ConsoleSession;
import java.util.Locale;
import java.util.Optional;

/**
 * Who the request is from, and whether a form post may be trusted: the session's user with their account
 * as the file says now; for a post, the same-origin checks a browser lets us make (Origin, Sec-Fetch-Site)
 * and the session's CSRF token in the form.
 */
final class Access {

    private final Sessions sessions;
    private final AccountSource accounts;

    Access(Sessions sessions, AccountSource accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    /** The logged-in viewer; empty when there is no session or its account was removed. */
    Optional<Viewer> viewer(Context ctx) {
        Optional<ConsoleSession> session = sessions.current(ctx);
        return session.flatMap(s -> accounts.find(s.username()).map(a -> new Viewer(a, s)));
    }

    /** A post's form must carry the session's token: a page of another site cannot read it. */
    static void requireCsrf(Context ctx, Viewer viewer) {
        if (!Tokens.same(viewer.csrf(), ctx.formParam("_csrf"))) {
            throw Refusal.badForm();
        }
    }

    /**
     * Refuses a post that the browser says came from another site: an {@code Origin} other than ours
     * (including {@code null}, sent by sandboxed frames), or {@code Sec-Fetch-Site: cross-site}.
     */
    static void requireSameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !origin.strip().equalsIgnoreCase(ownOrigin(ctx))) {
            throw Refusal.badForm();
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && site.strip().toLowerCase(Locale.ROOT).equals("cross-site")) {
            throw Refusal.badForm();
        }
    }

    static String ownOrigin(Context ctx) {
        String host = ctx.header("X-Forwarded-Host");
        if (host == null || host.isBlank()) {
            host = ctx.header("Host");
        }
        return (Sessions.secure(ctx) ? "https" : "http") + "://" + (host == null ? "" : host.split(",")[0].strip());
    }
}
