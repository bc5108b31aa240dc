package it.sportello.text;

import java.util.Objects;

/**
 * A text in the forms the detectors read, with the way back to the original.
 *
 * <ul>
 *   <li>{@code clean}: compatibility forms folded (full-width, mathematical and circled letters), invisible
 *       and formatting characters gone, accents and other marks dropped, look-alike letters of other scripts
 *       turned into Latin ones inside Latin words, digits of every script as ASCII, spaced or dotted single
 *       letters and digits joined; case is kept (street names, tax codes);</li>
 *   <li>{@code folded}: {@code clean} in lower case with stretched letters squeezed (aiutooo → aiuto), for
 *       lexicons and the model.</li>
 * </ul>
 * {@code origin[i]} is the index in {@code original} of the character that became {@code clean.charAt(i)},
 * so that what is found in the clean text can be masked in the original.
 */
public record NormalizedText(String original, String clean, int[] origin, String folded) {

    public NormalizedText {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(clean, "clean");
        Objects.requireNonNull(folded, "folded");
        if (origin.length != clean.length()) {
            throw new IllegalArgumentException("one origin per clean character");
        }
    }

    /** The start in the original of the clean span starting at {@code start}. */
    public int originalStart(int start) {
        return start < origin.length ? origin[start] : original.length();
    }

    /** The end (exclusive) in the original of the clean span ending at {@code end} (exclusive). */
    public int originalEnd(int end) {
        if (end <= 0) {
            return 0;
        }
        int last = origin[end - 1];
        return last + Character.charCount(original.codePointAt(last));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormalizedText n && n.original.equals(original);
    }

    @Override
    public int hashCode() {
        return original.hashCode();
    }

    @Override
    public String toString() {
        return "NormalizedText[" + clean.length() + " chars]";
    }
}
