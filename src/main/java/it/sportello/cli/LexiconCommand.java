package it.sportello.cli;

import it.sportello.guard.Lexicon;
import it.sportello.guard.Text;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** For staff extending a guard lexicon: how it does on a corpus of examples, and what it gets wrong. */
@Command(name = "lexicon", mixinStandardHelpOptions = true,
        description = {"Tests a guard lexicon (config/guard/...) on a corpus: lines '+<TAB>text' that must match",
                "and '-<TAB>text' that must not. Prints precision, recall and every miss."})
final class LexiconCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LEXICON")
    Path lexicon;

    @Parameters(index = "1", paramLabel = "CORPUS")
    Path corpus;

    @Option(names = "--text", description = "also print how each missed line reads after normalisation")
    boolean showText;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Lexicon lex = Lexicon.load(lexicon);
        List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 2);
            if (f.length < 2 || !(f[0].equals("+") || f[0].equals("-"))) {
                spec.commandLine().getErr().println(corpus + ":" + (i + 1) + ": expected '+<TAB>text' or '-<TAB>text'");
                return 2;
            }
            boolean expected = f[0].equals("+");
            Text text = Text.of(f[1]);
            var hit = lex.firstMatch(text);
            if (expected && hit.isPresent()) {
                tp++;
            } else if (expected) {
                fn++;
                out.println("MISSED   " + corpus.getFileName() + ":" + (i + 1) + "  " + f[1] + (showText ? "   [" + text.plain().strip() + "]" : ""));
            } else if (hit.isPresent()) {
                fp++;
                out.println("WRONG    " + corpus.getFileName() + ":" + (i + 1) + "  " + f[1] + "   (by " + hit.get() + ")");
            } else {
                tn++;
            }
        }
        double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        out.printf(Locale.ROOT, "%s on %s: %d positives, %d negatives; precision %.3f, recall %.3f%n",
                lexicon.getFileName(), corpus.getFileName(), tp + fn, tn + fp, precision, recall);
        out.flush();
        return fn + fp == 0 ? 0 : 1;
    }
}
