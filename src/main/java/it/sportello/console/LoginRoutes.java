package it.sportello.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import it.sportello.console.auth.Account;
import it.sportello.store.AuditAction;
import it.sportello.store.AuditEntry;
import it.sportello.store.AuditLog;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Login and logout. A failed login says only that the credentials are wrong (never which), is written to
 * the audit log with the name tried, and counts towards the throttle; a successful one gets a new session.
 */
final class LoginRoutes {

    private static final int MAX_USERNAME = 64;
    private static final int MAX_PASSWORD = 1024;
    private static final String WRONG = "Nome utente o password non corretti.";

    private final Sessions sessions;
    private final Access access;
    private final AccountSource accounts;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Layout layout;
    private final Clock clock;

    LoginRoutes(Sessions sessions, Access access, AccountSource accounts, LoginThrottle throttle, AuditLog audit,
                Layout layout, Clock clock) {
        this.sessions = sessions;
        this.access = access;
        this.accounts = accounts;
        this.throttle = throttle;
        this.audit = audit;
        this.layout = layout;
        this.clock = clock;
    }

    /** Shown to a logged-in user too, who may want to change account: a login replaces the session. */
    void form(Context ctx) {
        form(ctx, 200, Optional.empty(), "");
    }

    void submit(Context ctx) {
        Access.requireSameOrigin(ctx);
        if (!Sessions.loginTokenMatches(ctx)) {
            throw new Refusal(403, "Il modulo di accesso è scaduto. Ricarica la pagina e riprova.", "/console/login");
        }
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip().toLowerCase(Locale.ROOT);
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String address = ctx.ip();
        long wait = throttle.waitSeconds(username, address);
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new Refusal(429, "Troppi tentativi di accesso non riusciti. Riprova tra " + minutes(wait) + ".",
                    "/console/login");
        }
        Optional<Account> account = Optional.empty();
        if (username.length() <= MAX_USERNAME && password.length() <= MAX_PASSWORD) {
            char[] secret = password.toCharArray();
            try {
                account = accounts.authenticator().login(username, secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }
        if (account.isEmpty()) {
            throttle.failed(username, address);
            audit.record(AuditEntry.of(clock.instant(), printable(username), null, AuditAction.LOGIN_FAILED, null));
            form(ctx, 401, Optional.of(WRONG), username);
            return;
        }
        throttle.succeeded(username, address);
        sessions.start(ctx, account.get().username());
        audit.record(AuditEntry.of(clock.instant(), account.get().username(), null, AuditAction.LOGIN, null));
        ctx.redirect("/console", HttpStatus.SEE_OTHER);
    }

    void logout(Context ctx, Viewer viewer) {
        sessions.end(ctx);
        audit.record(AuditEntry.of(clock.instant(), viewer.username(), null, AuditAction.LOGOUT, null));
        ctx.redirect("/console/login?esito=" + Outcome.LOGGED_OUT.code(), HttpStatus.SEE_OTHER);
    }

    private void form(Context ctx, int status, Optional<String> error, String username) {
        Html h = new Html();
        error.ifPresent(e -> h.element("p", e, "class", "error", "role", "alert"));
        access.viewer(ctx).ifPresent(v -> h.open("p").text("Sei già entrato come " + v.username() + ". ")
                .link("/console", "Vai alla console").close("p"));
        h.open("form", "method", "post", "action", "/console/login", "class", "login");
        h.empty("input", "type", "hidden", "name", "_csrf", "value", sessions.loginToken(ctx));
        h.open("p").element("label", "Nome utente", "for", "username")
                .empty("input", "id", "username", "name", "username", "type", "text", "autocomplete", "username",
                        "required", "", "maxlength", Integer.toString(MAX_USERNAME), "value", username)
                .close("p");
        h.open("p").element("label", "Password", "for", "password")
                .empty("input", "id", "password", "name", "password", "type", "password",
                        "autocomplete", "current-password", "required", "", "maxlength", Integer.toString(MAX_PASSWORD))
                .close("p");
        h.open("p").element("button", "Accedi", "type", "submit").close("p");
        h.close("form");
        layout.send(ctx, status, "Accesso", Optional.empty(), Optional.empty(), h);
    }

    /** The name tried, for the audit log: staff data, but kept short and free of control characters. */
    static String printable(String username) {
        String cut = username.length() > 40 ? username.substring(0, 40) : username;
        String clean = cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.isEmpty() ? "(vuoto)" : clean;
    }

    private static String minutes(long seconds) {
        long m = (seconds + 59) / 60;
        return m == 1 ? "un minuto" : m + " minuti";
    }
}
