package it.sportello.cli;

import it.sportello.tenant.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar target/sportello.jar <command>}. */
@Command(name = "sportello", mixinStandardHelpOptions = true, version = "Sportello 0.1",
        description = "First-level answers and policy guard for the social channels of public health agencies.",
        subcommands = {AskCommand.class, ChatCommand.class, EvalCommand.class, BenchCommand.class, BenchChannelsCommand.class, KbCommand.class,
                LexiconCommand.class, ModelCommand.class, ServeCommand.class, PurgeCommand.class, AccountCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** With another factory, tests can build a command with fakes in place of the terminal. */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        return new CommandLine(new Main(), factory)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof ConfigException || e instanceof it.sportello.store.StoreException) {
                        cmd.getErr().println("sportello: " + e.getMessage());
                        return 2;
                    }
                    throw e;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
