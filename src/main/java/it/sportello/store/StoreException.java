package it.sportello.store;

/** Any failure of the store: the one unchecked exception of this package. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
