package it.sportello.contract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What made a decision, for moderators and curators (contract: {@code evidence}): the rules that matched and
 * the model scores against their thresholds. Never personal data, never the citizen's text.
 */
public record Evidence(List<Signal> signals) {

    public static final Evidence NONE = new Evidence(List.of());

    public Evidence {
        signals = List.copyOf(signals);
    }

    /**
     * One piece of evidence: {@code about} what (a guard class such as {@code emergency}, {@code answerable},
     * {@code language}), {@code by} whom (a lexicon entry {@code config/guard/emergency.txt:45}, {@code model},
     * {@code retrieval}), the score and the threshold it was held to, and a short detail.
     */
    public record Signal(String about, String by, OptionalDouble score, OptionalDouble threshold, Optional<String> detail) {
        public Signal {
            Objects.requireNonNull(about, "about");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(threshold, "threshold");
            Objects.requireNonNull(detail, "detail");
            // three decimals are all a reader needs, and what the store keeps: a decision read back is the same
            score = round(score);
            threshold = round(threshold);
        }

        private static OptionalDouble round(OptionalDouble v) {
            return v.isPresent() ? OptionalDouble.of(Math.round(v.getAsDouble() * 1000) / 1000.0) : v;
        }

        public static Signal rule(String about, String by) {
            return new Signal(about, by, OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty());
        }

        public static Signal score(String about, String by, double score, double threshold) {
            return new Signal(about, by, OptionalDouble.of(score), OptionalDouble.of(threshold), Optional.empty());
        }

        public Signal withDetail(String text) {
            return new Signal(about, by, score, threshold, Optional.of(text));
        }

        /** One line for a terminal or a page: "emergency: model 0.93 ≥ 0.40". */
        public String describe() {
            StringBuilder out = new StringBuilder(about).append(": ").append(by);
            score.ifPresent(s -> out.append(String.format(java.util.Locale.ROOT, " %.2f", s)));
            threshold.ifPresent(t -> out.append(String.format(java.util.Locale.ROOT, " (threshold %.2f)", t)));
            detail.ifPresent(d -> out.append(" – ").append(d));
            return out.toString();
        }
    }

    public Evidence plus(List<Signal> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Signal> all = new java.util.ArrayList<>(signals);
        all.addAll(more);
        return new Evidence(all);
    }
}
