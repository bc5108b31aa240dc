/**
 * The knowledge base: one Markdown file a section with YAML front matter, loaded per tenant so that a
 * broken file is reported (file, line, what is wrong) and the rest keeps being served; and the staff's
 * {@code kb check}.
 */
package it.sportello.kb;
