/**
 * Who may use the moderators' console: accounts with roles over tenants, kept in
 * {@code <data>/accounts.yaml} as PBKDF2 hashes only, and the login check. Staff manage them with
 * {@code sportello account add|list|passwd}; a problem with the file is a
 * {@link it.sportello.tenant.ConfigException}, like any other configuration.
 */
package it.sportello.console.auth;
