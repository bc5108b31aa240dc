package it.sportello.guard;

import it.sportello.contract.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Netiquette violations a text shows, one lexicon per reason under {@code config/guard/netiquette/}
 * ({@code insult.txt}, {@code off-topic.txt}, ...). {@code repeated} is not a property of the text:
 * the policy finds it in the author's history.
 */
public final class NetiquetteDetector {

    /** The reasons with a lexicon, in the contract's order. */
    public static final Set<Reason> LEXICAL = EnumSet.of(Reason.INSULT, Reason.THREAT, Reason.DISCRIMINATION,
            Reason.POLITICAL, Reason.SPAM, Reason.ILLEGAL, Reason.OBSCENE, Reason.MISINFORMATION, Reason.OFF_TOPIC);

    private final Map<Reason, Lexicon> lexicons;

    NetiquetteDetector(Map<Reason, Lexicon> lexicons) {
        this.lexicons = new EnumMap<>(lexicons);
    }

    /** Reads {@code <dir>/<reason>.txt} for every lexical reason whose file exists. */
    public static NetiquetteDetector load(Path dir) {
        Map<Reason, Lexicon> lexicons = new EnumMap<>(Reason.class);
        for (Reason r : LEXICAL) {
            Path file = dir.resolve(fileName(r));
            if (Files.exists(file)) {
                lexicons.put(r, Lexicon.load(file));
            }
        }
        return new NetiquetteDetector(lexicons);
    }

    static String fileName(Reason r) {
        return r.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".txt";
    }

    /** The violations among {@code wanted} (the tenant's categories) that the text shows. */
    public Set<Reason> detect(Text text, Set<Reason> wanted) {
        Set<Reason> found = EnumSet.noneOf(Reason.class);
        lexicons.forEach((reason, lexicon) -> {
            if (wanted.contains(reason) && lexicon.matches(text)) {
                found.add(reason);
            }
        });
        return found;
    }

    public Set<Reason> available() {
        return lexicons.keySet();
    }
}
