package it.sportello.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A message a moderator must review, with who did what and when. */
public record Escalation(long id, StoredMessage message, Priority priority, EscalationStatus status, Instant createdAt,
                         Optional<String> claimedBy, Optional<Instant> claimedAt, Optional<String> closedBy,
                         Optional<Instant> closedAt, Optional<Resolution> resolution, Optional<String> answer) {

    public Escalation {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(claimedBy, "claimedBy");
        Objects.requireNonNull(claimedAt, "claimedAt");
        Objects.requireNonNull(closedBy, "closedBy");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(answer, "answer");
    }

    public String tenant() {
        return message.message().tenant();
    }
}
