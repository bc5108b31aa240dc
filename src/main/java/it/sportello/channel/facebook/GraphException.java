package it.sportello.channel.facebook;

/** A Graph API call that failed as a whole (the poll round is retried with backoff); never carries an address. */
public final class GraphException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    GraphException(String message) {
        super(message);
    }
}
