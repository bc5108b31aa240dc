/**
 * The decision contract of {@code shared/contract.md}: the message a channel hands in, the decision the
 * responder gives back, their closed vocabularies, and the JSON-lines codec of {@code ask --jsonl}.
 */
package it.sportello.contract;
