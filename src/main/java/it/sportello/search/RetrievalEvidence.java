package it.sportello.search;

/**
 * What retrieval found for a question, as numbers the answerability model weighs: how much of the question's
 * information (terms weighted by inverse document frequency) the top section explains in its strong fields
 * (title, keywords, example questions) and in its body only, how much no section knows at all or was found
 * only by spelling correction, the hand-made {@link Confidence} coverage, how many terms the question has, the
 * top score and how far ahead of the second section it is, whether the title matched, and the section
 * classifier's probability of the top section, its lead on the second, its probability that no section covers the
 * question, and whether Lucene alone ranked the top section first.
 */
public record RetrievalEvidence(double coverage, double strongShare, double bodyShare, double unknownShare,
                                double correctedShare, int terms, double topScore, double secondRatio,
                                double matchedShare, boolean titleMatch, double prior, double secondPrior,
                                double uncovered, boolean luceneAgrees) {

    public static final RetrievalEvidence NONE = new RetrievalEvidence(0, 0, 0, 1, 0, 0, 0, 0, 0, false, 0, 0, 0, false);

    /** The same evidence with what the section classifier thought of the top section and of the second. */
    public RetrievalEvidence withPrior(double top, double second, double none, boolean agrees) {
        return new RetrievalEvidence(coverage, strongShare, bodyShare, unknownShare, correctedShare, terms, topScore,
                secondRatio, matchedShare, titleMatch, top, second, none, agrees);
    }

    /** The model's inputs, each roughly in 0..1. */
    public double[] features() {
        return new double[] {coverage, strongShare, bodyShare, unknownShare, correctedShare,
                Math.min(1, Math.log1p(terms) / Math.log(40)), Math.min(1, Math.log1p(topScore) / Math.log(60)),
                secondRatio, matchedShare, titleMatch ? 1 : 0, terms <= 2 ? 1 : 0, prior, prior - secondPrior,
                uncovered, luceneAgrees ? 1 : 0};
    }

    public static int size() {
        return NONE.features().length;
    }
}
