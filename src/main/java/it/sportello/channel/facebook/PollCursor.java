package it.sportello.channel.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the page's poller left off: the creation time of the newest comment handed in, and the comments
 * handed in within {@link FacebookPoller#OVERLAP} of it (id → creation time). A round reads again from
 * {@code time - OVERLAP}, so a comment Graph shows late is still found, and skips the ids it remembers, so
 * none is handed in twice. Stored as JSON in the cursors table.
 */
record PollCursor(Instant time, Map<String, Instant> recent) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * At most this many ids are remembered (a burst of comments within the overlap): older ones read again
     * are recognised by the intake as duplicates instead.
     */
    static final int MAX_RECENT = 5000;

    PollCursor {
        Objects.requireNonNull(time, "time");
        recent = Map.copyOf(recent);
    }

    static PollCursor startingAt(Instant time) {
        return new PollCursor(time, Map.of());
    }

    /** Where a round starts reading. */
    Instant from(Duration overlap) {
        return time.minus(overlap);
    }

    boolean handedIn(String commentId) {
        return recent.containsKey(commentId);
    }

    /** After handing {@code handed} (id → creation time) in: the newest time, and what is within the overlap. */
    PollCursor after(Map<String, Instant> handed, Duration overlap) {
        Instant newest = handed.values().stream().max(Instant::compareTo).filter(t -> t.isAfter(time)).orElse(time);
        Map<String, Instant> keep = new TreeMap<>();
        recent.forEach(keep::put);
        handed.forEach(keep::put);
        keep.values().removeIf(t -> t.isBefore(newest.minus(overlap)));
        if (keep.size() > MAX_RECENT) {
            List<Map.Entry<String, Instant>> byTime = new ArrayList<>(keep.entrySet());
            byTime.sort(Map.Entry.comparingByValue());
            byTime.subList(0, byTime.size() - MAX_RECENT).forEach(e -> keep.remove(e.getKey()));
        }
        return new PollCursor(newest, keep);
    }

    String encode() {
        ObjectNode out = JSON.createObjectNode().put("time", time.toString());
        ObjectNode ids = out.putObject("recent");
        new TreeMap<>(recent).forEach((id, at) -> ids.put(id, at.toString()));
        return out.toString();
    }

    /** Empty when the stored value is not a cursor of this form (the poller then starts afresh). */
    static Optional<PollCursor> decode(String stored) {
        try {
            JsonNode node = JSON.readTree(stored);
            Map<String, Instant> recent = new TreeMap<>();
            node.path("recent").fields().forEachRemaining(e -> recent.put(e.getKey(), Instant.parse(e.getValue().asText())));
            return Optional.of(new PollCursor(Instant.parse(node.path("time").asText()), recent));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
