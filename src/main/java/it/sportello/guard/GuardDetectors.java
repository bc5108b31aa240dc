package it.sportello.guard;

import java.nio.file.Path;
import java.util.Set;

/** The guard's detectors, each a pure function of the text, read from {@code config/guard/}. */
public record GuardDetectors(PersonalDataDetector personalData, Lexicon emergency, Lexicon personalCase,
                             Lexicon contactRequest, MinorDetector minor, NetiquetteDetector netiquette) {

    /** {@code publicDomains}: the agencies' own e-mail domains, whose addresses are not personal data. */
    public static GuardDetectors load(Path dir, Set<String> publicDomains) {
        return new GuardDetectors(new PersonalDataDetector(publicDomains),
                Lexicon.load(dir.resolve("emergency.txt")),
                Lexicon.load(dir.resolve("personal-case.txt")),
                Lexicon.load(dir.resolve("contact-request.txt")),
                MinorDetector.load(dir.resolve("minor.txt")),
                NetiquetteDetector.load(dir.resolve("netiquette")));
    }
}
