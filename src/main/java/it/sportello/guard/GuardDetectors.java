package it.sportello.guard;

import it.sportello.learn.Threshold;
import it.sportello.text.NormalizedText;
import it.sportello.text.TextNormalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The guard's detectors, each a pure function of the text: personal data found by code, and for every
 * {@link GuardClass} a curated rule (the lexicons of {@code config/guard/}, the stated age, the courtesy
 * words) next to the learned model, combined by the class's {@link Threshold}. A class without a model
 * ({@link ClassScorer#NONE}) fires on its rule alone.
 */
public record GuardDetectors(TextNormalizer normalizer, PersonalDataDetector personalData,
                             Map<GuardClass, Lexicon> lexicons, MinorDetector minor, CourtesyLexicon courtesy,
                             ClassScorer model, Map<GuardClass, Threshold> thresholds) {

    /** Where no threshold was chosen: the rule alone decides. */
    static final Threshold RULE_ONLY = new Threshold(1, 0);

    public GuardDetectors {
        lexicons = lexicons.isEmpty() ? Map.of() : new EnumMap<>(lexicons);
        thresholds = thresholds.isEmpty() ? Map.of() : new EnumMap<>(thresholds);
    }

    /**
     * Reads the lexicons of {@code dir} ({@code config/guard}) and the courtesy words, with no model yet;
     * {@code publicDomains}: the agencies' own e-mail domains, whose addresses are not personal data.
     */
    public static GuardDetectors load(Path dir, Path courtesy, Set<String> publicDomains) {
        TextNormalizer normalizer = new TextNormalizer();
        Map<GuardClass, Lexicon> lexicons = new EnumMap<>(GuardClass.class);
        for (GuardClass c : GuardClass.values()) {
            lexiconFile(c).map(dir::resolve).filter(Files::exists)
                    .ifPresent(f -> lexicons.put(c, Lexicon.load(f, "config/guard/" + dir.relativize(f).toString().replace('\\', '/'))));
        }
        return new GuardDetectors(normalizer, new PersonalDataDetector(publicDomains, normalizer), lexicons,
                MinorDetector.load(dir.resolve("minor.txt")), CourtesyLexicon.load(courtesy), ClassScorer.NONE, Map.of());
    }

    /** The lexicon file of a class under {@code config/guard/}, if it has one. */
    static Optional<Path> lexiconFile(GuardClass c) {
        String name = c.label().replace('_', '-') + ".txt";
        return switch (c.family()) {
            case NETIQUETTE -> Optional.of(Path.of("netiquette", name));
            case EMERGENCY -> Optional.of(Path.of(name));
            case REDIRECT -> c == GuardClass.MINOR ? Optional.empty() : Optional.of(Path.of(name));
            case AGGREGATE, ROUTE, COURTESY -> Optional.empty();
        };
    }

    public GuardDetectors withModel(ClassScorer scorer, Map<GuardClass, Threshold> chosen) {
        return new GuardDetectors(normalizer, personalData, lexicons, minor, courtesy, scorer, chosen);
    }

    /** What each curated rule says of a text: the matching entry or the stated age, per class. */
    public Map<GuardClass, Optional<String>> rules(Text text) {
        Map<GuardClass, Optional<String>> out = new EnumMap<>(GuardClass.class);
        lexicons.forEach((c, lexicon) -> out.put(c, lexicon.firstMatch(text)));
        out.put(GuardClass.COURTESY, courtesy.matches(text) ? Optional.of(courtesy.source()) : Optional.empty());
        out.put(GuardClass.VIOLATION, GuardClass.netiquette().stream().filter(c -> c != GuardClass.OFF_TOPIC)
                .map(c -> out.getOrDefault(c, Optional.empty())).flatMap(Optional::stream).findFirst());
        return out;
    }

    /**
     * Every class's finding on a text ({@code text}: the lexicons' reading of {@code normalized}). A writer's
     * stated age (or birth year, in {@code year}) settles {@code minor} against {@code minimumAge}; without one,
     * the model may still read a minor ("faccio la terza media").
     */
    public Findings find(Text text, NormalizedText normalized, int minimumAge, int year) {
        GuardModel.Scores scores = model.score(normalized);
        Map<GuardClass, Optional<String>> rules = rules(text);
        Map<GuardClass, Finding> out = new EnumMap<>(GuardClass.class);
        for (GuardClass c : GuardClass.values()) {
            double p = scores.of(c);
            Threshold t = thresholds.getOrDefault(c, RULE_ONLY);
            if (c == GuardClass.MINOR) {
                out.put(c, minorFinding(minor.statedAge(text, year), minimumAge, p, t));
                continue;
            }
            Optional<String> rule = rules.getOrDefault(c, Optional.empty());
            out.put(c, new Finding(c, t.fires(rule.isPresent(), p), p, t.fire(), rule));
        }
        return new Findings(out, scores.language(), scores.languageProbability());
    }

    static Finding minorFinding(OptionalInt age, int minimumAge, double p, Threshold t) {
        if (age.isPresent()) {
            return new Finding(GuardClass.MINOR, age.getAsInt() < minimumAge, p, t.fire(),
                    Optional.of(String.format(Locale.ROOT, "stated age %d (tenant minimum %d)", age.getAsInt(), minimumAge)));
        }
        return new Finding(GuardClass.MINOR, p >= t.fire(), p, t.fire(), Optional.empty());
    }

    /** A text as the detectors and the model read it: normalised, its personal data one word of its own. */
    public NormalizedText read(String text) {
        NormalizedText normalized = normalizer.normalize(text);
        return forDetection(personalData.redact(normalized), normalized);
    }

    /** The text as the detectors read it: personal data as one word of its own, normalised. */
    public NormalizedText forDetection(Redaction redaction, NormalizedText original) {
        return redaction.text().contains(PersonalDataDetector.MASK)
                ? normalizer.normalize(redaction.text().replace(PersonalDataDetector.MASK, " " + PersonalDataDetector.DETECTION_WORD + " "))
                : original;
    }
}
