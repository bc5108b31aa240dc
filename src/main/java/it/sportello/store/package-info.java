/**
 * Sportello's durable state behind small interfaces: inbound messages (written before they are
 * processed), escalations, the guard's strikes and post history, bans, the outbox, the audit log and
 * console sessions. JDBC over an embedded H2 file database by default, PostgreSQL when configured, one
 * Flyway schema for both. Citizen text is stored redacted.
 */
package it.sportello.store;
