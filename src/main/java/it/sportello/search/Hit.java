package it.sportello.search;

import it.sportello.kb.Section;

/** A section found for a question, with its Lucene score. */
public record Hit(Section section, double score) { }
