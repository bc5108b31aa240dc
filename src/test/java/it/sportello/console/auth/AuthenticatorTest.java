package it.sportello.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    private final PasswordHasher hasher = new PasswordHasher(1000);
    private final Account anna = new Account("anna", hasher.hash("anna's long password".toCharArray()),
            Set.of(Role.MODERATOR), Set.of("ats-milano"));
    private final Authenticator auth = new Authenticator(Accounts.none().with(anna), hasher);

    @Test
    void theRightPasswordLogsIn() {
        assertThat(auth.login("anna", "anna's long password".toCharArray())).contains(anna);
        assertThat(auth.login(" Anna ", "anna's long password".toCharArray())).as("usernames are lower-case").contains(anna);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserLookTheSame() {
        assertThat(auth.login("anna", "anna's long passworD".toCharArray())).isEmpty();
        assertThat(auth.login("bruno", "anna's long password".toCharArray())).isEmpty();
        assertThat(auth.login("bruno", "not-a-password-anyone-has".toCharArray())).as("not even the dummy's").isEmpty();
        assertThat(auth.login(null, null)).isEmpty();
        assertThat(new Authenticator(Accounts.none(), hasher).login("anna", "anna's long password".toCharArray())).isEmpty();
    }

    @Test
    void anUnknownUserCostsAHashToo() {
        // Without the dummy verify an unknown user would answer in microseconds, a wrong password in tens
        // of milliseconds: the margin is a thousandfold, so a loose bound does not flake.
        PasswordHasher slow = new PasswordHasher(100_000);
        Authenticator a = new Authenticator(Accounts.none().with(anna.withPasswordHash(slow.hash("x".repeat(12).toCharArray()))), slow);
        long known = fastest(() -> a.login("anna", "wrong password".toCharArray()));
        long unknown = fastest(() -> a.login("bruno", "wrong password".toCharArray()));

        assertThat(unknown).isGreaterThan(known / 4);
    }

    private static long fastest(Runnable login) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            login.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
