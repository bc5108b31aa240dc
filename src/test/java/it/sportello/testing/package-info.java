/** Test fixtures for real services: the PostgreSQL that {@code .ci/postgres} starts and headless Chromium. */
package it.sportello.testing;
