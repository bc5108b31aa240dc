package it.sportello.guard;

import it.sportello.tenant.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A curated list of phrases that signal one thing (an emergency, an insult, a request to be called),
 * read from a commented text file under {@code config/guard/} that staff can extend without a build.
 * Syntax, one entry a line, matched on whole words of the text in lower case without accents:
 * <pre>
 *   dolore al petto           a phrase
 *   svenut*                   '*' ends a word with any ending (svenuto, svenuta, svenuti)
 *   (mio|mia) (figlio|figlia) alternatives in parentheses
 *   non .. respira*           '..' stands for up to four words in between
 *   m*rda                     '*' inside a word stands for one hidden letter (for obfuscations)
 *   mio figlio &amp; febbre*      '&amp;' joins phrases that must all occur in the message
 *   ! sintomi dell ictus      '!' an exception: when it matches, the lexicon does not fire
 *   re: \bcod(ice)? fisc      a Java regular expression, for what the syntax cannot say
 *   re[cod|codice]: ...       the same, tried only on texts with one of those words (faster)
 * </pre>
 * Lines are matched against the plain text and the de-obfuscated text ({@link Text}).
 */
public final class Lexicon {

    /**
     * One entry: all its patterns must match. {@code triggers} are the words one of which the text must
     * contain for the entry to be tried at all (the alternatives of its first word; a word ending in '*'
     * as a prefix); empty when the entry must always be tried.
     */
    private record Entry(List<Pattern> plain, List<Pattern> masked, Set<String> anchors, List<String> triggers,
                         String source, int line) {
        boolean matches(Text t) {
            if (t.masked()) {
                return masked.stream().allMatch(p -> p.matcher(t.plain()).find() || p.matcher(t.decoded()).find());
            }
            if (!t.words().containsAll(anchors)) {
                return false;
            }
            boolean twoReadings = !t.decoded().equals(t.plain());
            return plain.stream().allMatch(p -> p.matcher(t.plain()).find() || twoReadings && p.matcher(t.decoded()).find());
        }
    }

    private final String name;
    private final List<Entry> includes;
    private final List<Entry> excludes;
    /** Entries by the exact words that can start them, and by the prefixes that can; the rest always run. */
    private final Map<String, List<Integer>> byWord = new HashMap<>();
    private final Map<String, List<Integer>> byPrefix = new HashMap<>();
    private final List<Integer> always = new ArrayList<>();
    private int minPrefix = Integer.MAX_VALUE;
    private int maxPrefix = 0;

    private Lexicon(String name, List<Entry> includes, List<Entry> excludes) {
        this.name = name;
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
        for (int i = 0; i < this.includes.size(); i++) {
            List<String> triggers = this.includes.get(i).triggers();
            if (triggers.isEmpty()) {
                always.add(i);
            }
            for (String t : triggers) {
                if (t.endsWith("*")) {
                    byPrefix.computeIfAbsent(t.substring(0, t.length() - 1), k -> new ArrayList<>()).add(i);
                    minPrefix = Math.min(minPrefix, t.length() - 1);
                    maxPrefix = Math.max(maxPrefix, t.length() - 1);
                } else {
                    byWord.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
                }
            }
        }
    }

    /** The entries worth trying on a text, in file order. */
    private BitSet candidates(Text t) {
        BitSet out = new BitSet(includes.size());
        if (t.masked()) {
            out.set(0, includes.size());
            return out;
        }
        always.forEach(out::set);
        for (String w : t.words()) {
            List<Integer> exact = byWord.get(w);
            if (exact != null) {
                exact.forEach(out::set);
            }
            for (int k = minPrefix; k <= Math.min(w.length(), maxPrefix); k++) {
                List<Integer> byThisPrefix = byPrefix.get(w.substring(0, k));
                if (byThisPrefix != null) {
                    byThisPrefix.forEach(out::set);
                }
            }
        }
        return out;
    }

    public static Lexicon load(Path file) {
        return load(file, file.toString());
    }

    /** {@code name}: how decisions' evidence and error messages name the file ({@code config/guard/emergency.txt}). */
    public static Lexicon load(Path file, String name) {
        try {
            return parse(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("cannot read lexicon " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the text of a lexicon file; {@code name} is used in error messages. */
    public static Lexicon parse(String name, String content) {
        List<Entry> includes = new ArrayList<>();
        List<Entry> excludes = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean exception = line.startsWith("!");
            String body = exception ? line.substring(1).strip() : line;
            try {
                (exception ? excludes : includes).add(compile(body, name, i + 1));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name + ":" + (i + 1) + ": cannot read '" + line + "': " + e.getMessage(), e);
            }
        }
        if (includes.isEmpty()) {
            throw new ConfigException(name + ": the lexicon has no entry");
        }
        return new Lexicon(name, includes, excludes);
    }

    public boolean matches(Text text) {
        return firstMatch(text).isPresent();
    }

    /** The first entry that matches, as "file:line", unless an exception matches too. */
    public Optional<String> firstMatch(Text text) {
        BitSet candidates = candidates(text);
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Entry e = includes.get(i);
            if (e.matches(text)) {
                return excludes.stream().anyMatch(x -> x.matches(text)) ? Optional.empty()
                        : Optional.of(e.source() + ":" + e.line());
            }
        }
        return Optional.empty();
    }

    public String name() {
        return name;
    }

    public int size() {
        return includes.size() + excludes.size();
    }

    private static Entry compile(String body, String source, int line) {
        if (body.startsWith("re:") || body.startsWith("re[")) {
            int colon = body.indexOf(':');
            List<String> keys = body.startsWith("re[") && colon > 3 && body.charAt(colon - 1) == ']'
                    ? List.of(Text.fold(body.substring(3, colon - 1)).split("\\|")) : List.of();
            if (body.startsWith("re[") && keys.isEmpty()) {
                throw new IllegalArgumentException("write the words that key a regular expression as re[word|word*]: ...");
            }
            List<Pattern> re = List.of(Pattern.compile(body.substring(colon + 1).strip()));
            return new Entry(re, re, Set.of(), keys, source, line);
        }
        List<Pattern> plain = new ArrayList<>();
        List<Pattern> masked = new ArrayList<>();
        Set<String> anchors = new HashSet<>();
        String[] phrases = body.split("&");
        for (String phrase : phrases) {
            if (phrase.isBlank()) {
                throw new IllegalArgumentException("empty phrase around '&'");
            }
            plain.add(Pattern.compile(phraseRegex(phrase.strip(), anchors, false)));
            masked.add(Pattern.compile(phraseRegex(phrase.strip(), anchors, true)));
        }
        return new Entry(plain, masked, anchors, triggers(phrases), source, line);
    }

    /** Words too frequent to select entries by: an entry is keyed on a rarer word of its own when it has one. */
    private static final Set<String> COMMON = Set.of("mi", "ti", "ci", "vi", "si", "ho", "ha", "hai", "hanno", "abbiamo",
            "non", "nn", "il", "la", "lo", "le", "gli", "i", "l", "un", "una", "uno", "di", "a", "da", "in", "con", "su", "per",
            "che", "ke", "e", "ed", "o", "sono", "sta", "sto", "stanno", "mio", "mia", "miei", "mie", "se", "io", "tu", "lui",
            "lei", "noi", "voi", "loro", "al", "alla", "del", "della", "nel", "nella", "come", "cosa", "ma", "piu", "anche");

    /**
     * The words one of which a text must contain for the entry to match: the alternatives of one of its
     * words (every word of every phrase must occur), a rare one if possible; none (always try the entry)
     * when no word can key it (it hides letters, or it is a regular expression).
     */
    private static List<String> triggers(String[] phrases) {
        List<String> fallback = List.of();
        for (String phrase : phrases) {
            for (String token : Text.fold(phrase).replace('\'', ' ').replace('\u2019', ' ').strip().split("\\s+")) {
                if (token.equals("..") || token.isEmpty()) {
                    continue;
                }
                String inner = token.startsWith("(") && token.endsWith(")") ? token.substring(1, token.length() - 1) : token;
                List<String> options = List.of(inner.split("\\|"));
                boolean usable = options.stream().allMatch(o -> !o.isEmpty() && o.indexOf('*') < 0
                        || o.indexOf('*') == o.length() - 1 && o.length() > 1);
                if (!usable) {
                    continue;
                }
                if (options.stream().noneMatch(COMMON::contains)) {
                    return options;
                }
                if (fallback.isEmpty()) {
                    fallback = options;
                }
            }
        }
        return fallback;
    }

    private static String phraseRegex(String phrase, Set<String> anchors, boolean masks) {
        StringBuilder out = new StringBuilder(" ");
        for (String token : Text.fold(phrase).replace('\'', ' ').replace('\u2019', ' ').split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.equals("..")) {
                out.append("(?:\\S+ ){0,4}");
                continue;
            }
            out.append(tokenRegex(token, anchors, masks)).append(' ');
        }
        return out.toString();
    }

    private static String tokenRegex(String token, Set<String> anchors, boolean masks) {
        if (token.startsWith("(") && token.endsWith(")")) {
            StringBuilder alt = new StringBuilder("(?:");
            String[] options = token.substring(1, token.length() - 1).split("\\|");
            for (int i = 0; i < options.length; i++) {
                alt.append(i == 0 ? "" : "|").append(wordRegex(options[i], masks));
            }
            return alt.append(')').toString();
        }
        if (token.chars().allMatch(Character::isLetterOrDigit)) {
            anchors.add(token);
        }
        return wordRegex(token, masks);
    }

    /**
     * A word: its letters as written, where the text may hide any but the first behind '*' (m*rda,
     * c***o); '*' at the end of an entry stands for any ending, '*' inside for one letter.
     */
    private static String wordRegex(String word, boolean masks) {
        if (word.isEmpty() || !word.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '*')) {
            throw new IllegalArgumentException("'" + word + "' is not a word (letters, digits, '*')");
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '*') {
                re.append(i == word.length() - 1 ? "\\S*" : "\\S");
            } else if (!masks || i == 0 || !Character.isLetter(c)) {
                re.append(c);
            } else {
                re.append('[').append(c).append("*]");
            }
        }
        return re.toString();
    }
}
