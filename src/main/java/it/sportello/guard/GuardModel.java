package it.sportello.guard;

import it.sportello.corpus.CorpusMessage;
import it.sportello.learn.LinearModel;
import it.sportello.learn.SparseVector;
import it.sportello.learn.TextFeatures;
import it.sportello.text.NormalizedText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The guard's learned detectors: one logistic regression a {@link GuardClass}, and one a language the corpus
 * has enough messages of, all over the same hashed n-gram features of the normalised text
 * ({@link TextFeatures}), trained on the corpus's training split at start-up. The language is the one with the
 * highest probability.
 */
public final class GuardModel implements ClassScorer {

    /** LIBLINEAR's C: chosen on the validation split among 1, 2, 4, 8, 16 (docs/guard-model.md). */
    static final double COST = 4;
    /** The size of the classes' and the languages' tables (docs/benchmark.md: smaller gave lower AUC, larger no higher). */
    static final int BITS = 17;
    static final int LANGUAGE_BITS = BITS;
    /** A language needs this many training messages to get an output of its own. */
    static final int MIN_LANGUAGE_EXAMPLES = 15;

    private static final GuardClass[] CLASSES = GuardClass.values();

    private final TextFeatures features;
    /** The classes' outputs, then the languages'. */
    private final LinearModel model;
    private final List<String> languages;

    private GuardModel(TextFeatures features, LinearModel model, List<String> languages) {
        this.features = features;
        this.model = model;
        this.languages = List.copyOf(languages);
    }

    /** What the model reads in one text. */
    public record Scores(double[] byClass, String language, double languageProbability) {
        public double of(GuardClass c) {
            return byClass[c.ordinal()];
        }
    }

    public static GuardModel train(List<CorpusMessage> corpus, Function<String, NormalizedText> reader, int threads) {
        return train(corpus, reader, threads, COST, BALANCE);
    }

    /**
     * Rare classes would be drowned by the other messages: positives weigh (negatives / positives) to the power
     * {@code balance}, at most {@value #MAX_WEIGHT} (0: no weighting).
     */
    static final double BALANCE = 0.5;
    static final double MAX_WEIGHT = 10;
    /** Languages are easy to tell apart: this many messages of each are enough, and train in a fraction of the time. */
    static final int LANGUAGE_EXAMPLES = 300;

    /** {@code reader}: the text as the detectors read it ({@link GuardDetectors#read}), so training sees what scoring sees. */
    public static GuardModel train(List<CorpusMessage> corpus, Function<String, NormalizedText> reader, int threads,
                                   double cost, double balance) {
        Map<String, Integer> perLanguage = new TreeMap<>();
        corpus.stream().filter(m -> !m.lang().isEmpty()).forEach(m -> perLanguage.merge(m.lang(), 1, Integer::sum));
        List<String> languages = perLanguage.entrySet().stream().filter(e -> e.getValue() >= MIN_LANGUAGE_EXAMPLES)
                .map(Map.Entry::getKey).toList();
        TextFeatures features = new TextFeatures();
        List<LinearModel.Example> examples = new ArrayList<>(corpus.size());
        List<LinearModel.Example> languageExamples = new ArrayList<>();
        Map<String, Integer> taken = new TreeMap<>();
        for (CorpusMessage m : corpus) {
            boolean[] positive = new boolean[CLASSES.length];
            boolean[] known = new boolean[CLASSES.length];
            for (GuardClass c : CLASSES) {
                positive[c.ordinal()] = m.has(c);
                known[c.ordinal()] = m.known().contains(c);
            }
            SparseVector x = features.of(reader.apply(m.text()));
            examples.add(new LinearModel.Example(x, positive, known));
            int lang = languages.indexOf(m.lang());
            if (lang >= 0 && taken.merge(m.lang(), 1, Integer::sum) <= LANGUAGE_EXAMPLES) {
                boolean[] isLanguage = new boolean[languages.size()];
                isLanguage[lang] = true;
                boolean[] all = new boolean[languages.size()];
                Arrays.fill(all, true);
                languageExamples.add(new LinearModel.Example(x, isLanguage, all));
            }
        }
        double[] weights = new double[CLASSES.length];
        for (int j = 0; j < CLASSES.length; j++) {
            int positives = 0;
            int negatives = 0;
            for (LinearModel.Example e : examples) {
                if (e.known()[j]) {
                    positives += e.positive()[j] ? 1 : 0;
                    negatives += e.positive()[j] ? 0 : 1;
                }
            }
            weights[j] = positives == 0 ? 1 : Math.max(1, Math.min(MAX_WEIGHT, Math.pow((double) negatives / positives, balance)));
        }
        LinearModel model = LinearModel.train(BITS, CLASSES.length, examples, cost, weights, threads);
        double[] even = new double[languages.size()];
        Arrays.fill(even, 1);
        LinearModel languageModel = LinearModel.train(LANGUAGE_BITS, languages.size(), languageExamples, cost,
                even, threads);
        return new GuardModel(features, LinearModel.join(model, languageModel), languages);
    }

    @Override
    public Scores score(NormalizedText text) {
        double[] all = model.probabilities(features.of(text));
        String language = "und";
        double best = 0;
        for (int l = 0; l < languages.size(); l++) {
            if (all[CLASSES.length + l] > best) {
                best = all[CLASSES.length + l];
                language = languages.get(l);
            }
        }
        return new Scores(Arrays.copyOf(all, CLASSES.length), language, best);
    }

    public List<String> languages() {
        return languages;
    }
}
