package it.sportello.search;

import it.sportello.learn.LinearModel;
import it.sportello.learn.SparseVector;
import java.util.List;

/**
 * The probability that the top section answers a question, learned instead of hand-set: a logistic
 * regression over the {@link RetrievalEvidence} and the language the question is written in, trained on
 * covered and uncovered questions of the corpus (covered and answered by the right section = 1; uncovered, or
 * answered by a wrong section = 0). Its output is the decision's {@code confidence}, calibrated on the
 * validation split (docs/retrieval.md), and compared with the tenant's {@code retrieval.threshold}.
 */
public final class Answerability {

    /** LIBLINEAR's C for a handful of dense features: mild regularisation. */
    static final double COST = 1;

    private final LinearModel model;

    private Answerability(LinearModel model) {
        this.model = model;
    }

    /** One question of the corpus: what retrieval found and whether its top section was the right answer. */
    public record Example(RetrievalEvidence evidence, String language, boolean answered) { }

    public static Answerability train(List<Example> examples) {
        List<LinearModel.Example> rows = examples.stream()
                .map(e -> new LinearModel.Example(features(e.evidence(), e.language()), new boolean[] {e.answered()},
                        new boolean[] {true}))
                .toList();
        return new Answerability(LinearModel.train(5, 1, rows, COST, new double[] {1}, 1));
    }

    public double probability(RetrievalEvidence evidence, String language) {
        if (evidence.terms() == 0) {
            return 0;
        }
        return model.probabilities(features(evidence, language))[0];
    }

    static SparseVector features(RetrievalEvidence evidence, String language) {
        double[] base = evidence.features();
        double[] all = java.util.Arrays.copyOf(base, base.length + 3);
        all[base.length] = language.equals("it") ? 1 : 0;
        all[base.length + 1] = language.equals("en") ? 1 : 0;
        all[base.length + 2] = language.equals("it") || language.equals("en") ? 0 : 1;
        return SparseVector.dense(all);
    }

    private static int size() {
        return RetrievalEvidence.size() + 3;
    }
}
