package it.sportello.store;

/** What a channel must do on the platform: publish a reply, or carry out a moderation action. */
public enum OutboxKind {
    REPLY, HIDE, RESTORE, DELETE, BAN, UNBAN
}
