package it.sportello.training;

import it.sportello.corpus.CorpusMessage;
import it.sportello.guard.GuardDetectors;
import it.sportello.guard.GuardModel;
import it.sportello.learn.Parallel;
import it.sportello.search.Answerability;
import it.sportello.search.SearchResult;
import it.sportello.search.SectionClassifier;
import it.sportello.search.SectionIndex;
import it.sportello.text.NormalizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answerability model's examples: every question of the corpus (a message with a topic), searched in its
 * tenant's index as the responder searches it; it is answered when the question is covered and the top section
 * is the one that covers it.
 */
final class AnswerabilityTraining {

    /** A question searched: the example, and the section it expects (empty when uncovered). */
    record Searched(Answerability.Example example, boolean covered, String expected, String found) { }

    private AnswerabilityTraining() {
    }

    /**
     * {@code classifiers}: for each message, the section classifier to search with; one that was not trained on
     * that message, so that the examples show the model how retrieval does on questions it has not seen.
     */
    static List<Searched> search(List<CorpusMessage> corpus, GuardDetectors detectors, GuardModel model,
                                 Map<String, SectionIndex> indexes,
                                 java.util.function.Function<CorpusMessage, java.util.Optional<SectionClassifier>> classifiers,
                                 int threads) {
        List<CorpusMessage> questions = corpus.stream()
                .filter(m -> m.topic().isPresent() && indexes.containsKey(m.tenant())).toList();
        return Parallel.map(questions, m -> {
            SectionIndex index = indexes.get(m.tenant());
            String redacted = detectors.personalData().redact(m.text()).text();
            String language = model.score(detectors.read(m.text())).language();
            SearchResult result = index.search(redacted, 1, classifiers.apply(m).map(c -> c.prior(redacted)));
            String expected = m.topic().get().section().orElse("");
            String found = result.top().map(h -> h.section().id()).orElse("");
            boolean answered = !expected.isEmpty() && expected.equals(found);
            return new Searched(new Answerability.Example(result.evidence(), language, answered), !expected.isEmpty(),
                    expected, found);
        }, threads);
    }
}
