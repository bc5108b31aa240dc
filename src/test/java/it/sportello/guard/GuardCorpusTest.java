package it.sportello.guard;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each detector's lexicon over its corpus of real-looking messages: positives, and hard negatives
 * that share its words (src/test/resources/guard/*.tsv, '+' or '-', a tab, the text).
 */
class GuardCorpusTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // lexicon,                    corpus,              min positives, min negatives, precision, recall
        "emergency.txt,                emergency,           60, 60, 0.95, 0.92",
        "personal-case.txt,            personal-case,       60, 60, 0.93, 0.90",
        "contact-request.txt,          contact-request,     50, 50, 0.95, 0.92",
        "netiquette/insult.txt,        insult,              60, 60, 0.95, 0.92",
        "netiquette/threat.txt,        threat,              25, 25, 0.95, 0.90",
        "netiquette/obscene.txt,       obscene,             25, 25, 0.95, 0.90",
        "netiquette/discrimination.txt, discrimination,     25, 25, 0.93, 0.88",
        "netiquette/political.txt,     political,           25, 25, 0.93, 0.88",
        "netiquette/spam.txt,          spam,                25, 25, 0.93, 0.88",
        "netiquette/illegal.txt,       illegal,             25, 25, 0.93, 0.88",
        "netiquette/misinformation.txt, misinformation,     25, 25, 0.93, 0.88",
        "netiquette/off-topic.txt,     off-topic,           25, 25, 0.93, 0.88",
    })
    void meetsItsPrecisionAndRecallFloors(String lexiconFile, String corpus, int minPositives, int minNegatives,
                                          double minPrecision, double minRecall) throws IOException {
        Lexicon lexicon = Lexicon.load(Path.of("config/guard").resolve(lexiconFile));
        int tp = 0;
        int fn = 0;
        int fp = 0;
        int tn = 0;
        List<String> misses = new ArrayList<>();
        for (String line : Files.readAllLines(Fixtures.resource("guard/" + corpus + ".tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 2);
            boolean positive = f[0].equals("+");
            boolean fired = lexicon.matches(Text.of(f[1]));
            if (positive && fired) {
                tp++;
            } else if (positive) {
                fn++;
                misses.add("missed: " + f[1]);
            } else if (fired) {
                fp++;
                misses.add("wrongly fired: " + f[1]);
            } else {
                tn++;
            }
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = (double) tp / Math.max(1, tp + fn);
        System.out.printf("%-16s %3d positives %3d negatives  precision %.3f  recall %.3f%n", corpus, tp + fn, tn + fp,
                precision, recall);
        assertThat(tp + fn).as("positives in " + corpus).isGreaterThanOrEqualTo(minPositives);
        assertThat(tn + fp).as("hard negatives in " + corpus).isGreaterThanOrEqualTo(minNegatives);
        assertThat(precision).as("precision of %s; %s", corpus, misses).isGreaterThanOrEqualTo(minPrecision);
        assertThat(recall).as("recall of %s; %s", corpus, misses).isGreaterThanOrEqualTo(minRecall);
    }
}
