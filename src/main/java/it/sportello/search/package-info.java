/**
 * Retrieval: the Italian analysis chain for citizens' writing, the in-memory Lucene index of a tenant's
 * sections, and the confidence that decides between answering and escalating.
 */
package it.sportello.search;
