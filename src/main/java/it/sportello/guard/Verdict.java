package it.sportello.guard;

import it.sportello.contract.Action;
import it.sportello.contract.Evidence;
import it.sportello.contract.Reason;
import it.sportello.contract.Sanction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the policy says about a message. {@code action} is present when the policy settles the message
 * itself (emergency, moderate, redirect, ignore); otherwise retrieval answers it. {@code text} is the text with
 * personal data redacted: the only text that later steps, stores and logs see. {@code reasons} go into
 * the decision whatever the action (personal_data, for instance); {@code evidence} says what fired;
 * {@code language} is the language the model reads the text in; {@code section}, when present, is the section
 * the policy routes the message to (complaints and praise to the URP), whatever its words are about.
 */
public record Verdict(String text, Optional<Action> action, List<Reason> reasons, boolean hide, Sanction sanction,
                      Evidence evidence, String language, Optional<Route> section) {

    public Verdict {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(action, "action");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(sanction, "sanction");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(section, "section");
    }

    /** A section the policy sends a message to, and how sure the detector that sent it there is. */
    public record Route(String section, double score) {
        public Route {
            Objects.requireNonNull(section, "section");
        }
    }
}
