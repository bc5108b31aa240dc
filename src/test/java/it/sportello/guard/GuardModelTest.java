package it.sportello.guard;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.Fixtures;
import it.sportello.corpus.Corpus;
import it.sportello.corpus.CorpusMessage;
import it.sportello.text.NormalizedText;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The model is reproducible from the corpus: training twice on the same messages gives the same scores, to the
 * last bit, whatever the threads did; and what it learns generalises to the validation split it never saw.
 */
class GuardModelTest {

    @Test
    void trainingTwiceGivesTheSameScores() {
        GuardDetectors detectors = GuardDetectors.load(Fixtures.HOME.resolve("config/guard"),
                Fixtures.HOME.resolve("config/lexicons/courtesy.txt"), Set.of("ats-milano.it", "asst-crema.it"));
        Corpus corpus = Corpus.load(Fixtures.HOME.resolve("corpus"));
        List<CorpusMessage> sample = corpus.train().subList(0, Math.min(3000, corpus.train().size()));
        GuardModel first = GuardModel.train(sample, detectors::read, 2);
        GuardModel second = GuardModel.train(sample, detectors::read, 1);

        for (CorpusMessage m : corpus.validation().subList(0, 300)) {
            NormalizedText text = detectors.read(m.text());
            assertThat(second.score(text).byClass()).as(m.id()).containsExactly(first.score(text).byClass());
            assertThat(second.score(text).language()).isEqualTo(first.score(text).language());
        }
    }

    @Test
    void theShippedModelSeparatesEachClassOnTheValidationSplit() {
        GuardDetectors detectors = Fixtures.sportello().detectors();
        List<CorpusMessage> validation = Corpus.load(Fixtures.HOME.resolve("corpus")).validation();
        for (GuardClass c : List.of(GuardClass.EMERGENCY, GuardClass.PERSONAL_CASE, GuardClass.CONTACT_REQUEST,
                GuardClass.VIOLATION, GuardClass.DISCRIMINATION, GuardClass.COURTESY)) {
            double[] scores = validation.stream().filter(m -> m.known().contains(c))
                    .mapToDouble(m -> detectors.model().score(detectors.read(m.text())).of(c)).toArray();
            boolean[] truth = new boolean[scores.length];
            int k = 0;
            for (CorpusMessage m : validation) {
                if (m.known().contains(c)) {
                    truth[k++] = m.has(c);
                }
            }
            assertThat(auc(scores, truth)).as("area under the ROC curve of %s", c).isGreaterThan(0.93);
        }
    }

    /** The chance that a positive scores above a negative. */
    private static double auc(double[] scores, boolean[] truth) {
        long above = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!truth[i]) {
                continue;
            }
            for (int j = 0; j < scores.length; j++) {
                if (!truth[j]) {
                    pairs++;
                    above += scores[i] > scores[j] ? 2 : scores[i] == scores[j] ? 1 : 0;
                }
            }
        }
        return above / 2.0 / pairs;
    }
}
