/** The benchmark behind {@code bench}: decision throughput and latency, index build time, heap. */
package it.sportello.bench;
