package it.sportello.cli;

import it.sportello.app.Sportello;
import it.sportello.guard.GuardModel;
import it.sportello.guard.InMemoryPostHistory;
import it.sportello.guard.InMemoryStrikeStore;
import it.sportello.training.Training;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Trains the models on the corpus as {@code serve} does at start-up and prints what the validation split says. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = {"Trains the guard's model and the answerability model on corpus/ as serve does at start-up,",
                "and prints per class the thresholds chosen on the validation split with precision and recall,",
                "and the answerability model's calibration. --cost and --balance try other training settings."})
final class ModelCommand implements Callable<Integer> {

    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    private void writeScores(Sportello sportello) throws java.io.IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        it.sportello.guard.GuardDetectors d = sportello.detectors();
        try (java.io.BufferedWriter w = java.nio.file.Files.newBufferedWriter(scores)) {
            for (it.sportello.corpus.CorpusMessage m : it.sportello.corpus.Corpus.load(home.home.resolve("corpus")).validation()) {
                GuardModel.Scores s = d.model().score(d.read(m.text()));
                com.fasterxml.jackson.databind.node.ObjectNode o = json.createObjectNode().put("id", m.id()).put("lang", m.lang());
                o.putPOJO("labels", m.labels().stream().map(it.sportello.guard.GuardClass::label).toList());
                o.putPOJO("known", m.known().stream().map(it.sportello.guard.GuardClass::label).toList());
                com.fasterxml.jackson.databind.node.ObjectNode sc = o.putObject("scores");
                for (it.sportello.guard.GuardClass c : it.sportello.guard.GuardClass.values()) {
                    sc.put(c.label(), s.of(c));
                }
                o.put("text", m.text());
                w.write(json.writeValueAsString(o));
                w.newLine();
            }
        }
    }

    @Option(names = "--cost", description = "LIBLINEAR's C for the guard's model (default: the shipped one)")
    Double cost;

    @Option(names = "--balance", description = "weight of rare classes' positives, as a power of negatives/positives")
    Double balance;

    @Option(names = "--scores", paramLabel = "FILE", description = "write each validation message's class scores (JSON lines)")
    java.nio.file.Path scores;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        Sportello.Trainer trainer = cost == null && balance == null ? Sportello.Trainer.AT_START
                : (corpus, detectors, indexes, tenants) -> {
                    int threads = Runtime.getRuntime().availableProcessors();
                    GuardModel model = GuardModel.train(corpus.train(), detectors::read, threads,
                            cost == null ? 4 : cost, balance == null ? 0.5 : balance);
                    return Training.run(corpus, detectors, indexes, tenants, threads, model);
                };
        try (Sportello sportello = Sportello.start(home.home, Clock.systemDefaultZone(), new InMemoryStrikeStore(),
                new InMemoryPostHistory(), trainer)) {
            sportello.training().report().print(out);
            if (scores != null) {
                writeScores(sportello);
            }
            return 0;
        }
    }
}
