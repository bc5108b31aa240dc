package it.sportello.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much of a question a section accounts for, in 0..1: the share of the question's information
 * (its terms weighted by inverse document frequency, so "visita" counts less than "epidurale") that the
 * section contains, smoothed by a prior so that thin evidence is not trusted. A term found in the title, keywords or example questions counts fully; one found only
 * in the body counts {@value #BODY_ONLY}. A term the knowledge base does not know at all weighs like a
 * rare one, so a question about something else (the tram timetable) scores low however well one word
 * matches.
 * The scale is the same for every knowledge base, so one threshold per tenant separates answers from
 * escalations (docs/retrieval.md).
 */
final class Confidence {

    static final double BODY_ONLY = 0.6;
    /**
     * Unexplained information every question is assumed to carry: a question of one or two common words
     * is not trusted however well they match. Chosen with the threshold on the calibration corpus
     * (docs/retrieval.md).
     */
    static final double PRIOR = 2.0;
    /**
     * A word no section contains weighs like a word found in this many sections: it may be the topic
     * (the tram timetable) as much as noise (a brand, a nickname, a dialect word).
     */
    static final int UNKNOWN_DF = 3;
    /** A term that exists only through a spelling correction is evidence of half its weight. */
    static final double CORRECTED = 0.5;

    /** The analyzed terms of one section, by where they occur. */
    record SectionTerms(Set<String> strong, Set<String> body) {
        SectionTerms {
            strong = Set.copyOf(strong);
            body = Set.copyOf(body);
        }
    }

    private final Map<String, Integer> documentFrequency;
    private final int documents;

    Confidence(Map<String, Integer> documentFrequency, int documents) {
        this.documentFrequency = Map.copyOf(documentFrequency);
        this.documents = documents;
    }

    double of(List<String> queryTerms, Set<String> corrected, SectionTerms section) {
        double total = 0;
        double found = 0;
        for (String t : queryTerms) {
            double w = weight(t);
            total += w;
            double evidence = corrected.contains(t) ? CORRECTED * w : w;
            if (section.strong().contains(t)) {
                found += evidence;
            } else if (section.body().contains(t)) {
                found += BODY_ONLY * evidence;
            }
        }
        return found == 0 ? 0 : Math.min(1, found / (total + PRIOR));
    }

    double weight(String term) {
        int df = documentFrequency.getOrDefault(term, UNKNOWN_DF);
        return Math.log(1 + (double) documents / (df + 1));
    }
}
