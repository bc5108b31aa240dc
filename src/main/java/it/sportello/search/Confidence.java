package it.sportello.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much of a question a section accounts for, in 0..1: the share of the question's information
 * (its terms weighted by inverse document frequency, so "crema" counts less than "epidurale") that the
 * section contains. A term found in the title, keywords or example questions counts fully; one found only
 * in the body counts {@value #BODY_ONLY}. A term the knowledge base does not know at all weighs most,
 * so a question about something else (the tram timetable) scores low however well one word matches.
 * The scale is the same for every knowledge base, so one threshold per tenant separates answers from
 * escalations (docs/retrieval.md).
 */
final class Confidence {

    static final double BODY_ONLY = 0.6;

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

    double of(List<String> queryTerms, SectionTerms section) {
        double total = 0;
        double found = 0;
        for (String t : queryTerms) {
            double w = weight(t);
            total += w;
            if (section.strong().contains(t)) {
                found += w;
            } else if (section.body().contains(t)) {
                found += BODY_ONLY * w;
            }
        }
        return total == 0 ? 0 : Math.min(1, found / total);
    }

    double weight(String term) {
        return Math.log(1 + (double) documents / (documentFrequency.getOrDefault(term, 0) + 1));
    }
}
