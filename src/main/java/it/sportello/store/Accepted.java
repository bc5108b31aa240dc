package it.sportello.store;

import java.util.Objects;

/**
 * The result of writing an inbound message: the stored row, and whether it was already there (a
 * platform's retry of a delivery), in which case it must not be processed again.
 */
public record Accepted(StoredMessage stored, boolean duplicate) {

    public Accepted {
        Objects.requireNonNull(stored, "stored");
    }
}
