package it.sportello.guard;

import java.util.Objects;
import java.util.Optional;

/**
 * What one detector says of a text: whether its class fires, the model's probability and the threshold it is
 * held to (1 where there is no model), and the curated rule
 * that matched ({@code file:line}, or the age the writer states), if any. Never the text itself.
 */
public record Finding(GuardClass guardClass, boolean fired, double score, double threshold, Optional<String> rule) {

    public Finding {
        Objects.requireNonNull(guardClass, "guardClass");
        Objects.requireNonNull(rule, "rule");
    }
}
