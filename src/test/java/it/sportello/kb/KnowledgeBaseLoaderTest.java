package it.sportello.kb;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.Fixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KnowledgeBaseLoaderTest {

    private final KnowledgeBaseLoader loader = new KnowledgeBaseLoader();

    @Test
    void loadsEveryFieldOfAGoodSection() {
        KnowledgeBase kb = loader.load("fixture", Fixtures.resource("kb/fixture"));

        assertThat(kb.problems()).isEmpty();
        assertThat(kb.sections()).extracting(Section::id)
                .containsExactly("esenzioni", "guardia", "medico", "tessera", "ticket", "vaccinazioni");
        Section medico = kb.section("medico").orElseThrow();
        assertThat(medico.title()).isEqualTo("Scelta e revoca del medico di famiglia");
        assertThat(medico.url()).hasToString("https://www.example-ats.it/medico");
        assertThat(medico.keywords()).containsExactly("medico di base", "cambio medico", "revoca");
        assertThat(medico.questions()).hasSize(3).contains("Come cambio il medico?");
        assertThat(medico.reviewed()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(medico.summary()).isEqualTo("Il medico di famiglia si sceglie o si cambia online o agli sportelli.");
        assertThat(medico.text()).contains("Serve la tessera sanitaria.").doesNotContain("---");
    }

    @Test
    void rejectsEachBrokenFileWithItsLineAndKeepsServingTheRest() {
        KnowledgeBase kb = loader.load("fixture", Fixtures.resource("kb/broken"));

        assertThat(kb.sections()).extracting(Section::id).containsExactly("good");
        Map<String, Problem> byFile = kb.problems().stream()
                .collect(Collectors.toMap(p -> p.file().getFileName().toString(), p -> p));
        assertThat(byFile).containsOnlyKeys("bad-date.md", "bad-yaml.md", "missing-url.md", "no-front-matter.md",
                "unclosed.md", "unknown-field.md");
        assertThat(byFile.values()).allMatch(Problem::isError);
        assertProblem(byFile.get("no-front-matter.md"), 1, "must start with a front matter line");
        assertProblem(byFile.get("unclosed.md"), 1, "never closed");
        assertProblem(byFile.get("bad-yaml.md"), 5, "invalid YAML");
        assertProblem(byFile.get("missing-url.md"), 2, "missing field 'url'");
        assertProblem(byFile.get("bad-date.md"), 7, "'25/11/2026' is not a valid value for 'reviewed'");
        assertProblem(byFile.get("unknown-field.md"), 7, "unknown field 'reviewd'");
        assertThat(byFile.get("bad-yaml.md").toString()).startsWith(Fixtures.resource("kb/broken/bad-yaml.md") + ":5: error: ");
    }

    @Test
    void aMissingFolderIsAProblemNotACrash() {
        KnowledgeBase kb = loader.load("nobody", Fixtures.resource("kb/does-not-exist"));

        assertThat(kb.sections()).isEmpty();
        assertThat(kb.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("no knowledge-base folder"));
    }

    @Test
    void theShippedKnowledgeBasesLoadWithoutProblems() {
        for (String tenant : List.of("ats-milano", "asst-crema")) {
            KnowledgeBase kb = Fixtures.shipped(tenant);
            assertThat(kb.problems()).as(tenant).isEmpty();
            assertThat(kb.sections()).as(tenant).hasSizeGreaterThanOrEqualTo(28)
                    .allSatisfy(s -> assertThat(s.summary()).isNotBlank());
        }
    }

    private static void assertProblem(Problem p, int line, String message) {
        assertThat(p.line()).as(p.toString()).isEqualTo(line);
        assertThat(p.message()).as(p.toString()).contains(message);
    }
}
