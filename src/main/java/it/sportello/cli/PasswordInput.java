package it.sportello.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where {@code account add} and {@code account passwd} get a new password. Never from an option:
 * {@code ps} and the shell history would show it. In order: {@value #ENV} for scripts, the terminal
 * without echo (typed twice), or one line of standard input when it is piped.
 */
final class PasswordInput {

    static final String ENV = "SPORTELLO_NEW_PASSWORD";

    private final Optional<String> fromEnv;
    private final Optional<Console> console;
    private final InputStream stdin;

    private PasswordInput(Optional<String> fromEnv, Optional<Console> console, InputStream stdin) {
        this.fromEnv = fromEnv;
        this.console = console;
        this.stdin = stdin;
    }

    static PasswordInput system() {
        return new PasswordInput(Optional.ofNullable(System.getenv(ENV)),
                Optional.ofNullable(System.console()).filter(PasswordInput::isTerminal), System.in);
    }

    /** One line of {@code in}, as when standard input is piped; what the tests use. */
    static PasswordInput lineOf(InputStream in) {
        return new PasswordInput(Optional.empty(), Optional.empty(), in);
    }

    /** The new password; the caller clears it once hashed. */
    char[] read(String username) {
        if (fromEnv.isPresent()) {
            return fromEnv.get().toCharArray();
        }
        if (console.isPresent()) {
            return typedTwice(console.get(), username);
        }
        return firstLine(stdin).orElseThrow(() -> new AccountCommand.Refused(
                "no password: type it at a terminal, pipe it on standard input or set " + ENV));
    }

    private static char[] typedTwice(Console c, String username) {
        char[] first = c.readPassword("New password for %s: ", username);
        if (first == null) {
            throw new AccountCommand.Refused("no password given");
        }
        char[] again = c.readPassword("Type it again: ");
        boolean same = Arrays.equals(first, again);
        if (again != null) {
            Arrays.fill(again, '\0');
        }
        if (!same) {
            Arrays.fill(first, '\0');
            throw new AccountCommand.Refused("the two passwords differ; nothing changed");
        }
        return first;
    }

    /** Read char by char into an array, not a String: an array can be wiped once hashed. */
    private static Optional<char[]> firstLine(InputStream in) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        char[] buffer = new char[64];
        int length = 0;
        try {
            int c = reader.read();
            if (c < 0) {
                return Optional.empty();
            }
            while (c >= 0 && c != '\n') {
                if (length == buffer.length) {
                    char[] bigger = Arrays.copyOf(buffer, buffer.length * 2);
                    Arrays.fill(buffer, '\0');
                    buffer = bigger;
                }
                buffer[length++] = (char) c;
                c = reader.read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password from standard input", e);
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        char[] line = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, '\0');
        return Optional.of(line);
    }

    /**
     * From Java 22 {@code System.console()} is there even when input is piped; {@code isTerminal()}
     * (absent in 17, where a piped run has no console at all) tells the two apart.
     */
    private static boolean isTerminal(Console c) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
