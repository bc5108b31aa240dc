package it.sportello.store;

import java.time.Instant;
import java.util.Objects;

/** A logged-in console user: found by the hash of the cookie's token; {@code csrf} guards its forms. */
public record ConsoleSession(String tokenHash, String username, String csrf, Instant createdAt, Instant expiresAt) {

    public ConsoleSession {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(csrf, "csrf");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
