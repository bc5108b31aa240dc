package it.sportello.console.auth;

import java.util.Optional;

/**
 * What a new console password must be. Length is the one rule (NIST SP 800-63B): composition rules
 * push staff towards {@code Password1!}, while a long passphrase is both stronger and easier to type.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** Generous, but bounded: nobody types more, and each login hashes the whole of it. */
    public static final int MAX_LENGTH = 1024;

    private PasswordPolicy() {
    }

    /** Why {@code password} is refused, in English for staff; empty when it is acceptable. */
    public static Optional<String> problem(char[] password) {
        int length = password == null ? 0 : Character.codePointCount(password, 0, password.length);
        if (length < MIN_LENGTH) {
            return Optional.of("the password must be at least " + MIN_LENGTH + " characters long (it has " + length
                    + "); a few unrelated words make a good one");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("the password must be at most " + MAX_LENGTH + " characters long");
        }
        if (isBlank(password)) {
            return Optional.of("the password cannot be only spaces");
        }
        return Optional.empty();
    }

    private static boolean isBlank(char[] password) {
        for (char c : password) {
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }
}
