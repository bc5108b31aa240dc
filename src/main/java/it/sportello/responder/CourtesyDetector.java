package it.sportello.responder;

import it.sportello.search.ItalianAnalysis;
import it.sportello.tenant.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Courtesy with nothing to act on ("grazie!", "buona giornata 🙏"): every word of the message is in the
 * courtesy lexicon ({@code config/lexicons/courtesy.txt}) and at least one of them is a thanks or a
 * greeting. A message that also asks something has other words, and is not courtesy.
 */
public final class CourtesyDetector {

    private final Set<String> core;
    private final Set<String> filler;
    private final ItalianAnalysis analysis;

    CourtesyDetector(Set<String> core, Set<String> filler, ItalianAnalysis analysis) {
        this.core = Set.copyOf(core);
        this.filler = Set.copyOf(filler);
        this.analysis = analysis;
    }

    /** Lines of the file: "word" (a thanks or greeting) or "~word" (may accompany one). */
    public static CourtesyDetector load(Path file, ItalianAnalysis analysis) {
        try {
            Set<String> core = new HashSet<>();
            Set<String> filler = new HashSet<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                boolean isFiller = l.startsWith("~");
                List<String> words = analysis.words(isFiller ? l.substring(1) : l);
                (isFiller ? filler : core).addAll(words);
            }
            return new CourtesyDetector(core, filler, analysis);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public boolean isCourtesy(String text) {
        List<String> words = analysis.words(text);
        return !words.isEmpty() && words.stream().anyMatch(core::contains)
                && words.stream().allMatch(w -> core.contains(w) || filler.contains(w));
    }
}
