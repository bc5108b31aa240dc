package it.sportello.intake;

import it.sportello.contract.Decision;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of an inbound message: its id in the store, the decision (absent only for a retried delivery
 * whose first copy is still being processed), whether it was a retry, and the escalation it opened.
 */
public record Receipt(long messageId, Optional<Decision> decision, boolean duplicate, Optional<Long> escalation) {

    public Receipt {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(escalation, "escalation");
    }
}
