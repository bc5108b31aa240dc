package it.sportello.store;

import it.sportello.contract.Reason;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Which escalations of a tenant the queue shows. An empty status set means every status. */
public record QueueFilter(String tenant, Set<EscalationStatus> statuses, Optional<Reason> reason, int limit) {

    public QueueFilter {
        Objects.requireNonNull(tenant, "tenant");
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(reason, "reason");
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit out of 1..1000");
        }
    }

    /** What a moderator works on: open and claimed items. */
    public static QueueFilter pending(String tenant) {
        return new QueueFilter(tenant, Set.of(EscalationStatus.OPEN, EscalationStatus.CLAIMED), Optional.empty(), 200);
    }
}
