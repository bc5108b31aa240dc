/**
 * The commands of {@code java -jar target/sportello.jar}: ask, chat, eval, bench, kb check, lexicon,
 * account add|list|passwd.
 */
package it.sportello.cli;
