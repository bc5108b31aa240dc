package it.sportello.cli;

import it.sportello.app.Sportello;
import it.sportello.contract.Channel;
import it.sportello.contract.Decision;
import it.sportello.contract.JsonLines;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import it.sportello.contract.ParsedLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** One question from the command line, or contract messages from stdin ({@code --jsonl}). */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Asks Sportello one question and prints its decision,",
                "or (--jsonl) reads contract messages from stdin and writes one decision a line."})
final class AskCommand implements Callable<Integer> {

    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    @Option(names = "--tenant", paramLabel = "TENANT", description = "the agency, e.g. ats-milano")
    String tenant;

    @Option(names = "--json", description = "print the decision as contract JSON")
    boolean json;

    @Option(names = "--jsonl", description = "read messages (JSON, one a line) from stdin, write decisions to stdout")
    boolean jsonl;

    @Option(names = "--details", description = "also print what made the decision: rules, model scores, retrieval evidence")
    boolean details;

    @Option(names = "--kind", defaultValue = "comment", description = "comment (public) or message (private): ${DEFAULT-VALUE}")
    Kind kind;

    @Option(names = "--time", description = "ISO-8601 time with offset (default: now)")
    OffsetDateTime time;

    @Parameters(arity = "0..1", paramLabel = "QUESTION", description = "what the citizen wrote")
    String question;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (Sportello sportello = home.start()) {
            if (jsonl) {
                return streamLines(sportello, new InputStreamReader(System.in, StandardCharsets.UTF_8), out);
            }
            if (tenant == null || question == null) {
                spec.commandLine().getErr().println("ask: give --tenant and a question, or --jsonl");
                return 2;
            }
            if (!sportello.tenants().contains(tenant)) {
                spec.commandLine().getErr().println("ask: unknown tenant '" + tenant + "'; known: " + sportello.tenants().ids());
                return 2;
            }
            OffsetDateTime at = time != null ? time : OffsetDateTime.now(sportello.clock());
            Decision d = sportello.responder().decide(new Message("cli-1", tenant, Channel.CLI, kind, "cli:local", at, question));
            if (json) {
                out.println(sportello.jsonLines().write(d));
                out.flush();
            } else {
                DecisionPrinter.print(d, out, details);
            }
            return 0;
        }
    }

    /** Every line gets a decision, in order; a bad line gets an error decision and the run goes on. */
    static int streamLines(Sportello sportello, java.io.Reader input, PrintWriter out) throws IOException {
        JsonLines codec = sportello.jsonLines();
        BufferedReader in = new BufferedReader(input);
        long n = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            ParsedLine parsed = codec.parse(line, n);
            Decision d = parsed instanceof ParsedLine.Valid v ? decideSafely(sportello, v.message())
                    : Decision.error(((ParsedLine.Invalid) parsed).id(), ((ParsedLine.Invalid) parsed).error());
            out.println(codec.write(d));
        }
        out.flush();
        return 0;
    }

    private static Decision decideSafely(Sportello sportello, Message m) {
        try {
            return sportello.responder().decideInTurn(m);
        } catch (RuntimeException e) {
            // the exception's message may quote the text: log its type only
            org.slf4j.LoggerFactory.getLogger(AskCommand.class).error("message {} failed: {}", m.id(), e.getClass().getName());
            return Decision.error(m.id(), "internal error: " + e.getClass().getSimpleName());
        }
    }
}
