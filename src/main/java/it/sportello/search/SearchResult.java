package it.sportello.search;

import java.util.List;
import java.util.Optional;

/**
 * The sections found for a question, best first (ties broken by id), and the evidence of how well the first
 * one answers it ({@link RetrievalEvidence}; {@code coverage()} is its hand-made part, {@link Confidence}).
 */
public record SearchResult(List<Hit> hits, RetrievalEvidence evidence, String correctedQuery) {

    public SearchResult {
        hits = List.copyOf(hits);
    }

    public static SearchResult empty(String query) {
        return new SearchResult(List.of(), RetrievalEvidence.NONE, query);
    }

    public Optional<Hit> top() {
        return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(0));
    }

    /** The share of the question the top section explains, in 0..1 ({@link Confidence}). */
    public double coverage() {
        return evidence.coverage();
    }
}
