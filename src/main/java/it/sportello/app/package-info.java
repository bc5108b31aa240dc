/** The one place that wires Sportello together, and the command-line entry point. */
package it.sportello.app;
