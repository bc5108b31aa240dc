package it.sportello.guard;

import it.sportello.tenant.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Courtesy with nothing to act on, as a curated rule ({@code config/lexicons/courtesy.txt}): every word of the
 * message is a courtesy word and at least one is a thanks or a greeting ("grazie!", "buona giornata 🙏"), or the
 * message has no word at all (emoji, punctuation). Lines: "word" (a thanks or greeting) or "~word" (may
 * accompany one). A message that also asks something has other words.
 */
public final class CourtesyLexicon {

    private final Set<String> core;
    private final Set<String> filler;

    CourtesyLexicon(Set<String> core, Set<String> filler) {
        this.core = Set.copyOf(core);
        this.filler = Set.copyOf(filler);
    }

    public static CourtesyLexicon load(Path file) {
        try {
            Set<String> core = new HashSet<>();
            Set<String> filler = new HashSet<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                boolean isFiller = l.startsWith("~");
                for (String w : Text.of(isFiller ? l.substring(1) : l).plain().strip().split(" ")) {
                    if (!w.isEmpty()) {
                        (isFiller ? filler : core).add(w);
                    }
                }
            }
            return new CourtesyLexicon(core, filler);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The rule's name in a decision's evidence. */
    public String source() {
        return "config/lexicons/courtesy.txt";
    }

    public boolean matches(Text text) {
        String plain = text.plain().strip();
        if (plain.isEmpty()) {
            return true;
        }
        boolean any = false;
        for (String w : plain.split(" ")) {
            if (core.contains(w)) {
                any = true;
            } else if (!filler.contains(w)) {
                return false;
            }
        }
        return any;
    }
}
