package it.sportello.cli;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.console.auth.Account;
import it.sportello.console.auth.AccountsFile;
import it.sportello.console.auth.PasswordHasher;
import it.sportello.console.auth.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code account add|list|passwd} through Main, as staff run them, with the password on a stream. */
class AccountCommandTest {

    private static final PasswordHasher HASHER = new PasswordHasher(1000);

    @TempDir
    Path data;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void addsAnAccountWithItsHashOnly() throws IOException {
        int rc = run("anna's long password\n", "account", "add", "--user", "anna", "--role", "moderator",
                "--tenant", "ats-milano", "--tenant", "asst-crema", "--data", data.toString());

        assertThat(rc).as(err.toString()).isZero();
        Path file = data.resolve("accounts.yaml");
        assertThat(out.toString()).isEqualTo("account anna added (moderator on asst-crema, ats-milano) to " + file + "\n");
        Account anna = AccountsFile.load(file).find("anna").orElseThrow();
        assertThat(anna.roles()).containsExactly(Role.MODERATOR);
        assertThat(anna.tenants()).containsExactly("asst-crema", "ats-milano");
        assertThat(HASHER.verify("anna's long password".toCharArray(), anna.passwordHash())).isTrue();
        assertThat(Files.readString(file)).doesNotContain("long password");
    }

    @Test
    void theDefaultDataFolderIsUnderHome() {
        // Without --data the accounts go to <home>/data: here a home holding a copy of the tenants.
        Path home = data;
        copyTenants(home);

        int rc = run("a long enough password\n", "account", "add", "--user", "root", "--role", "admin", "--home", home.toString());

        assertThat(rc).as(err.toString()).isZero();
        assertThat(out.toString()).contains("account root added (admin on all tenants) to " + home.resolve("data/accounts.yaml"));
        assertThat(AccountsFile.load(home.resolve("data/accounts.yaml")).find("root")).isPresent();
    }

    @Test
    void refusesBadInputWithExit2AndWritesNothing() {
        assertRefused("short pass\n", "at least 12 characters", "--user", "anna", "--role", "moderator", "--tenant", "ats-milano");
        assertRefused("a long enough password\n", "unknown tenant 'ats-como'; known: asst-crema, ats-milano",
                "--user", "anna", "--role", "moderator", "--tenant", "ats-como");
        assertRefused("a long enough password\n", "a curator needs --tenant", "--user", "anna", "--role", "curator");
        assertRefused("a long enough password\n", "username 'Anna Rossi' must be",
                "--user", "Anna Rossi", "--role", "admin");
        assertRefused("", "no password", "--user", "anna", "--role", "admin");
        assertThat(data.resolve("accounts.yaml")).doesNotExist();

        assertThat(run("x\n", "account", "add", "--user", "anna", "--role", "root", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--role");
    }

    @Test
    void anExistingUserIsNotOverwritten() {
        add("anna", "first long password", "moderator", "ats-milano");

        assertRefused("second long password\n", "account anna already exists", "--user", "anna", "--role", "admin");
        Account anna = AccountsFile.load(data.resolve("accounts.yaml")).find("anna").orElseThrow();
        assertThat(HASHER.verify("first long password".toCharArray(), anna.passwordHash())).isTrue();
        assertThat(anna.isAdmin()).isFalse();
    }

    @Test
    void listsNamesRolesAndTenantsNeverHashes() {
        add("anna", "anna's long password", "moderator", "ats-milano");
        add("root", "root's long password", "admin", null);

        int rc = run("", "account", "list", "--data", data.toString());

        assertThat(rc).isZero();
        assertThat(out.toString()).isEqualTo(String.join("\n",
                "anna                 moderator on ats-milano",
                "root                 admin on all tenants",
                "2 accounts in " + data.resolve("accounts.yaml"), ""));
        assertThat(out.toString()).doesNotContain("pbkdf2");
    }

    @Test
    void listWithNoFileSaysSo() {
        assertThat(run("", "account", "list", "--data", data.toString())).isZero();
        assertThat(out.toString()).isEqualTo("0 accounts in " + data.resolve("accounts.yaml") + "\n");
    }

    @Test
    void passwdChangesOnlyThePassword() {
        add("anna", "old long password", "moderator", "ats-milano");
        add("bruno", "bruno's long password", "curator", "asst-crema");

        int rc = run("new long password\n", "account", "passwd", "--user", "anna", "--data", data.toString());

        assertThat(rc).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("password of anna changed in " + data.resolve("accounts.yaml") + "\n");
        var accounts = AccountsFile.load(data.resolve("accounts.yaml"));
        Account anna = accounts.find("anna").orElseThrow();
        assertThat(HASHER.verify("new long password".toCharArray(), anna.passwordHash())).isTrue();
        assertThat(HASHER.verify("old long password".toCharArray(), anna.passwordHash())).isFalse();
        assertThat(anna.tenants()).containsExactly("ats-milano");
        assertThat(HASHER.verify("bruno's long password".toCharArray(), accounts.find("bruno").orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void passwdRefusesAnUnknownUserOrAShortPassword() {
        add("anna", "old long password", "moderator", "ats-milano");

        assertThat(run("new long password\n", "account", "passwd", "--user", "bruno", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("sportello account passwd: no account bruno in ");
        assertThat(run("short\n", "account", "passwd", "--user", "anna", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("at least 12 characters");
        Account anna = AccountsFile.load(data.resolve("accounts.yaml")).find("anna").orElseThrow();
        assertThat(HASHER.verify("old long password".toCharArray(), anna.passwordHash())).isTrue();
    }

    @Test
    void aBrokenAccountsFileIsAConfigurationError() throws IOException {
        Files.writeString(data.resolve("accounts.yaml"), "accounts: [\n");

        assertThat(run("", "account", "list", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("sportello: " + data.resolve("accounts.yaml")).contains("not valid YAML");
    }

    @Test
    void theLineReaderTakesOneLineWithoutItsEnd() {
        PasswordInput input = PasswordInput.lineOf(stream("pässwörd with spaces \r\nsecond line\n"));

        assertThat(new String(input.read("anna"))).isEqualTo("pässwörd with spaces ");
        assertThat(new String(PasswordInput.lineOf(stream("no newline at the end")).read("anna"))).isEqualTo("no newline at the end");
        assertThat(PasswordInput.lineOf(stream("\n")).read("anna")).isEmpty();
    }

    private void add(String user, String password, String role, String tenant) {
        List<String> args = new ArrayList<>(List.of("account", "add", "--user", user, "--role", role, "--data", data.toString()));
        if (tenant != null) {
            args.addAll(List.of("--tenant", tenant));
        }
        assertThat(run(password + "\n", args.toArray(String[]::new))).as(err.toString()).isZero();
    }

    private void assertRefused(String stdin, String message, String... options) {
        List<String> args = new ArrayList<>(List.of("account", "add", "--data", data.toString()));
        args.addAll(List.of(options));
        err.getBuffer().setLength(0);

        assertThat(run(stdin, args.toArray(String[]::new))).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).startsWith("sportello account add: ").contains(message);
    }

    private int run(String stdin, String... args) {
        out.getBuffer().setLength(0);
        PasswordInput input = PasswordInput.lineOf(stream(stdin));
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == AccountCommand.class ? cls.cast(new AccountCommand(input, HASHER))
                        : CommandLine.defaultFactory().create(cls);
            }
        };
        return Main.commandLine(factory).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void copyTenants(Path home) {
        try {
            Files.createDirectories(home.resolve("config/tenants"));
            for (String t : List.of("ats-milano", "asst-crema")) {
                Files.copy(Path.of("config/tenants", t + ".yaml"), home.resolve("config/tenants/" + t + ".yaml"));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
