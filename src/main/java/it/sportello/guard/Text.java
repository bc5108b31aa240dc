package it.sportello.guard;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A message's text in the forms the detectors match: {@code plain} is lower case, accents folded,
 * apostrophes and punctuation turned into single spaces, padded with one space at each end;
 * {@code decoded} is the same after undoing the usual obfuscations (c0glioni, str0nz0, vaffff),
 * so that lexicons are written once, in plain Italian.
 */
public record Text(String original, String plain, String decoded, Set<String> words, boolean masked) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}*]+");
    /** Only a text with digits, '@', '$' or a letter three times in a row can read differently decoded. */
    private static final Pattern OBFUSCATION_HINT = Pattern.compile("[0-9@$]|(\\p{L})\\1\\1");
    private static final Pattern LONG_RUN = Pattern.compile("(\\p{L})\\1{2,}");
    /** Asterisks that hide letters stay ("m*rda"); those around words ("**urgente**") go. */
    private static final Pattern LOOSE_STARS = Pattern.compile("(?<![\\p{L}*])\\*++|\\*++(?!\\p{L})");

    public static Text of(String original) {
        String folded = LOOSE_STARS.matcher(fold(original)).replaceAll(" ");
        String plain = pad(NOT_WORD.matcher(folded).replaceAll(" "));
        String decoded = OBFUSCATION_HINT.matcher(folded).find()
                ? pad(NOT_WORD.matcher(LONG_RUN.matcher(unLeet(folded)).replaceAll("$1$1")).replaceAll(" ")) : plain;
        Set<String> words = new HashSet<>(Arrays.asList(plain.strip().split(" ")));
        if (decoded != plain) {
            words.addAll(Arrays.asList(decoded.strip().split(" ")));
        }
        words.remove("");
        return new Text(original, plain, decoded, Set.copyOf(words), words.stream().anyMatch(w -> w.indexOf('*') >= 0));
    }

    /** Lower case without accents. */
    public static String fold(String s) {
        return MARKS.matcher(Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
    }

    /** Digits and symbols used as letters inside a word: 0→o, 1→i, 3→e, 4→a, 5→s, 7→t, @→a, $→s. */
    private static String unLeet(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean inWord = (i > 0 && Character.isLetter(s.charAt(i - 1)))
                    || (i + 1 < s.length() && Character.isLetter(s.charAt(i + 1)));
            char mapped = switch (c) {
                case '0' -> 'o';
                case '1' -> 'i';
                case '3' -> 'e';
                case '4' -> 'a';
                case '5' -> 's';
                case '7' -> 't';
                case '@' -> 'a';
                case '$' -> 's';
                default -> c;
            };
            out.append(inWord || c == '@' || c == '$' ? mapped : c);
        }
        return out.toString();
    }

    private static String pad(String s) {
        return " " + s.strip().replaceAll(" +", " ") + " ";
    }
}
