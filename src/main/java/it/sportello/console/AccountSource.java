package it.sportello.console;

import it.sportello.console.auth.Account;
import it.sportello.console.auth.Accounts;
import it.sportello.console.auth.AccountsFile;
import it.sportello.console.auth.Authenticator;
import it.sportello.console.auth.PasswordHasher;
import it.sportello.tenant.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code accounts.yaml} as the console sees it, without a restart: read again at every login attempt (an
 * account just added with {@code account add} can log in), and on other requests whenever the file changed
 * (a removed account or role stops working at its next click). A file broken by a hand edit keeps the last
 * good accounts in force and says so in the log, rather than locking every moderator out.
 */
final class AccountSource {

    private static final Logger LOG = LoggerFactory.getLogger(AccountSource.class);

    private final Path file;
    private final PasswordHasher hasher;
    private Accounts accounts;
    private Authenticator authenticator;
    private Object stamp;

    AccountSource(Path file, PasswordHasher hasher) {
        this.file = file;
        this.hasher = hasher;
    }

    /** The account of a logged-in user, if it still exists. */
    synchronized Optional<Account> find(String username) {
        Object now = stamp();
        if (accounts == null || !Objects.equals(now, stamp)) {
            reload(now);
        }
        return accounts.find(username);
    }

    /** The login check over the accounts in the file right now. */
    synchronized Authenticator authenticator() {
        reload(stamp());
        return authenticator;
    }

    private void reload(Object newStamp) {
        // Set first: a broken file is then reported once, not at every click (logins still read it again).
        stamp = newStamp;
        Accounts loaded;
        try {
            loaded = AccountsFile.load(file);
        } catch (ConfigException e) {
            LOG.atWarn().setMessage("accounts file unreadable; the last good accounts stay in force")
                    .addKeyValue("file", file).addKeyValue("error", e.getMessage()).log();
            if (accounts == null) {
                accounts = Accounts.none();
                authenticator = new Authenticator(accounts, hasher);
            }
            return;
        }
        if (!loaded.equals(accounts)) {
            accounts = loaded;
            // Only when the accounts changed: an Authenticator hashes a dummy password when it is made.
            authenticator = new Authenticator(loaded, hasher);
        }
    }

    /** What tells a changed file: a save renames a new file over the old one, so its key changes too. */
    private Object stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return java.util.List.of(String.valueOf(a.fileKey()), a.lastModifiedTime(), a.size());
        } catch (NoSuchFileException e) {
            return "missing";
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
