package it.sportello.console.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * The console's login check. A wrong username costs as long as a wrong password (a hash is verified
 * either way), so the response time does not tell an attacker which usernames exist.
 */
public final class Authenticator {

    private final Accounts accounts;
    private final PasswordHasher hasher;
    /** Verified against when there is no such user; made with this hasher's cost, so it takes as long. */
    private final String dummyHash;

    public Authenticator(Accounts accounts, PasswordHasher hasher) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.dummyHash = hasher.hash("not-a-password-anyone-has".toCharArray());
    }

    /** The account when the password is right; empty for an unknown user or a wrong password alike. */
    public Optional<Account> login(String username, char[] password) {
        Optional<Account> account = username == null ? Optional.empty()
                : accounts.find(username.strip().toLowerCase(Locale.ROOT));
        boolean right = hasher.verify(password, account.map(Account::passwordHash).orElse(dummyHash));
        return right ? account : Optional.empty();
    }
}
