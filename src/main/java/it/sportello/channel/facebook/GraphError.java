package it.sportello.channel.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import facebook4j.FacebookException;
import it.sportello.delivery.Delivery;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a Graph API failure means for Sportello: try again (a 5xx, a timeout), try again later (throttled),
 * or never (the comment is gone, the token is wrong, the request is invalid). The description names the
 * operation, the HTTP status and Graph's code and message: never an address (it would carry the token).
 */
record GraphError(Fault fault, String description, Optional<Duration> after) {

    enum Fault { TRANSIENT, THROTTLED, GONE, PERMANENT }

    /** Graph's rate-limit codes: app (4), user (17), page (32), custom (613), business use case (80001...). */
    static final Set<Integer> THROTTLING = Set.of(4, 17, 32, 613, 80001, 80002, 80003, 80004, 80005, 80006, 80008,
            80009, 80014);
    /**
     * When throttled and no usage header says how long: Graph's windows are rolling hours, and a few minutes
     * lets most of them drain without hammering.
     */
    static final Duration THROTTLE_WAIT = Duration.ofMinutes(5);
    private static final List<String> USAGE_HEADERS = List.of("X-Business-Use-Case-Usage", "X-Page-Usage", "X-App-Usage");
    private static final ObjectMapper JSON = new ObjectMapper();

    static GraphError of(String operation, FacebookException e) {
        if (e.getCause() instanceof IOException || e.getStatusCode() <= 0 && e.getErrorCode() < 0) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new GraphError(Fault.TRANSIENT, operation + ": " + cause.getClass().getSimpleName(), Optional.empty());
        }
        return of(operation, e.getStatusCode(), e.getErrorCode(), e.getErrorSubcode(),
                Optional.ofNullable(e.getErrorMessage()).orElse(""), name -> header(e, name));
    }

    /** {@code code} and {@code subcode} are -1 when Graph's answer had none (not Graph's: a proxy's page). */
    static GraphError of(String operation, int status, int code, int subcode, String message,
                         Function<String, Optional<String>> headers) {
        String graph = shorten(message);
        String description = operation + ": HTTP " + status + (code >= 0 ? " code " + code : "")
                + (subcode >= 0 ? "/" + subcode : "") + (graph.isEmpty() ? "" : " " + graph);
        if (status == 429 || THROTTLING.contains(code)) {
            Optional<Duration> after = regainAccess(headers).or(() -> Optional.of(THROTTLE_WAIT));
            return new GraphError(Fault.THROTTLED, description, after);
        }
        if (status >= 500 || code == 1 || code == 2 || status < 400) {
            return new GraphError(Fault.TRANSIENT, description, Optional.empty());
        }
        if (status == 404 || code == 100 && subcode == 33 || graph.contains("does not exist")) {
            return new GraphError(Fault.GONE, description + " (it is no longer on Facebook: deleted, or not "
                    + "visible to the page)", Optional.empty());
        }
        if (code == 190) {
            return new GraphError(Fault.PERMANENT, description + " (the page token is invalid or expired)", Optional.empty());
        }
        if (code == 551 || code == 10 && subcode == 2018278 || code == 100 && subcode == 2018001) {
            return new GraphError(Fault.PERMANENT, description + " (the person cannot be reached on Messenger: "
                    + "unavailable, or outside the 24-hour window)", Optional.empty());
        }
        return new GraphError(Fault.PERMANENT, description, Optional.empty());
    }

    boolean retryable() {
        return fault == Fault.TRANSIENT || fault == Fault.THROTTLED;
    }

    Delivery delivery() {
        return retryable() ? new Delivery.Retry(after, description) : new Delivery.Rejected(description);
    }

    /**
     * The longest {@code estimated_time_to_regain_access} (minutes) in Graph's usage headers, when one says
     * access is blocked.
     */
    static Optional<Duration> regainAccess(Function<String, Optional<String>> header) {
        long minutes = 0;
        for (String name : USAGE_HEADERS) {
            Optional<String> value = header.apply(name);
            if (value.isPresent()) {
                try {
                    minutes = Math.max(minutes, longest(JSON.readTree(value.get())));
                } catch (IOException | RuntimeException ignored) {
                    // a header we cannot read says nothing
                }
            }
        }
        return minutes > 0 ? Optional.of(Duration.ofMinutes(minutes)) : Optional.empty();
    }

    private static long longest(JsonNode node) {
        long max = node.path("estimated_time_to_regain_access").asLong(0);
        for (JsonNode child : node) {
            max = Math.max(max, longest(child));
        }
        return max;
    }

    /**
     * facebook4j looks headers up case-sensitively, as the server spelled them, and throws when one is
     * missing: try the usual spellings.
     */
    private static Optional<String> header(FacebookException e, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String spelling : List.of(name, lower, Character.toUpperCase(lower.charAt(0)) + lower.substring(1))) {
            try {
                String v = e.getResponseHeader(spelling);
                if (v != null) {
                    return Optional.of(v);
                }
            } catch (RuntimeException missing) {
                // facebook4j's NullPointerException for an absent header
            }
        }
        return Optional.empty();
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }
}
