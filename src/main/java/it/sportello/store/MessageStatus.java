package it.sportello.store;

/** Where an inbound message is: stored and not yet decided (a restart picks it up), decided, or failed. */
public enum MessageStatus {
    RECEIVED, DECIDED, FAILED
}
