/**
 * The Facebook channel: {@link it.sportello.channel.facebook.FacebookAdapter} per page, with a poller of the
 * page's comments and a sender of replies, hides, restores, deletions and blocks over facebook4j, and
 * Messenger (a signed webhook in, the Send API out). facebook4j's types and Graph's JSON stop here; no
 * address is ever logged, since facebook4j puts the page token in them.
 */
package it.sportello.channel.facebook;
