package it.sportello.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1000);
    private final char[] password = "correct horse battery".toCharArray();

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash(password);

        assertThat(hasher.verify("correct horse battery".toCharArray(), hash)).isTrue();
        assertThat(hasher.verify("correct horse batterY".toCharArray(), hash)).isFalse();
        assertThat(hasher.verify(new char[0], hash)).isFalse();
        assertThat(hasher.verify(null, hash)).isFalse();
    }

    @Test
    void encodesSchemeIterationsSaltAndHash() {
        String hash = hasher.hash(password);

        assertThat(hash).matches("pbkdf2-sha256\\$1000\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=");
        assertThat(PasswordHasher.isWellFormed(hash)).isTrue();
        assertThat(hash).doesNotContain("horse");
    }

    @Test
    void aFreshSaltEachTime() {
        String a = hasher.hash(password);
        String b = hasher.hash(password);

        assertThat(a).isNotEqualTo(b);
        assertThat(a.split("\\$")[2]).isNotEqualTo(b.split("\\$")[2]);
        assertThat(hasher.verify(password, a)).isTrue();
        assertThat(hasher.verify(password, b)).isTrue();
    }

    @Test
    void theIterationsTravelWithTheHashSoTheyCanBeRaised() {
        String old = new PasswordHasher(1000).hash(password);
        PasswordHasher stronger = new PasswordHasher(2000);

        assertThat(stronger.verify(password, old)).as("old hashes still verify").isTrue();
        assertThat(stronger.needsRehash(old)).isTrue();
        assertThat(stronger.needsRehash(stronger.hash(password))).isFalse();
        assertThat(new PasswordHasher(500).needsRehash(old)).isFalse();
        assertThat(stronger.hash(password)).startsWith("pbkdf2-sha256$2000$");
        assertThat(new PasswordHasher().iterations()).isEqualTo(600_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "plain text",
        "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==",                                                // no hash
        "pbkdf2-sha1$1000$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",      // other scheme
        "pbkdf2-sha256$0$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",       // no iterations
        "pbkdf2-sha256$-5$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$999999999$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", // would take hours
        "pbkdf2-sha256$99999999999$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$1000$not*base64$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$c2hvcnQ=",                                      // short hash
        "pbkdf2-sha256$1000$c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",                   // short salt
        "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=$x", // extra part
    })
    void aMalformedHashIsFalseNotAnException(String encoded) {
        assertThat(hasher.verify(password, encoded)).isFalse();
        assertThat(PasswordHasher.isWellFormed(encoded)).isFalse();
        assertThat(hasher.needsRehash(encoded)).isTrue();
    }

    @Test
    void nullIsMalformedToo() {
        assertThat(hasher.verify(password, null)).isFalse();
        assertThat(PasswordHasher.isWellFormed(null)).isFalse();
    }
}
