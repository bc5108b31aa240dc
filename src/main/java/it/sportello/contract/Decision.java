package it.sportello.contract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the bot decided about one message (contract: Decision), with what made it ({@code evidence}). */
public record Decision(String id, Action action, List<Reason> reasons, boolean hide, Sanction sanction,
                       List<SectionRef> sections, String reply, double confidence, Evidence evidence,
                       Optional<String> error) {

    public Decision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        reasons = List.copyOf(reasons.stream().distinct().toList());
        Objects.requireNonNull(sanction, "sanction");
        sections = List.copyOf(sections);
        Objects.requireNonNull(reply, "reply");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence out of 0..1: " + confidence);
        }
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(error, "error");
        if (action == Action.ANSWER && sections.isEmpty()) {
            throw new IllegalArgumentException("an answer needs at least one section");
        }
    }

    public static Decision error(String id, String message) {
        return new Decision(id, Action.ERROR, List.of(), false, Sanction.NONE, List.of(), "", 0, Evidence.NONE,
                Optional.of(message));
    }

    public boolean has(Reason reason) {
        return reasons.contains(reason);
    }
}
