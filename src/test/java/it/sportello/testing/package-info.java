/** Test fixtures for real services: the PostgreSQL that {@code .ci/postgres} starts. */
package it.sportello.testing;
