package it.sportello.search;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.Fixtures;
import org.junit.jupiter.api.Test;

/** The analysis chain on Italian as citizens write it. */
class ItalianAnalysisTest {

    private final ItalianAnalysis analysis = Fixtures.analysis();

    @Test
    void elisionsAreRemoved() {
        assertThat(analysis.terms("dell'esenzione")).isEqualTo(analysis.terms("esenzione"));
        assertThat(analysis.terms("all’ospedale")).isEqualTo(analysis.terms("ospedale"));
        assertThat(analysis.terms("l'ambulatorio")).isEqualTo(analysis.terms("ambulatorio"));
        assertThat(analysis.terms("cos'è l'ADI")).isEqualTo(analysis.terms("adi"));
    }

    @Test
    void caseAndAccentsAreFolded() {
        assertThat(analysis.terms("ATTIVITÀ")).isEqualTo(analysis.terms("attivita"));
        assertThat(analysis.terms("perché")).isEqualTo(analysis.terms("perche")).isEmpty();
        assertThat(analysis.terms("e' obbligatorio")).isEqualTo(analysis.terms("è obbligatorio"));
        assertThat(analysis.terms("Università")).isEqualTo(analysis.terms("universita"));
    }

    @Test
    void stopWordsAndQuestionFillersCarryNoTerm() {
        assertThat(analysis.terms("Buongiorno, vorrei sapere come si fa per favore")).isEmpty();
        assertThat(analysis.terms("dove posso trovare il modulo")).hasSize(1);
    }

    @Test
    void pluralsAndRelatedFormsShareAStem() {
        assertThat(analysis.terms("esenzioni")).isEqualTo(analysis.terms("esenzione"));
        assertThat(analysis.terms("certificati")).isEqualTo(analysis.terms("certificato"));
        assertThat(analysis.terms("vaccinazioni")).isEqualTo(analysis.terms("vaccino"));
        assertThat(analysis.terms("prenotazioni")).isEqualTo(analysis.terms("prenotazione"));
        assertThat(analysis.terms("farmacie")).isEqualTo(analysis.terms("farmacia"));
    }

    @Test
    void healthServiceSynonymsMeet() {
        assertThat(analysis.terms("medico di base")).isEqualTo(analysis.terms("medico di famiglia"))
                .isEqualTo(analysis.terms("MMG")).isEqualTo(analysis.terms("medico della mutua")).hasSize(1);
        assertThat(analysis.terms("pediatra di libera scelta")).isEqualTo(analysis.terms("PLS"));
        assertThat(analysis.terms("tessera sanitaria")).isEqualTo(analysis.terms("TS"))
                .isEqualTo(analysis.terms("CRS")).isEqualTo(analysis.terms("CNS"));
        assertThat(analysis.terms("guardia medica")).isEqualTo(analysis.terms("continuità assistenziale"));
        assertThat(analysis.terms("assistenza domiciliare integrata")).isEqualTo(analysis.terms("ADI"));
        assertThat(analysis.terms("casa di riposo")).isEqualTo(analysis.terms("RSA"));
        assertThat(analysis.terms("legge 104")).isEqualTo(analysis.terms("104"));
        assertThat(analysis.terms("centro unico di prenotazione")).isEqualTo(analysis.terms("CUP"));
        assertThat(analysis.terms("impegnativa")).isEqualTo(analysis.terms("ricetta rossa"));
        assertThat(analysis.terms("tiket")).isEqualTo(analysis.terms("ticket"));
    }

    @Test
    void aSynonymKeepsTheRestOfTheSentence() {
        assertThat(analysis.terms("cambiare il medico di base a Milano"))
                .containsExactlyElementsOf(concat(analysis.terms("cambiare"), analysis.terms("mmg"), analysis.terms("Milano")));
    }

    @Test
    void wordsThatOnlyLookAlikeStayApart() {
        assertThat(analysis.terms("medico")).isNotEqualTo(analysis.terms("medico di base"));
        assertThat(analysis.terms("tessera")).isNotEqualTo(analysis.terms("tessera sanitaria"));
        assertThat(analysis.terms("vacanza")).isNotEqualTo(analysis.terms("vaccino"));
    }

    private static java.util.List<String> concat(java.util.List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(java.util.List::stream).toList();
    }
}
