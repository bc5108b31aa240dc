package it.sportello.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // what the evasion is                 | written                           | read as (folded)
        "zero-width spaces and joiners         | co\u200bgli\u200doni                | coglioni",
        "soft hyphens                          | stron\u00adzo                       | stronzo",
        "bidi controls                         | \u202eidiota\u202c                  | idiota",
        "full-width letters                    | ｃｏｇｌｉｏｎｉ                        | coglioni",
        "mathematical bold letters             | \uD835\uDC2C\uD835\uDC2D\uD835\uDC2B\uD835\uDC28\uD835\uDC27\uD835\uDC33\uD835\uDC28 | stronzo",
        "Cyrillic look-alikes in a Latin word  | sсеmо                               | scemo",
        "Greek omicron in a Latin word         | stupidο                             | stupido",
        "a fully Cyrillic look-alike word in Italian text | siete dei сорра ok          | siete dei coppa ok",
        "dotted letters                        | c.o.g.l.i.o.n.e                     | coglione",
        "spaced letters                        | siete s t r o n z i                 | siete stronzi",
        "dashed letters                        | s-c-e-m-o                           | scemo",
        "stretched vowels                      | aiutoooo                            | aiuto",
        "stretched consonants keep two         | stronzzzzo                          | stronzzo",
        "accents                               | perché è così                       | perche e cosi",
        "typographic apostrophe                | dell’ospedale                       | dell'ospedale",
    })
    void undoesEachEvasion(String what, String written, String folded) {
        assertThat(normalizer.normalize(written).folded()).as(what).isEqualTo(folded);
    }

    @Test
    void digitsOfEveryScriptBecomeAscii() {
        assertThat(normalizer.normalize("٣٣٩ ١٢٣ ٤٥٦٧").clean()).isEqualTo("339 123 4567");
        assertThat(normalizer.normalize("３３９１２３４５６７").clean()).isEqualTo("3391234567");
        assertThat(normalizer.normalize("3 3 9 1 2 3 4 5 6 7").clean()).isEqualTo("3391234567");
    }

    @Test
    void otherScriptsStayTheirOwn() {
        assertThat(normalizer.normalize("Мій син не дихає").folded()).as("no letter turned Latin")
                .doesNotContainPattern("[a-z]").startsWith("мі");
        assertThat(normalizer.normalize("ابني لا يتنفس").clean()).isEqualTo("ابني لا يتنفس");
        assertThat(normalizer.normalize("我爸爸说不出话").clean()).isEqualTo("我爸爸说不出话");
    }

    @Test
    void wordsThatAreNotSpelledOutStayApart() {
        assertThat(normalizer.normalize("io e i miei figli").folded()).isEqualTo("io e i miei figli");
        assertThat(normalizer.normalize("il 1 2 e 3 dicembre").clean()).isEqualTo("il 1 2 e 3 dicembre");
    }

    @Test
    void everyCleanCharacterPointsBackToTheOriginal() {
        String original = "Tel: ３\u200b３９ ８７６ ５４３２, ok";
        NormalizedText n = normalizer.normalize(original);
        int start = n.clean().indexOf("339");
        int end = n.clean().indexOf("5432") + 4;

        assertThat(original.substring(n.originalStart(start), n.originalEnd(end))).isEqualTo("３\u200b３９ ８７６ ５４３２");
    }

    @Test
    void theNormalisedTextNeverPrintsItself() {
        assertThat(normalizer.normalize("chiamatemi al 3391234567").toString()).doesNotContain("339");
    }
}
