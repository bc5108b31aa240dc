package it.sportello.search;

/** The in-memory index failed: an I/O error on a heap directory, which means a bug or no memory. */
public final class SearchException extends RuntimeException {

    public SearchException(String message, Throwable cause) {
        super(message, cause);
    }
}
