package it.sportello.guard;

import java.util.Set;

/** A text with its personal data replaced by {@link PersonalDataDetector#MASK}, and the kinds found. */
public record Redaction(String text, Set<PersonalData> found) {

    public Redaction {
        found = Set.copyOf(found);
    }

    public boolean any() {
        return !found.isEmpty();
    }

    /** This text with the {@code [start, end)} spans replaced by the mask. */
    Redaction withMasks(java.util.List<int[]> spans) {
        if (spans.isEmpty()) {
            return this;
        }
        java.util.List<int[]> sorted = new java.util.ArrayList<>(spans);
        sorted.sort(java.util.Comparator.comparingInt(s -> s[0]));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (int[] s : sorted) {
            if (s[0] >= at) {
                out.append(text, at, s[0]).append(PersonalDataDetector.MASK);
                at = s[1];
            }
        }
        return new Redaction(out.append(text.substring(at)).toString(), found);
    }
}
