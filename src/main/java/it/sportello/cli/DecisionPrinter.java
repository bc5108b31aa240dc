package it.sportello.cli;

import it.sportello.contract.Decision;
import it.sportello.contract.Reason;
import it.sportello.contract.SectionRef;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/** A decision as staff read it in a terminal. */
final class DecisionPrinter {

    private DecisionPrinter() {
    }

    static void print(Decision d, PrintWriter out) {
        print(d, out, false);
    }

    /** {@code details}: with the evidence, one signal a line. */
    static void print(Decision d, PrintWriter out, boolean details) {
        out.printf(Locale.ROOT, "action:     %s%n", d.action().wire());
        out.printf(Locale.ROOT, "reasons:    %s%n", d.reasons().isEmpty() ? "-"
                : d.reasons().stream().map(Reason::wire).collect(Collectors.joining(", ")));
        out.printf(Locale.ROOT, "hide:       %s   sanction: %s%n", d.hide(), d.sanction().wire());
        out.printf(Locale.ROOT, "confidence: %.2f%n", d.confidence());
        if (!d.sections().isEmpty()) {
            out.println("sections:");
            int i = 1;
            for (SectionRef s : d.sections()) {
                out.printf(Locale.ROOT, "  %d. %-28s %6.2f  %s%n", i++, s.id(), s.score(), s.url());
            }
        }
        d.error().ifPresent(e -> out.println("error:      " + e));
        if (details && !d.evidence().signals().isEmpty()) {
            out.println("evidence:");
            d.evidence().signals().forEach(s -> out.println("  " + s.describe()));
        }
        if (!d.reply().isEmpty()) {
            out.println("reply:");
            d.reply().lines().forEach(l -> out.println("  " + l));
        }
        out.flush();
    }
}
