package it.sportello.search;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.Fixtures;
import it.sportello.kb.KnowledgeBaseLoader;
import it.sportello.kb.Section;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fixed questions over a fixture knowledge base, and the section each must find first (Lucene's TestDemo pattern). */
class SectionIndexTest {

    private static SectionIndex index;

    @BeforeAll
    static void build() {
        List<Section> sections = new KnowledgeBaseLoader().load("fixture", Fixtures.resource("kb/fixture")).sections();
        index = SectionIndex.build(sections, Fixtures.analysis());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Come si cambia il medico di base?                  | medico",
        "vorrei revocare il mio MMG                          | medico",
        "QUALI VACCINI SERVONO PER ISCRIVERE IL BIMBO AL NIDO | vaccinazioni",
        "il vacino del morbillo e' obbligatorio?             | vaccinazioni",
        "dove si paga il tiket                               | ticket",
        "ho smarrito la CRS                                   | tessera",
        "a chi mi rivolgo di domenica se il dottore non c'è? | guardia",
        "numero della guardia medica                          | guardia",
        "esenzione E01 chi ne ha diritto                      | esenzioni",
        "rinnovo delle esenzioni per reddito                  | esenzioni",
    })
    void findsTheExpectedSectionFirst(String question, String expected) {
        SearchResult result = index.search(question, 3);

        assertThat(result.top()).as(question).hasValueSatisfying(h -> assertThat(h.section().id()).isEqualTo(expected));
        assertThat(result.coverage()).as(question).isBetween(0.0, 1.0);
    }

    @Test
    void typosAreCorrectedAgainstTheSectionsWords() throws Exception {
        assertThat(index.correct("vacinazioni obligatorie")).isEqualTo("vaccinazioni obbligatorie");
        assertThat(index.correct("smarimento della tessera")).isEqualTo("smarrimento della tessera");
        assertThat(index.correct("pin")).isEqualTo("pin");
    }

    @Test
    void aQuestionAboutSomethingElseHasLowConfidence() {
        SearchResult tram = index.search("a che ora passa il tram numero 9 la domenica?", 3);
        SearchResult good = index.search("come si cambia il medico di famiglia", 3);

        assertThat(good.coverage()).isGreaterThan(0.5);
        assertThat(tram.coverage()).isLessThan(0.3);
    }

    @Test
    void nothingToSearchGivesNoHit() {
        assertThat(index.search("?!", 3).hits()).isEmpty();
        assertThat(index.search("buongiorno a tutti", 3).coverage()).isZero();
    }

    @Test
    void tiesAreBrokenById() {
        List<Section> twins = List.of(twin("zeta"), twin("alfa"), twin("media"));
        try (SectionIndex twinIndex = SectionIndex.build(twins, Fixtures.analysis())) {
            SearchResult result = twinIndex.search("argomento gemello", 3);

            assertThat(result.hits()).extracting(h -> h.section().id()).containsExactly("alfa", "media", "zeta");
            assertThat(result.hits()).extracting(Hit::score).containsOnly(result.hits().get(0).score());
        }
    }

    private static Section twin(String id) {
        return new Section(id, "Argomento gemello", URI.create("https://www.example-ats.it/" + id), List.of("gemello"),
                List.of("Argomento gemello?"), LocalDate.of(2026, 1, 1), "Testo.", "Testo.", Path.of(id + ".md"));
    }
}
