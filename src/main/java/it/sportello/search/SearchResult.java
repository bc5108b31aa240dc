package it.sportello.search;

import java.util.List;
import java.util.Optional;

/**
 * The sections found for a question, best first (ties broken by id), and how sure retrieval is of the
 * first one: {@code confidence} in 0..1 (see {@link Confidence}).
 */
public record SearchResult(List<Hit> hits, double confidence, String correctedQuery) {

    public SearchResult {
        hits = List.copyOf(hits);
    }

    public static SearchResult empty(String query) {
        return new SearchResult(List.of(), 0, query);
    }

    public Optional<Hit> top() {
        return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(0));
    }
}
