package it.sportello.search;

import java.util.List;

/**
 * How much of a question a section accounts for, in 0..1: the share of the question's information
 * (its terms weighted by inverse document frequency, so "visita" counts less than "epidurale") that the
 * section contains, smoothed by a prior so that thin evidence is not trusted. A term found in the title,
 * keywords or example questions counts fully; one found only in the body counts {@value #BODY_ONLY}.
 * A term the knowledge base does not know at all weighs like a rare one, so a question about something
 * else (the tram timetable) scores low however well one word matches. The scale is the same for every
 * knowledge base, so one threshold per tenant separates answers from escalations (docs/retrieval.md).
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

    /** Where one query term stands in the index and in the section being judged. */
    record TermEvidence(int documentFrequency, boolean inStrongField, boolean inBody, boolean corrected) { }

    private Confidence() {
    }

    static double of(List<TermEvidence> terms, int documents) {
        double total = 0;
        double found = 0;
        for (TermEvidence t : terms) {
            double w = weight(t.documentFrequency(), documents);
            total += w;
            double evidence = t.corrected() ? CORRECTED * w : w;
            if (t.inStrongField()) {
                found += evidence;
            } else if (t.inBody()) {
                found += BODY_ONLY * evidence;
            }
        }
        return found == 0 ? 0 : Math.min(1, found / (total + PRIOR));
    }

    /** The evidence of the top section, from its terms and the scores of the first two sections. */
    static RetrievalEvidence evidence(List<TermEvidence> terms, int documents, double top, double second, boolean titleMatch) {
        double total = 0;
        double strong = 0;
        double body = 0;
        double unknown = 0;
        double corrected = 0;
        int matched = 0;
        for (TermEvidence t : terms) {
            double w = weight(t.documentFrequency(), documents);
            total += w;
            if (t.inStrongField()) {
                strong += w;
            } else if (t.inBody()) {
                body += w;
            }
            unknown += t.documentFrequency() == 0 ? w : 0;
            corrected += t.corrected() ? w : 0;
            matched += t.inStrongField() || t.inBody() ? 1 : 0;
        }
        if (total == 0) {
            return RetrievalEvidence.NONE;
        }
        return new RetrievalEvidence(of(terms, documents), strong / total, body / total, unknown / total, corrected / total,
                terms.size(), top, top == 0 ? 0 : second / top, (double) matched / terms.size(), titleMatch, 0, 0, 0, true);
    }

    static double weight(int documentFrequency, int documents) {
        int df = documentFrequency == 0 ? UNKNOWN_DF : documentFrequency;
        return Math.log(1 + (double) documents / (df + 1));
    }
}
