/**
 * The path of every inbound message, whatever the channel: redact, store (before anything else), decide,
 * record the decision with its escalation, ban proposal and outbox items; and, after a restart, finish
 * the messages that were stored but not decided.
 */
package it.sportello.intake;
