/**
 * Sportello's HTTP side on one Javalin server: the web channel (a JSON API and the citizens' chat page),
 * {@code /health}, and the routes of the moderators' console. Javalin types stop here.
 */
package it.sportello.web;
