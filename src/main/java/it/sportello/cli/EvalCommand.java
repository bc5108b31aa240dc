package it.sportello.cli;

import it.sportello.app.Sportello;
import it.sportello.eval.EvalReport;
import it.sportello.eval.Evaluation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Measures the bot on an evaluation file before staff publish a change. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Runs an evaluation file (format of shared/eval/dev.jsonl) and prints, per group,",
                "the pass rate and each failure with its reason, as shared/eval/score.py does."})
final class EvalCommand implements Callable<Integer> {

    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the evaluation file")
    Path file;

    @Option(names = "--quiet", description = "only the table, not the failures")
    boolean quiet;

    @Option(names = "--min", paramLabel = "GROUP=PERCENT", description = "exit 1 when a group is below PERCENT")
    Map<String, Double> minimum = Map.of();

    @Option(names = "--min-overall", paramLabel = "PERCENT", description = "exit 1 when the overall rate is below PERCENT")
    double minimumOverall;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (Sportello sportello = home.start()) {
            EvalReport report;
            try {
                report = new Evaluation(sportello.jsonLines(), sportello.responder()::decideInTurn).run(file);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("eval: " + e.getMessage());
                return 2;
            }
            report.print(out, !quiet);
            boolean ok = report.overall() >= minimumOverall
                    && minimum.entrySet().stream().allMatch(m -> report.percent(m.getKey()) >= m.getValue());
            return ok ? 0 : 1;
        }
    }
}
