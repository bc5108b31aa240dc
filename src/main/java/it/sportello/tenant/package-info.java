/**
 * Tenants: one agency each, configured by {@code config/tenants/<tenant>.yaml} (a tree of records read
 * by Jackson), with its moderation hours and public holidays and its Italian reply templates.
 */
package it.sportello.tenant;
