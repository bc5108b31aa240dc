/**
 * The moderators' console at {@code /console}: login with sessions in the store, per-tenant roles, the
 * escalation queue, one item with its actions (claim, reply, dismiss, restore, confirm or reject a ban,
 * lift a ban), the questions the bot could not answer, and the audit log. Pages are written on the server
 * by {@link it.sportello.console.Html}, which escapes every value; they carry no scripts. Accounts and
 * the login check are in {@code console.auth}.
 */
package it.sportello.console;
