package it.sportello.console.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import it.sportello.tenant.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsFileTest {

    private static final String HASH = AccountTest.HASH;

    @TempDir
    Path dir;

    private final Account anna = new Account("anna", HASH, Set.of(Role.MODERATOR), Set.of("ats-milano"));
    private final Account admin = new Account("admin", HASH, Set.of(Role.ADMIN), Set.of());
    private final Account curator = new Account("c.bianchi", HASH, Set.of(Role.CURATOR, Role.MODERATOR),
            Set.of("asst-crema", "ats-milano"));

    @Test
    void roundTrip() {
        Path file = AccountsFile.in(dir.resolve("data"));
        Accounts accounts = Accounts.none().with(anna).with(admin).with(curator);

        AccountsFile.save(file, accounts);

        assertThat(file).hasFileName("accounts.yaml");
        assertThat(AccountsFile.load(file)).isEqualTo(accounts);
        assertThat(AccountsFile.load(file).find("c.bianchi")).contains(curator);
    }

    @Test
    void theFileReadsAsDocumented() throws IOException {
        Path file = dir.resolve("accounts.yaml");
        AccountsFile.save(file, Accounts.none().with(anna));

        assertThat(Files.readString(file)).isEqualTo("""
                # Sportello console accounts. Passwords are stored as PBKDF2 hashes only.
                # Manage them with: java -jar target/sportello.jar account add|list|passwd
                accounts:
                  - username: anna
                    password_hash: %s
                    roles:
                      - moderator
                    tenants:
                      - ats-milano
                """.formatted(HASH));
    }

    @Test
    void handWrittenFlowListsAndNumberLikeNamesRead() throws IOException {
        Path file = dir.resolve("accounts.yaml");
        Files.writeString(file, """
                accounts:
                  - username: anna
                    password_hash: %s
                    roles: [moderator, curator]
                    tenants: [ats-milano]
                  - username: "1e3"
                    password_hash: %s
                    roles: admin
                """.formatted(HASH, HASH));

        Accounts accounts = AccountsFile.load(file);
        AccountsFile.save(file, accounts);

        assertThat(AccountsFile.load(file)).isEqualTo(accounts);
        assertThat(accounts.find("1e3").orElseThrow().tenants()).isEmpty();
        assertThat(accounts.find("anna").orElseThrow().roles()).containsExactly(Role.MODERATOR, Role.CURATOR);
        assertThat(accounts.find("1e3").orElseThrow().roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void aMissingOrEmptyFileIsNoAccounts() throws IOException {
        assertThat(AccountsFile.load(dir.resolve("nowhere/accounts.yaml")).isEmpty()).isTrue();

        Path file = dir.resolve("accounts.yaml");
        Files.writeString(file, "# nobody yet\n");
        assertThat(AccountsFile.load(file).isEmpty()).isTrue();
        Files.writeString(file, "accounts:\n");
        assertThat(AccountsFile.load(file).isEmpty()).isTrue();
    }

    @Test
    void aMalformedFileNamesTheFileLineAndProblem() throws IOException {
        Path file = dir.resolve("accounts.yaml");

        Files.writeString(file, "accounts:\n  - username: anna\n    password_hash: " + HASH + "\n    password: secret\n"
                + "    roles: [admin]\n");
        assertThatThrownBy(() -> AccountsFile.load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": account #1: unknown field 'password'; known: [password_hash, roles, tenants, username]");

        Files.writeString(file, "accounts:\n  - username: anna\n    password_hash: secret\n    roles: [moderator]\n"
                + "    tenants: [ats-milano]\n");
        assertThatThrownBy(() -> AccountsFile.load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": account #1: password_hash of 'anna' is not a pbkdf2-sha256 hash");

        Files.writeString(file, "accounts:\n  - username: anna\n    password_hash: " + HASH + "\n    roles: [root]\n");
        assertThatThrownBy(() -> AccountsFile.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown role 'root'");

        Files.writeString(file, "accounts:\n  - username: anna\n    password_hash: [" + HASH + "]\n    roles: [admin]\n");
        assertThatThrownBy(() -> AccountsFile.load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": account #1: 'password_hash' has a value of the wrong kind"
                        + " (a list where a word was expected, or the reverse)");

        Files.writeString(file, "accounts:\n  - username: anna\n\troles: [admin]\n");
        assertThatThrownBy(() -> AccountsFile.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":3: not valid YAML: found character")
                .hasMessageContaining("indentation");

        Files.writeString(file, "accounts: [\n");
        assertThatThrownBy(() -> AccountsFile.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":2: not valid YAML: expected the node content");
    }

    @Test
    void aUsernameTwiceIsAnError() throws IOException {
        Path file = dir.resolve("accounts.yaml");
        String entry = "  - username: anna\n    password_hash: " + HASH + "\n    roles: [admin]\n";
        Files.writeString(file, "accounts:\n" + entry + entry);

        assertThatThrownBy(() -> AccountsFile.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("account 'anna' appears twice");
    }

    @Test
    void onlyTheOwnerCanReadItAndNoTemporaryFileIsLeft() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("accounts.yaml");
        Files.writeString(file, "accounts: []\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        AccountsFile.save(file, Accounts.none().with(anna));
        AccountsFile.save(file, AccountsFile.load(file).with(admin));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(AccountsFile.load(file).all()).extracting(Account::username).containsExactly("admin", "anna");
    }

    @Test
    void withReplacesTheSameUsername() {
        Account moved = new Account("anna", HASH, Set.of(Role.CURATOR), Set.of("asst-crema"));

        Accounts accounts = Accounts.none().with(anna).with(admin).with(moved);

        assertThat(accounts.all()).containsExactly(admin, moved);
        assertThat(accounts.find("nobody")).isEmpty();
    }
}
