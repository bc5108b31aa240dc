/**
 * The guard: what the agency's social media policy says about a message before any answer. This package
 * holds the seam the decision pipeline calls; the detectors and the tenant policy plug in behind it.
 */
package it.sportello.guard;
