package it.sportello.training;

import it.sportello.guard.GuardClass;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What training found, for staff and for docs/guard-model.md: the corpus, each class's validation figures with
 * the thresholds chosen, the answerability model's calibration (predicted against observed, in bins) and how
 * each threshold would split the validation questions.
 */
public record ModelReport(String corpus, int trainMessages, int validationMessages, List<String> languages,
                          Map<GuardClass, ClassReport> classes, List<Bin> calibration,
                          List<Operating> operating, long trainMillis) {

    /** Validation questions whose predicted probability fell in [from, to): how many, the mean predicted, the share answered right. */
    public record Bin(double from, double to, int count, double predicted, double observed) { }

    /** At one threshold: covered questions answered with the right section, answered with a wrong one, uncovered escalated. */
    public record Operating(double threshold, double coveredRight, double coveredWrong, double uncoveredEscalated,
                            int covered, int uncovered) { }

    public void print(PrintWriter out) {
        out.printf(Locale.ROOT, "corpus %s: %d training and %d validation messages; languages %s; trained in %d ms%n%n",
                corpus, trainMessages, validationMessages, languages, trainMillis);
        out.println("guard, on the validation split (chosen = rule or model as combined; rule = the lexicon alone; model = the model alone)");
        out.printf(Locale.ROOT, "%-16s %5s %5s %6s %6s | %6s %6s | %6s %6s | %5s %5s%n", "class", "fire", "veto",
                "prec", "recall", "r.prec", "r.rec", "m.prec", "m.rec", "pos", "neg");
        classes.forEach((c, r) -> out.printf(Locale.ROOT, "%-16s %5.2f %5.2f %6.3f %6.3f | %6.3f %6.3f | %6.3f %6.3f | %5d %5d%n",
                c.label(), r.chosen().threshold().fire(), r.chosen().threshold().veto(), r.chosen().precision(),
                r.chosen().recall(), r.ruleOnly().precision(), r.ruleOnly().recall(), r.modelOnly().precision(),
                r.modelOnly().recall(), r.chosen().truePositives() + r.chosen().falseNegatives(), r.chosen().negatives()));
        out.println();
        out.println("answerability calibration on the validation questions");
        out.printf(Locale.ROOT, "%-11s %6s %9s %9s%n", "predicted", "count", "mean", "observed");
        for (Bin b : calibration) {
            out.printf(Locale.ROOT, "%.1f - %.1f %8d %9.3f %9.3f%n", b.from(), b.to(), b.count(), b.predicted(), b.observed());
        }
        out.println();
        out.printf(Locale.ROOT, "%-9s %13s %13s %18s%n", "threshold", "covered right", "covered wrong", "uncovered escalated");
        for (Operating o : operating) {
            out.printf(Locale.ROOT, "%9.2f %13.3f %13.3f %18.3f%n", o.threshold(), o.coveredRight(), o.coveredWrong(),
                    o.uncoveredEscalated());
        }
        out.flush();
    }
}
