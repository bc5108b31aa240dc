package it.sportello.bench;

import it.sportello.kb.Section;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A large knowledge base made of the shipped one's words: sections of realistic size (title, keywords,
 * five questions, a body of about 150 words), drawn with a fixed seed so every run indexes the same.
 */
final class SyntheticKnowledgeBase {

    private SyntheticKnowledgeBase() {
    }

    static List<Section> generate(List<Section> seed, int count, long randomSeed) {
        List<String> words = seed.stream()
                .flatMap(s -> List.of(s.title(), s.text(), String.join(" ", s.questions())).stream())
                .flatMap(t -> List.of(t.split("[^\\p{L}\\p{N}']+")).stream())
                .filter(w -> w.length() > 2).distinct().sorted().toList();
        Random random = new Random(randomSeed);
        List<Section> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = String.format("sezione-%05d", i);
            out.add(new Section(id, phrase(words, random, 6) + " " + i, URI.create("https://www.example.it/s/" + id),
                    IntStream.range(0, 8).mapToObj(k -> phrase(words, random, 2)).toList(),
                    IntStream.range(0, 5).mapToObj(k -> phrase(words, random, 8) + "?").toList(),
                    LocalDate.of(2026, 1, 1), phrase(words, random, 40), phrase(words, random, 150), Path.of(id + ".md")));
        }
        return out;
    }

    private static String phrase(List<String> words, Random random, int length) {
        return IntStream.range(0, length).mapToObj(k -> words.get(random.nextInt(words.size())))
                .collect(Collectors.joining(" "));
    }
}
