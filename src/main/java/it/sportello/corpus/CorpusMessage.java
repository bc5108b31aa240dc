package it.sportello.corpus;

import it.sportello.guard.GuardClass;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One labelled message. {@code labels}: the guard classes the text shows; {@code known}: the classes the line
 * says anything about (all of them, unless the line comes from a single detector's corpus); {@code topic}: for a
 * general question, the section that answers it, {@link Topic#uncovered()} when none does, empty otherwise.
 */
public record CorpusMessage(String id, String tenant, String lang, String text, Set<GuardClass> labels,
                            Set<GuardClass> known, Optional<Topic> topic) {

    public CorpusMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(text, "text");
        labels = labels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(labels));
        known = known.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(known));
        Objects.requireNonNull(topic, "topic");
    }

    public boolean has(GuardClass c) {
        return labels.contains(c);
    }

    /** A general question: its section, or none when the knowledge base does not cover it. */
    public record Topic(Optional<String> section) {
        public static Topic uncovered() {
            return new Topic(Optional.empty());
        }

        public static Topic of(String section) {
            return new Topic(Optional.of(section));
        }

        public boolean covered() {
            return section.isPresent();
        }
    }
}
