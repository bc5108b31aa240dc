package it.sportello.store;

import java.util.function.Supplier;

/**
 * Several store calls as one transaction: the guard's strikes and post fingerprints, the decision and
 * what follows from it are committed together (one write to disk instead of three), or not at all.
 */
@FunctionalInterface
public interface Transactions {

    <T> T atomically(Supplier<T> work);
}
