package it.sportello.console;

import it.sportello.app.Server;
import it.sportello.console.auth.Account;
import it.sportello.console.auth.Accounts;
import it.sportello.console.auth.AccountsFile;
import it.sportello.console.auth.PasswordHasher;
import it.sportello.console.auth.Role;
import it.sportello.contract.Channel;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import it.sportello.intake.Receipt;
import it.sportello.store.Escalation;
import it.sportello.store.Stores;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real Sportello server on a free port over a temporary data folder, with the shipped configuration, a
 * clock the test moves and these accounts (password {@link #PASSWORD}, hashed cheaply):
 * anna moderates ats-milano, bruno asst-crema, carla curates ats-milano, dora moderates both, root is admin.
 */
final class ConsoleServer implements AutoCloseable {

    static final String PASSWORD = "password di prova abbastanza lunga";
    /** Wednesday 25 November 2026, 10:30 in Milan: moderators on duty. */
    static final Instant ON_DUTY = Instant.parse("2026-11-25T09:30:00Z");

    private static final PasswordHasher CHEAP = new PasswordHasher(1000);

    final TestClock clock = new TestClock(ON_DUTY);
    final Server server;
    final Path data;
    private final AtomicLong ids = new AtomicLong();

    private ConsoleServer(Path data) {
        this.data = data;
        AccountsFile.save(AccountsFile.in(data), new Accounts(List.of(
                account("anna", Role.MODERATOR, "ats-milano"),
                account("bruno", Role.MODERATOR, "asst-crema"),
                account("carla", Role.CURATOR, "ats-milano"),
                new Account("dora", CHEAP.hash(PASSWORD.toCharArray()), Set.of(Role.MODERATOR),
                        Set.of("ats-milano", "asst-crema")),
                new Account("root", CHEAP.hash(PASSWORD.toCharArray()), Set.of(Role.ADMIN), Set.of()))));
        this.server = Server.start(Server.Settings.embedded(Path.of("."), data, 0), clock, it.sportello.Fixtures.TRAINER);
    }

    static ConsoleServer start(Path data) {
        return new ConsoleServer(data);
    }

    static Account account(String username, Role role, String tenant) {
        return new Account(username, CHEAP.hash(PASSWORD.toCharArray()), Set.of(role), Set.of(tenant));
    }

    /** Adds an account to accounts.yaml while the server runs. */
    void add(Account account) {
        Path file = AccountsFile.in(data);
        AccountsFile.save(file, AccountsFile.load(file).with(account));
    }

    Browser browser() {
        return new Browser(server.baseUrl());
    }

    Stores stores() {
        return server.stores();
    }

    /** A public comment on the web channel, through the real intake, at the clock's time. */
    Receipt receive(String tenant, String author, String text) {
        return receive(tenant, Channel.WEB, author, text);
    }

    Receipt receive(String tenant, Channel channel, String author, String text) {
        Message m = new Message("m" + ids.incrementAndGet(), tenant, channel, Kind.COMMENT, author,
                clock.instant().atOffset(ZoneOffset.UTC), text);
        return server.intake().receive(m);
    }

    /** The escalation the message opened; fails the test if it opened none. */
    Escalation escalation(Receipt r) {
        long id = r.escalation().orElseThrow(() -> new AssertionError("no escalation for " + r));
        return stores().escalations().find(id).orElseThrow();
    }

    static String itemPath(Escalation e) {
        return "/console/" + e.tenant() + "/items/" + e.id();
    }

    /** A web author id: the chat page makes them random, 16 characters at least. */
    static String webAuthor(String name) {
        return "web:" + (name + "-0123456789abcdef").substring(0, Math.max(16, name.length()));
    }

    @Override
    public void close() {
        server.close();
    }
}
