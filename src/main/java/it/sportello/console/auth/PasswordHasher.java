package it.sportello.console.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes as {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>}: PBKDF2 is in the
 * JDK, so no native library, and the iteration count travels with each hash so that it can be raised
 * later without locking anyone out ({@link #needsRehash}).
 */
public final class PasswordHasher {

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** A hand-edited file must not make a login take hours. */
    private static final int MAX_ITERATIONS = 100_000_000;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /** A lower count only for tests: each hash costs {@code iterations} HMACs. */
    public PasswordHasher(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range: " + iterations);
        }
        this.iterations = iterations;
    }

    public int iterations() {
        return iterations;
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations, HASH_BYTES);
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** False for a wrong password and for anything that is not one of our hashes, never an exception. */
    public boolean verify(char[] password, String encoded) {
        Optional<Parsed> parsed = parse(encoded);
        if (parsed.isEmpty() || password == null) {
            return false;
        }
        Parsed p = parsed.get();
        byte[] actual = derive(password, p.salt, p.iterations, p.hash.length);
        boolean same = MessageDigest.isEqual(actual, p.hash);
        Arrays.fill(actual, (byte) 0);
        return same;
    }

    /** True when the hash was made with fewer iterations than this hasher uses (or cannot be read). */
    public boolean needsRehash(String encoded) {
        return parse(encoded).map(p -> p.iterations < iterations || p.salt.length < SALT_BYTES).orElse(true);
    }

    /** Whether {@code encoded} has the shape of a hash this class writes; says nothing of the password. */
    public static boolean isWellFormed(String encoded) {
        return parse(encoded).isPresent();
    }

    private static Optional<Parsed> parse(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME) || !parts[1].matches("[1-9][0-9]{0,8}")) {
            return Optional.empty();
        }
        int iterations = Integer.parseInt(parts[1]);
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (iterations > MAX_ITERATIONS || salt.length < 8 || hash.length != HASH_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(iterations, salt, hash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every Java 17 runtime ships this algorithm: its absence is a broken JDK, not a bad password.
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }
}
