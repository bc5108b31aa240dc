package it.sportello.cli;

import it.sportello.console.auth.Account;
import it.sportello.console.auth.Accounts;
import it.sportello.console.auth.AccountsFile;
import it.sportello.console.auth.PasswordHasher;
import it.sportello.console.auth.PasswordPolicy;
import it.sportello.console.auth.Role;
import it.sportello.tenant.TenantRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The moderators' console accounts, kept in {@code <data>/accounts.yaml}. */
@Command(name = "account", mixinStandardHelpOptions = true,
        description = "Accounts for the moderators' console (passwords are stored as PBKDF2 hashes only).",
        subcommands = {AccountCommand.Add.class, AccountCommand.ListAccounts.class, AccountCommand.Passwd.class})
final class AccountCommand implements Runnable {

    @Spec
    CommandSpec spec;

    private final PasswordInput passwords;
    private final PasswordHasher hasher;

    AccountCommand() {
        this(PasswordInput.system(), new PasswordHasher());
    }

    /** Tests give a password on a stream and a cheap hasher. */
    AccountCommand(PasswordInput passwords, PasswordHasher hasher) {
        this.passwords = passwords;
        this.hasher = hasher;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Bad input from the person at the keyboard: one line on stderr, exit 2, nothing written. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** {@code --home} and {@code --data}: where the tenants and the accounts file are. */
    static final class Where {
        @Mixin
        HomeOption home;

        @Option(names = "--data", paramLabel = "DIR", description = "folder of accounts.yaml (default: <home>/data)")
        Optional<Path> data;

        Path accountsFile() {
            return AccountsFile.in(data.orElseGet(() -> home.home.resolve("data")).normalize());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a console account; its password is never an option (ps and shell history would show it).",
                    "It is asked twice at a terminal, read as one line when standard input is piped, or taken from "
                            + PasswordInput.ENV + " when set."})
    static final class Add implements Callable<Integer> {

        @ParentCommand
        AccountCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        Where where;

        @Option(names = "--user", required = true, paramLabel = "NAME", description = "2-40 of a-z 0-9 . _ -")
        String user;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "moderator, curator or admin; repeat for more")
        List<Role> roles;

        @Option(names = "--tenant", paramLabel = "TENANT",
                description = "a tenant id of config/tenants/; repeat for more; an admin has all without it")
        List<String> tenants = new ArrayList<>();

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                check(user, roles, tenants, TenantRegistry.load(where.home.home.resolve("config/tenants")));
                Path file = where.accountsFile();
                Accounts accounts = AccountsFile.load(file);
                if (accounts.find(user).isPresent()) {
                    throw new Refused("account " + user + " already exists in " + file
                            + "; change its password with 'account passwd'");
                }
                Account account = new Account(user, parent.newHash(user), Set.copyOf(roles), Set.copyOf(tenants));
                AccountsFile.save(file, accounts.with(account));
                spec.commandLine().getOut().printf("account %s added (%s) to %s%n", user, grants(account), file);
                return 0;
            });
        }

        private static void check(String user, List<Role> roles, List<String> tenants, TenantRegistry known) {
            try {
                Account.checkUsername(user);
            } catch (IllegalArgumentException e) {
                throw new Refused(e.getMessage());
            }
            for (String t : tenants) {
                if (!known.contains(t)) {
                    throw new Refused("unknown tenant '" + t + "'; known: " + String.join(", ", known.ids()));
                }
            }
            if (tenants.isEmpty() && !roles.contains(Role.ADMIN)) {
                throw new Refused("a " + roles.get(0).wire() + " needs --tenant (only an admin has all tenants)");
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the accounts: names, roles, tenants.")
    static final class ListAccounts implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        Where where;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path file = where.accountsFile();
            Accounts accounts = AccountsFile.load(file);
            for (Account a : accounts.all()) {
                out.printf("%-20s %s%n", a.username(), grants(a));
            }
            out.printf("%d account%s in %s%n", accounts.all().size(), accounts.all().size() == 1 ? "" : "s", file);
            out.flush();
            return 0;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Sets a new password for an account, read as for 'account add'.")
    static final class Passwd implements Callable<Integer> {

        @ParentCommand
        AccountCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        Where where;

        @Option(names = "--user", required = true, paramLabel = "NAME")
        String user;

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                Path file = where.accountsFile();
                Accounts accounts = AccountsFile.load(file);
                Account account = accounts.find(user).orElseThrow(() -> new Refused("no account " + user + " in " + file));
                AccountsFile.save(file, accounts.with(account.withPasswordHash(parent.newHash(user))));
                spec.commandLine().getOut().printf("password of %s changed in %s%n", user, file);
                return 0;
            });
        }
    }

    /** Reads, checks and hashes a new password, wiping the clear text as soon as it is hashed. */
    private String newHash(String user) {
        char[] password = passwords.read(user);
        try {
            Optional<String> problem = PasswordPolicy.problem(password);
            if (problem.isPresent()) {
                throw new Refused(problem.get());
            }
            return hasher.hash(password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** e.g. "moderator, curator on ats-milano, asst-crema" or "admin on all tenants". */
    private static String grants(Account a) {
        String roles = a.roles().stream().map(Role::wire).collect(Collectors.joining(", "));
        return roles + " on " + (a.isAdmin() ? "all tenants" : String.join(", ", a.tenants()));
    }

    private static int guarded(CommandSpec spec, IntSupplier body) {
        try {
            return body.getAsInt();
        } catch (Refused e) {
            spec.commandLine().getErr().println(spec.qualifiedName(" ") + ": " + e.getMessage());
            return 2;
        }
    }
}
