package it.sportello.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns what a citizen wrote into a {@link NormalizedText}: the one reading of the text that every detector
 * shares, so that an evasion defeats none of them.
 * <ol>
 *   <li>invisible and formatting characters (zero-width spaces and joiners, soft hyphens, bidi controls,
 *       variation selectors) are removed; every kind of space becomes one space;</li>
 *   <li>Unicode compatibility decomposition (NFKD, ICU4J): full-width, mathematical, circled and ligature
 *       forms become plain letters and digits; accents and other marks are dropped;</li>
 *   <li>digits of any script (Arabic-Indic, Devanagari, full-width...) become ASCII digits;</li>
 *   <li>letters of other scripts that look like Latin ones (Cyrillic а, Greek ο) are folded to their Latin
 *       prototype by ICU4J's {@link SpoofChecker} skeleton, inside words that mix them with Latin letters
 *       or in a text that is mostly Latin: a Ukrainian message stays Cyrillic;</li>
 *   <li>single letters or digits spaced or dotted out (s t r o n z o, c.o.g.l.i.o.n.e, 3 3 9 1 2 ...) are
 *       joined;</li>
 *   <li>in the folded form only: lower case, and letters stretched three times or more squeezed (vowels to one,
 *       consonants to two: aiutooo → aiuto, stronzzzo → stronzzo).</li>
 * </ol>
 * Thread-safe and allocation-light: a plain ASCII text costs one copy.
 */
public final class TextNormalizer {

    private static final Normalizer2 NFKD = Normalizer2.getNFKDInstance();
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    /** Decompositions of the Latin-1 and Latin Extended letters, the non-ASCII characters Italian text is made of. */
    private static final String[] LATIN = new String[0x250];
    private static final char NO_SKELETON = '\0';

    static {
        for (int c = 0x80; c < LATIN.length; c++) {
            LATIN[c] = withoutMarks(NFKD.normalize(String.valueOf((char) c)));
        }
    }

    private final ConcurrentHashMap<Integer, String> decompositions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, Character> skeletons = new ConcurrentHashMap<>();

    public NormalizedText normalize(String original) {
        Builder b = new Builder(original.length());
        boolean nonLatinLetters = decompose(original, b);
        if (nonLatinLetters) {
            foldLookAlikes(b);
        }
        joinSpelledOut(b);
        String clean = b.text.toString();
        return new NormalizedText(original, clean, Arrays.copyOf(b.origin, b.text.length()), fold(clean));
    }

    /** Steps 1 to 3; whether the text has letters outside ASCII that are not Latin (look-alike candidates). */
    private boolean decompose(String s, Builder b) {
        boolean nonLatin = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int at = i;
            i += Character.charCount(cp);
            if (cp < 0x80) {
                if (cp >= 0x20 || cp == '\n') {
                    b.add((char) cp, at);
                } else if (cp == '\t' || cp == '\r') {
                    b.add(' ', at);
                }
                continue;
            }
            int type = UCharacter.getType(cp);
            if (type == UCharacterCategory.FORMAT || type == UCharacterCategory.CONTROL
                    || type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.ENCLOSING_MARK
                    || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x034F) {
                continue;
            }
            if (type == UCharacterCategory.DECIMAL_DIGIT_NUMBER) {
                b.add((char) ('0' + UCharacter.digit(cp, 10)), at);
                continue;
            }
            if (UCharacter.isWhitespace(cp) || type == UCharacterCategory.SPACE_SEPARATOR) {
                b.add(cp == 0x2028 || cp == 0x2029 ? '\n' : ' ', at);
                continue;
            }
            char punctuation = punctuation(cp);
            if (punctuation != 0) {
                b.add(punctuation, at);
                continue;
            }
            String d = cp < LATIN.length ? LATIN[cp] : decompositions.computeIfAbsent(cp,
                    c -> withoutMarks(NFKD.normalize(new String(Character.toChars(c)))));
            for (int k = 0; k < d.length(); k++) {
                char c = d.charAt(k);
                b.add(c, at);
                nonLatin |= c >= 0x80 && Character.isLetter(c) && UScript.getScript(c) != UScript.LATIN;
            }
            nonLatin |= cp >= 0x10000 && UCharacter.isLetter(cp);
        }
        return nonLatin;
    }

    /** Typographic quotes and dashes as the ASCII ones citizens also type; 0 when {@code cp} is none of them. */
    private static char punctuation(int cp) {
        return switch (cp) {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x02BC, 0x2032, 0x00B4, 0x0060 -> '\'';
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033 -> '"';
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212 -> '-';
            case 0x2022, 0x00B7, 0x2027, 0x30FB -> '.';
            default -> 0;
        };
    }

    private static String withoutMarks(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK && type != Character.COMBINING_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Step 4, in place: the look-alikes of words that mix scripts, or of every word of a mostly Latin text. */
    private void foldLookAlikes(Builder b) {
        StringBuilder t = b.text;
        int latin = 0;
        int letters = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                latin += c < 0x80 || UScript.getScript(c) == UScript.LATIN ? 1 : 0;
            }
        }
        boolean mostlyLatin = latin * 2 > letters;
        int i = 0;
        while (i < t.length()) {
            if (!Character.isLetter(t.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean hasLatin = false;
            boolean allLookAlike = true;
            while (i < t.length() && Character.isLetter(t.charAt(i))) {
                char c = t.charAt(i);
                if (c < 0x80 || UScript.getScript(c) == UScript.LATIN) {
                    hasLatin = true;
                } else if (skeleton(c) == NO_SKELETON) {
                    allLookAlike = false;
                }
                i++;
            }
            if (hasLatin || mostlyLatin && allLookAlike) {
                for (int k = start; k < i; k++) {
                    char c = t.charAt(k);
                    char s = c < 0x80 ? NO_SKELETON : skeleton(c);
                    if (s != NO_SKELETON) {
                        t.setCharAt(k, s);
                    }
                }
            }
        }
    }

    /** The ASCII letter a character is confusable with, or {@link #NO_SKELETON}. */
    private char skeleton(char c) {
        return skeletons.computeIfAbsent((int) c, k -> {
            String s = SPOOF.getSkeleton(String.valueOf(c));
            if (s.length() != 1 || s.charAt(0) == c || s.charAt(0) >= 0x80 || !Character.isLetter(s.charAt(0))) {
                return NO_SKELETON;
            }
            return Character.isUpperCase(c) ? Character.toUpperCase(s.charAt(0)) : Character.toLowerCase(s.charAt(0));
        });
    }

    /**
     * Step 5: runs of single letters (at least three joined by '.', '-', '_', '*', or four by spaces) or of single
     * digits (at least six) with the same separator between each, become one word.
     */
    private static void joinSpelledOut(Builder b) {
        StringBuilder t = b.text;
        int n = t.length();
        if (n < 5) {
            return;
        }
        StringBuilder out = null;
        int[] origin = null;
        int copied = 0;
        int outLength = 0;
        int i = 0;
        while (i < n) {
            if (!isSingle(t, i)) {
                i++;
                continue;
            }
            boolean digit = Character.isDigit(t.charAt(i));
            char sep = i + 1 < n ? t.charAt(i + 1) : 0;
            int end = i + 1;
            int count = 1;
            if (isSeparator(sep)) {
                while (end + 1 < n && t.charAt(end) == sep && isSingle(t, end + 1)
                        && Character.isDigit(t.charAt(end + 1)) == digit) {
                    end += 2;
                    count++;
                }
            }
            int needed = digit ? 6 : sep == ' ' ? 4 : 3;
            if (count < needed) {
                i = end;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
                origin = new int[n];
            }
            out.append(t, copied, i);
            System.arraycopy(b.origin, copied, origin, outLength, i - copied);
            outLength += i - copied;
            for (int k = i; k < end; k += 2) {
                out.append(t.charAt(k));
                origin[outLength++] = b.origin[k];
            }
            copied = end;
            i = end;
        }
        if (out != null) {
            out.append(t, copied, n);
            System.arraycopy(b.origin, copied, origin, outLength, n - copied);
            b.text.setLength(0);
            b.text.append(out);
            b.origin = origin;
        }
    }

    /** A letter or digit with no letter or digit on either side. */
    private static boolean isSingle(CharSequence t, int i) {
        return Character.isLetterOrDigit(t.charAt(i))
                && (i == 0 || !Character.isLetterOrDigit(t.charAt(i - 1)))
                && (i + 1 == t.length() || !Character.isLetterOrDigit(t.charAt(i + 1)));
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*';
    }

    /** Lower case, letters stretched three times or more squeezed: vowels to one, consonants to two. */
    static String fold(String clean) {
        StringBuilder out = new StringBuilder(clean.length());
        int n = clean.length();
        for (int i = 0; i < n; ) {
            char c = Character.toLowerCase(clean.charAt(i));
            int run = 1;
            while (i + run < n && Character.toLowerCase(clean.charAt(i + run)) == c) {
                run++;
            }
            int keep = run < 3 || !Character.isLetter(c) ? run : isVowel(c) ? 1 : 2;
            for (int k = 0; k < keep; k++) {
                out.append(c);
            }
            i += run;
        }
        return out.toString();
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    /** The clean text being built, with the original index of each of its characters. */
    private static final class Builder {
        final StringBuilder text;
        int[] origin;

        Builder(int capacity) {
            text = new StringBuilder(capacity + 8);
            origin = new int[capacity + 8];
        }

        void add(char c, int at) {
            if (text.length() == origin.length) {
                origin = Arrays.copyOf(origin, origin.length * 2);
            }
            origin[text.length()] = at;
            text.append(c);
        }
    }
}
