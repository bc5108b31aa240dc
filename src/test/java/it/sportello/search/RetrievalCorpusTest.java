package it.sportello.search;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.Fixtures;
import it.sportello.tenant.TenantConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retrieval and the confidence threshold over the shipped knowledge bases, measured on a corpus of
 * citizens' questions written apart from the knowledge base (src/test/resources/retrieval/questions.tsv):
 * three per section, and questions no section answers, hard negatives included.
 */
class RetrievalCorpusTest {

    private record Case(String tenant, List<String> expected, String question) {
        boolean covered() {
            return !expected.isEmpty();
        }
    }

    private static final Map<String, SectionIndex> INDEXES = new HashMap<>();
    private static final Map<String, Double> THRESHOLDS = new HashMap<>();
    private static List<Case> cases;

    @BeforeAll
    static void build() throws IOException {
        ItalianAnalysis analysis = Fixtures.analysis();
        for (TenantConfig t : Fixtures.tenants().all()) {
            INDEXES.put(t.id(), SectionIndex.build(Fixtures.shipped(t.id()).sections(), analysis));
            THRESHOLDS.put(t.id(), t.retrieval().threshold());
        }
        cases = Files.readAllLines(Fixtures.resource("retrieval/questions.tsv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t"))
                .map(f -> new Case(f[0], f[1].equals("-") ? List.of() : List.of(f[1].split("\\|")), f[2]))
                .toList();
    }

    @AfterAll
    static void close() {
        INDEXES.values().forEach(SectionIndex::close);
    }

    @Test
    void theCorpusCoversEverySectionOfBothTenants() {
        assertThat(cases).hasSizeGreaterThan(200);
        for (String tenant : INDEXES.keySet()) {
            Fixtures.shipped(tenant).sections().forEach(s -> assertThat(cases)
                    .as("questions for %s/%s", tenant, s.id())
                    .anyMatch(c -> c.tenant().equals(tenant) && c.expected().contains(s.id())));
        }
        assertThat(cases.stream().filter(c -> !c.covered()).count()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void theRightSectionComesFirst() {
        List<Case> covered = cases.stream().filter(Case::covered).toList();
        long right = covered.stream().filter(c -> c.expected().contains(top(c))).count();

        assertThat((double) right / covered.size()).as("top-1 accuracy on %d questions", covered.size()).isGreaterThanOrEqualTo(0.92);
    }

    @Test
    void theThresholdAnswersCoveredQuestionsAndEscalatesTheOthers() {
        List<Case> covered = cases.stream().filter(Case::covered).toList();
        List<Case> uncovered = cases.stream().filter(c -> !c.covered()).toList();
        long answeredRight = covered.stream().filter(c -> confident(c) && c.expected().contains(top(c))).count();
        long answeredWrong = covered.stream().filter(c -> confident(c) && !c.expected().contains(top(c))).count();
        long escalated = uncovered.stream().filter(c -> !confident(c)).count();

        assertThat((double) answeredRight / covered.size()).as("covered questions answered with the right section").isGreaterThanOrEqualTo(0.85);
        assertThat((double) answeredWrong / covered.size()).as("covered questions answered with a wrong section").isLessThanOrEqualTo(0.03);
        assertThat((double) escalated / uncovered.size()).as("uncovered questions escalated").isGreaterThanOrEqualTo(0.86);
    }

    private static String top(Case c) {
        return INDEXES.get(c.tenant()).search(c.question(), 1).top().map(h -> h.section().id()).orElse("-");
    }

    private static boolean confident(Case c) {
        return INDEXES.get(c.tenant()).search(c.question(), 1).confidence() >= THRESHOLDS.get(c.tenant());
    }
}
