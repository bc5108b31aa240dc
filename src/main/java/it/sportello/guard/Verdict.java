package it.sportello.guard;

import it.sportello.contract.Action;
import it.sportello.contract.Reason;
import it.sportello.contract.Sanction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the policy says about a message. {@code action} is present when the policy settles the message
 * itself (emergency, redirect, moderate); otherwise retrieval answers it. {@code text} is the text with
 * personal data redacted: the only text that later steps, stores and logs see. {@code reasons} go into
 * the decision whatever the action (personal_data, for instance).
 */
public record Verdict(String text, Optional<Action> action, List<Reason> reasons, boolean hide, Sanction sanction) {

    public Verdict {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(action, "action");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(sanction, "sanction");
    }
}
