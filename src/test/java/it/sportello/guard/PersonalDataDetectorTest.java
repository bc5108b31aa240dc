package it.sportello.guard;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PersonalDataDetectorTest {

    private final PersonalDataDetector detector = new PersonalDataDetector(Set.of("ats-milano.it", "asst-crema.it"),
            new it.sportello.text.TextNormalizer());

    @Test
    void findsEachKindInTheCorpusAndNothingInTheHardNegatives() throws IOException {
        List<String> lines = Files.readAllLines(Fixtures.resource("guard/personal-data.tsv"), StandardCharsets.UTF_8);
        int cases = 0;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 2);
            Set<PersonalData> expected = f[0].equals("none") ? Set.of() : Arrays.stream(f[0].split(","))
                    .map(k -> PersonalData.valueOf(k.toUpperCase(Locale.ROOT))).collect(Collectors.toSet());
            Redaction r = detector.redact(f[1]);
            assertThat(r.found()).as(f[1]).isEqualTo(expected.isEmpty() ? EnumSet.noneOf(PersonalData.class) : EnumSet.copyOf(expected));
            if (!expected.isEmpty()) {
                assertThat(r.text()).as(f[1]).contains(PersonalDataDetector.MASK);
                assertThat(r.text().replaceAll("\\D", "")).as("no long digit run left: " + r.text()).doesNotContainPattern("\\d{7,}");
            } else {
                assertThat(r.text()).isEqualTo(f[1]);
            }
            cases++;
        }
        assertThat(cases).isGreaterThanOrEqualTo(70);
    }

    @Test
    void theRedactedTextKeepsEverythingElse() {
        Redaction r = detector.redact("Sono Luca, cf RSSMRA80A01F205X, mail luca.b@gmail.com: quanto costa la cartella clinica?");

        assertThat(r.text()).isEqualTo("Sono Luca, cf [***], mail [***]: quanto costa la cartella clinica?");
        assertThat(r.found()).containsExactlyInAnyOrder(PersonalData.TAX_CODE, PersonalData.EMAIL);
    }

    @Test
    void checkCharactersAreValidated() {
        assertThat(PersonalDataDetector.validTaxCode("RSSMRA80A01F205X")).isTrue();
        assertThat(PersonalDataDetector.validTaxCode("RSSMRA8LA01F2LRO")).as("omocodia").isTrue();
        assertThat(PersonalDataDetector.validTaxCode("RSSMRA80A01F205Y")).isFalse();
        assertThat(PersonalDataDetector.validIban("IT60X0542811101000000123456")).isTrue();
        assertThat(PersonalDataDetector.validIban("IT60 X054 2811 1010 0000 0123 456")).isTrue();
        assertThat(PersonalDataDetector.validIban("IT61X0542811101000000123456")).isFalse();
    }
}
