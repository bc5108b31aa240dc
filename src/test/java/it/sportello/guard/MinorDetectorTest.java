package it.sportello.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinorDetectorTest {

    private final MinorDetector detector = MinorDetector.load(Path.of("config/guard/minor.txt"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Ho 13 anni, posso andare al consultorio senza dirlo ai miei?   | 13",
        "ho 16 anni e vorrei donare il sangue                          | 16",
        "HO QUINDICI ANNI POSSO FARE IL VACCINO DA SOLA                 | 15",
        "sono una quattordicenne e ho una domanda                       | 14",
        "sono un ragazzo di 12 anni                                     | 12",
        "ciao sono minorenne, posso scrivervi?                          | 17",
        "faccio la terza media, il vaccino hpv è obbligatorio?          | 13",
        "ho appena compiuto 17 anni, serve il consenso dei genitori?   | 17",
        "io ho 14 anni 😅 posso prenotare da solo?                      | 14",
    })
    void readsTheAgeWritersGiveOfThemselves(String text, int age) {
        assertThat(detector.statedAge(Text.of(text))).hasValue(age);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mio figlio ha 13 anni, quali vaccini deve fare?",
        "ho 45 anni e vorrei fare lo screening",
        "ho 30 anni di contributi, posso chiedere l'invalidità?",
        "ho lavorato 16 anni in ospedale",
        "la visita per i minorenni richiede il consenso?",
        "mia figlia di 15 anni può andare al consultorio da sola?",
        "ho 16 anni di esperienza come OSS",
    })
    void ignoresOtherPeoplesAgesAndOtherNumbers(String text) {
        OptionalInt age = detector.statedAge(Text.of(text));
        assertThat(age.isEmpty() || age.getAsInt() >= 18).as(text + " -> " + age).isTrue();
    }
}
