package it.sportello.console;

import io.javalin.http.Context;
import it.sportello.store.ConsoleSession;
import it.sportello.store.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Console sessions in their cookie. The cookie holds a random token; the store holds only its hash. A new
 * token at every login (a token planted before login is worth nothing after), gone at logout, and good for
 * {@link #LIFETIME} at most: a shift, not a week.
 */
final class Sessions {

    static final String COOKIE = "sportello_console";
    /** The login form's own token, for the double-submit check before there is a session. */
    static final String LOGIN_COOKIE = "sportello_console_login";
    static final Duration LIFETIME = Duration.ofHours(8);
    private static final Duration LOGIN_FORM_LIFETIME = Duration.ofHours(1);

    private final SessionStore store;
    private final Tokens tokens;
    private final Clock clock;

    Sessions(SessionStore store, Tokens tokens, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The session of this request's cookie, if it is one of ours and has not expired. */
    Optional<ConsoleSession> current(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return store.find(Tokens.hash(token), clock.instant());
    }

    /** A fresh session for {@code username}, replacing whatever session the request carried. */
    ConsoleSession start(Context ctx, String username) {
        forget(ctx);
        Instant now = clock.instant();
        store.deleteExpired(now);
        String token = tokens.next();
        ConsoleSession session = new ConsoleSession(Tokens.hash(token), username, tokens.next(), now, now.plus(LIFETIME));
        store.create(session);
        setCookie(ctx, COOKIE, token, "/console", LIFETIME);
        setCookie(ctx, LOGIN_COOKIE, "", "/console/login", Duration.ZERO);
        return session;
    }

    /** Ends the request's session, if any, and clears its cookie. */
    void end(Context ctx) {
        forget(ctx);
        if (ctx.cookie(COOKIE) != null) {
            setCookie(ctx, COOKIE, "", "/console", Duration.ZERO);
        }
    }

    /** Deletes the request's session from the store; its cookie is left for the caller to replace. */
    private void forget(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (Tokens.wellFormed(token)) {
            store.delete(Tokens.hash(token));
        }
    }

    /** The login form's token: the one the browser already holds, or a new one in a new cookie. */
    String loginToken(Context ctx) {
        String token = ctx.cookie(LOGIN_COOKIE);
        if (Tokens.wellFormed(token)) {
            return token;
        }
        token = tokens.next();
        setCookie(ctx, LOGIN_COOKIE, token, "/console/login", LOGIN_FORM_LIFETIME);
        return token;
    }

    /** Whether the login form posted the token its cookie carries. */
    static boolean loginTokenMatches(Context ctx) {
        String cookie = ctx.cookie(LOGIN_COOKIE);
        return Tokens.wellFormed(cookie) && Tokens.same(cookie, ctx.formParam("_csrf"));
    }

    /** HTTPS as the browser sees it: directly, or through the TLS proxy in front of us. */
    static boolean secure(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-Proto");
        if (forwarded != null) {
            return forwarded.strip().toLowerCase(Locale.ROOT).startsWith("https");
        }
        return "https".equalsIgnoreCase(ctx.scheme());
    }

    /** Written by hand: the attributes that matter (SameSite above all) must be exactly these. */
    private static void setCookie(Context ctx, String name, String value, String path, Duration maxAge) {
        StringBuilder c = new StringBuilder(name).append('=').append(value)
                .append("; Path=").append(path)
                .append("; Max-Age=").append(maxAge.toSeconds())
                .append("; HttpOnly; SameSite=Strict");
        if (secure(ctx)) {
            c.append("; Secure");
        }
        ctx.res().addHeader("Set-Cookie", c.toString());
    }
}
