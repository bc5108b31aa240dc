package it.sportello.store;

/** open → claimed → answered / dismissed (open → answered / dismissed directly too). */
public enum EscalationStatus {
    OPEN, CLAIMED, ANSWERED, DISMISSED;

    public boolean isClosed() {
        return this == ANSWERED || this == DISMISSED;
    }
}
