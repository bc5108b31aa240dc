package it.sportello.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a decision sets in motion besides itself: an escalation, a ban proposal, items for the outbox. */
public record Followups(Optional<Priority> escalation, boolean proposeBan, List<OutboxItem> outbox) {

    public Followups {
        Objects.requireNonNull(escalation, "escalation");
        outbox = List.copyOf(outbox);
    }

    public static Followups none() {
        return new Followups(Optional.empty(), false, List.of());
    }
}
