/**
 * Carrying the outbox out on the platforms: a drainer claims due items, hands each to its channel's
 * sender, and records the outcome; failed attempts are retried with exponential backoff that honours the
 * platform's retry-after, and leases let several drainers (of one or two instances) share the work.
 */
package it.sportello.delivery;
