package it.sportello.guard;

import it.sportello.tenant.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The age a writer says they are ("ho 13 anni", "sono una quindicenne", "sono minorenne"), from the
 * phrasings of {@code config/guard/minor.txt}. The tenant's policy compares it with its minimum age.
 */
public final class MinorDetector {

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("sei", 6), Map.entry("sette", 7), Map.entry("otto", 8), Map.entry("nove", 9), Map.entry("dieci", 10),
            Map.entry("undici", 11), Map.entry("dodici", 12), Map.entry("tredici", 13), Map.entry("quattordici", 14),
            Map.entry("quindici", 15), Map.entry("sedici", 16), Map.entry("diciassette", 17), Map.entry("diciotto", 18));
    private static final String AGE = "(\\d{1,2}|" + String.join("|", NUMBERS.keySet()) + ")";
    private static final Map<String, String> AGE_WORDS = Map.of("undicenne", "11", "dodicenne", "12", "tredicenne", "13",
            "quattordicenne", "14", "quindicenne", "15", "sedicenne", "16", "diciassettenne", "17");

    private record Phrase(Pattern pattern, OptionalInt fixedAge) { }

    private final List<Phrase> phrases;

    private MinorDetector(List<Phrase> phrases) {
        this.phrases = List.copyOf(phrases);
    }

    public static MinorDetector load(Path file) {
        try {
            List<Phrase> phrases = new ArrayList<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("=", 2);
                String phrase = Text.of(parts[0].replace("{age}", "AGEMARK")).plain().strip();
                if (!phrase.contains("agemark") && parts.length < 2) {
                    throw new ConfigException(file + ":" + (i + 1) + ": a phrase needs {age} or '= N'");
                }
                // "ho 30 anni di contributi", "ho 16 anni di esperienza" are not ages
                String regex = " " + Pattern.quote(phrase).replace("agemark", "\\E" + AGE + "\\Q") + " (?!di |fa )";
                phrases.add(new Phrase(Pattern.compile(regex),
                        parts.length == 2 ? OptionalInt.of(Integer.parseInt(parts[1].strip())) : OptionalInt.empty()));
            }
            return new MinorDetector(phrases);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new ConfigException(file + ": the value after '=' must be an age", e);
        }
    }

    /** "sono nata nel 2011", "sono del 2012", "classe 2010": a birth year the writer states for themselves. */
    private static final Pattern BIRTH_YEAR = Pattern.compile(
            " (?:(?:io )?sono (?:nato|nata) nel|(?:io )?sono del|(?:io )?sono della|classe) ((?:19|20)\\d\\d) ");

    /**
     * The youngest age the writer states for themselves, if any; a birth year counts as the youngest age it can mean
     * in {@code year} (born in 2010, in 2026: 15).
     */
    public OptionalInt statedAge(Text text, int year) {
        OptionalInt stated = statedAge(text);
        Matcher born = BIRTH_YEAR.matcher(text.plain());
        while (born.find()) {
            int age = year - Integer.parseInt(born.group(1)) - 1;
            if (age >= 0 && (stated.isEmpty() || age < stated.getAsInt())) {
                stated = OptionalInt.of(age);
            }
        }
        return stated;
    }

    /** The youngest age the writer states for themselves, if any. */
    public OptionalInt statedAge(Text text) {
        String plain = text.plain();
        for (Map.Entry<String, String> w : AGE_WORDS.entrySet()) {
            plain = plain.replace(" " + w.getKey() + " ", " " + w.getValue() + "enne ");
        }
        OptionalInt youngest = OptionalInt.empty();
        for (Phrase p : phrases) {
            Matcher m = p.pattern().matcher(plain);
            while (m.find()) {
                int age = p.fixedAge().isPresent() ? p.fixedAge().getAsInt() : parse(m.group(1));
                if (youngest.isEmpty() || age < youngest.getAsInt()) {
                    youngest = OptionalInt.of(age);
                }
            }
        }
        return youngest;
    }

    private static int parse(String age) {
        Integer word = NUMBERS.get(age);
        return word != null ? word : Integer.parseInt(age);
    }
}
