/** The commands of {@code java -jar target/sportello.jar}: ask, chat, eval, bench, kb check. */
package it.sportello.cli;
