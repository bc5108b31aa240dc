package it.sportello.store;

/** pending (retried with backoff) → sent, or failed for good after the last attempt. */
public enum OutboxStatus {
    PENDING, SENT, FAILED
}
