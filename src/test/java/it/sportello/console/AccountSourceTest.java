package it.sportello.console;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.console.auth.Accounts;
import it.sportello.console.auth.AccountsFile;
import it.sportello.console.auth.PasswordHasher;
import it.sportello.console.auth.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console follows accounts.yaml without a restart, and survives a broken edit of it. */
class AccountSourceTest {

    @TempDir
    Path data;

    @Test
    void changesAreSeenAndABrokenFileKeepsTheLastGoodAccounts() throws Exception {
        Path file = AccountsFile.in(data);
        AccountSource source = new AccountSource(file, new PasswordHasher(1000));
        assertThat(source.find("anna")).isEmpty();
        assertThat(source.authenticator().login("anna", ConsoleServer.PASSWORD.toCharArray())).isEmpty();

        AccountsFile.save(file, new Accounts(List.of(ConsoleServer.account("anna", Role.MODERATOR, "ats-milano"))));
        assertThat(source.find("anna")).isPresent();
        assertThat(source.authenticator().login("anna", ConsoleServer.PASSWORD.toCharArray())).isPresent();

        Files.writeString(file, "accounts: [ this is : not valid");
        assertThat(source.find("anna")).isPresent();
        assertThat(source.authenticator().login("anna", ConsoleServer.PASSWORD.toCharArray())).isPresent();

        AccountsFile.save(file, new Accounts(List.of(ConsoleServer.account("bruno", Role.MODERATOR, "asst-crema"))));
        assertThat(source.find("anna")).isEmpty();
        assertThat(source.find("bruno")).isPresent();
    }
}
