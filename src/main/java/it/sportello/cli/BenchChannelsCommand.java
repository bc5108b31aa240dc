package it.sportello.cli;

import it.sportello.app.Sportello;
import it.sportello.bench.Benchmark;
import it.sportello.bench.ChannelBench;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Messages a second through the Telegram and Facebook adapters, end to end against fake platforms. */
@Command(name = "bench-channels", mixinStandardHelpOptions = true,
        description = {"Runs serve on a fresh embedded H2 store against a fake Bot API and a fake Graph API on",
                "127.0.0.1, puts a burst of citizens' questions on each, and times them until every reply is on the",
                "platform. Exit 1 when a message is lost or answered twice, or a channel stays under the target."})
final class BenchChannelsCommand implements Callable<Integer> {

    static final double TARGET_PER_SECOND = 200;

    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    @Option(names = "--messages", defaultValue = "2000", description = "messages per channel (default: ${DEFAULT-VALUE})")
    int messages;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> questions;
        try (Sportello sportello = home.start()) {
            questions = Benchmark.questions("ats-milano", sportello.knowledgeBase("ats-milano").sections(), 500, 13)
                    .stream().map(m -> m.text()).toList();
        }
        out.printf(Locale.ROOT, "Sportello bench-channels: Java %s, %d cores, %d messages per channel, H2 store%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), messages);
        boolean ok = true;
        for (ChannelBench.Result r : ChannelBench.run(home.home, questions, messages)) {
            boolean met = r.lost() == 0 && r.duplicated() == 0 && r.perSecond() >= TARGET_PER_SECOND;
            ok &= met;
            out.printf(Locale.ROOT, "%-9s %6d messages in %6.2f s: %7.0f messages/s end to end, %d lost, %d answered twice  %s%n",
                    r.channel(), r.messages(), r.elapsed().toNanos() / 1e9, r.perSecond(), r.lost(), r.duplicated(),
                    met ? "ok" : "MISSED (target " + (int) TARGET_PER_SECOND + "/s, none lost or twice)");
        }
        out.flush();
        return ok ? 0 : 1;
    }
}
