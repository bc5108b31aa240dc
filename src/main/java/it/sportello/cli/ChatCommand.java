package it.sportello.cli;

import it.sportello.app.Sportello;
import it.sportello.contract.Channel;
import it.sportello.contract.Decision;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** A conversation with the bot in the terminal, as a citizen would have it in a private chat. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Talk to Sportello in the terminal (a private chat); 'esci' or Ctrl-D to leave.")
final class ChatCommand implements Callable<Integer> {

    private static final Set<String> QUIT = Set.of("esci", "exit", "quit", "/esci");

    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    @Option(names = "--tenant", defaultValue = "ats-milano", description = "the agency (default: ${DEFAULT-VALUE})")
    String tenant;

    @Option(names = "--details", description = "show action, reasons and sections under each reply")
    boolean details;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (Sportello sportello = home.start()) {
            if (!sportello.tenants().contains(tenant)) {
                spec.commandLine().getErr().println("chat: unknown tenant '" + tenant + "'; known: " + sportello.tenants().ids());
                return 2;
            }
            out.printf("Sportello - %s. Scrivi una domanda (\"esci\" per uscire).%n", sportello.tenants().get(tenant).name());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            int turn = 0;
            while (true) {
                out.print("> ");
                out.flush();
                String line = in.readLine();
                if (line == null || QUIT.contains(line.strip().toLowerCase(Locale.ROOT))) {
                    out.println("Arrivederci!");
                    out.flush();
                    return 0;
                }
                if (line.isBlank()) {
                    continue;
                }
                Message m = new Message("chat-" + (++turn), tenant, Channel.CLI, Kind.MESSAGE, "cli:chat",
                        OffsetDateTime.now(sportello.clock()), line);
                Decision d = sportello.responder().decideInTurn(m);
                out.println();
                d.reply().lines().forEach(l -> out.println("  " + l));
                if (details) {
                    out.printf(Locale.ROOT, "  [%s %s confidence %.2f%s]%n", d.action().wire(), d.reasons(), d.confidence(),
                            d.sections().isEmpty() ? "" : " " + d.sections().get(0).id());
                }
                out.println();
            }
        }
    }
}
