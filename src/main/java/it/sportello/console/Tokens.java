package it.sportello.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random tokens for session cookies and forms, and the hash under which a session is stored: a copy of
 * the sessions table (a backup, a dump) then opens no session, since the cookie's value is in it nowhere.
 */
final class Tokens {

    private static final int BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    /** 32 random bytes, base64url without padding (43 characters). */
    String next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 of {@code token}, base64url: what the session store keeps. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Constant-time comparison; false when either is missing. */
    static boolean same(String expected, String actual) {
        if (expected == null || actual == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code value} has the shape of one of our tokens: anything else is not even hashed. */
    static boolean wellFormed(String value) {
        return value != null && value.length() == 43 && value.chars().allMatch(Tokens::isBase64Url);
    }

    private static boolean isBase64Url(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}
