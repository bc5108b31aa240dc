package it.sportello.search;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.Fixtures;
import it.sportello.app.Sportello;
import it.sportello.corpus.Corpus;
import it.sportello.corpus.CorpusMessage;
import it.sportello.responder.TenantRuntime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole retrieval (Lucene, the section classifier, the answerability model and each tenant's threshold)
 * over the questions of the corpus's validation split, which none of them was trained on: covered questions
 * in every style, and questions no section answers, hard ones included. Floors a little under today's figures
 * (docs/retrieval.md), so that a change that makes retrieval worse fails here.
 */
class RetrievalCorpusTest {

    private record Case(TenantRuntime tenant, String expected, String question) {
        boolean covered() {
            return !expected.isEmpty();
        }
    }

    private static final List<Case> CASES = new ArrayList<>();

    @BeforeAll
    static void load() {
        Sportello sportello = Fixtures.sportello();
        for (CorpusMessage m : Corpus.load(Fixtures.HOME.resolve("corpus")).validation()) {
            if (m.topic().isPresent() && m.labels().stream().allMatch(c -> c == it.sportello.guard.GuardClass.COMPLAINT)) {
                CASES.add(new Case(sportello.runtime(m.tenant()), m.topic().get().section().orElse(""), m.text()));
            }
        }
    }

    @Test
    void theValidationQuestionsCoverBothTenants() {
        assertThat(CASES).hasSizeGreaterThan(500);
        assertThat(CASES.stream().filter(c -> !c.covered()).count()).isGreaterThanOrEqualTo(100);
        assertThat(CASES.stream().map(c -> c.tenant().config().id()).distinct()).hasSize(2);
    }

    @Test
    void theRightSectionComesFirst() {
        List<Case> covered = CASES.stream().filter(Case::covered).toList();
        long right = covered.stream().filter(c -> c.expected().equals(top(c))).count();

        assertThat((double) right / covered.size()).as("top-1 accuracy on %d questions", covered.size()).isGreaterThanOrEqualTo(0.87);
    }

    @Test
    void theThresholdAnswersCoveredQuestionsAndEscalatesTheOthers() {
        List<Case> covered = CASES.stream().filter(Case::covered).toList();
        List<Case> uncovered = CASES.stream().filter(c -> !c.covered()).toList();
        long right = covered.stream().filter(c -> answers(c) && c.expected().equals(top(c))).count();
        long wrong = covered.stream().filter(c -> answers(c) && !c.expected().equals(top(c))).count();
        long escalated = uncovered.stream().filter(c -> !answers(c)).count();

        System.out.printf("retrieval on %d covered and %d uncovered validation questions: %.3f answered right, %.3f wrong, "
                + "%.3f of the uncovered escalated%n", covered.size(), uncovered.size(), (double) right / covered.size(),
                (double) wrong / covered.size(), (double) escalated / uncovered.size());
        assertThat((double) right / covered.size()).as("covered questions answered with the right section").isGreaterThanOrEqualTo(0.75);
        assertThat((double) wrong / covered.size()).as("covered questions answered with a wrong section").isLessThanOrEqualTo(0.08);
        assertThat((double) escalated / uncovered.size()).as("uncovered questions escalated").isGreaterThanOrEqualTo(0.70);
    }

    @Test
    void theConfidenceIsCalibrated() {
        var bins = Fixtures.sportello().training().report().calibration();
        int total = bins.stream().mapToInt(b -> b.count()).sum();
        double gap = bins.stream().mapToDouble(b -> b.count() * Math.abs(b.predicted() - b.observed())).sum() / total;

        assertThat(gap).as("expected calibration error over %d validation questions", total).isLessThanOrEqualTo(0.06);
    }

    private static String top(Case c) {
        return c.tenant().search(c.question(), 1).top().map(h -> h.section().id()).orElse("");
    }

    private static boolean answers(Case c) {
        SearchResult r = c.tenant().search(c.question(), 1);
        var detectors = Fixtures.sportello().detectors();
        String language = detectors.model().score(detectors.read(c.question())).language();
        double p = Fixtures.sportello().training().answerability().probability(r.evidence(), language);
        return !r.hits().isEmpty() && p >= c.tenant().config().retrieval().threshold();
    }
}
