package it.sportello.eval;

import it.sportello.contract.Action;
import it.sportello.contract.Decision;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Pass rates per group, the two cross-group counts and every failure, as score.py prints them. */
public final class EvalReport {

    /** A failed case, with what made the decision ({@link it.sportello.contract.Evidence}). */
    public record Failure(String id, String group, String text, List<String> why, List<String> evidence) { }

    private final ClassFigures classes = new ClassFigures();

    private final Map<String, int[]> groups = new TreeMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private final int[] falseRefusal = new int[2];
    private final int[] falseModeration = new int[2];

    void add(EvalCase c, Decision d) {
        List<String> fails = Scorer.check(c, d);
        String g = Scorer.group(c);
        int[] counts = groups.computeIfAbsent(g, k -> new int[2]);
        counts[1]++;
        classes.add(c, d);
        if (fails.isEmpty()) {
            counts[0]++;
        } else {
            failures.add(new Failure(c.id(), g, c.text(), fails, d == null ? List.of()
                    : d.evidence().signals().stream().map(s -> s.describe()).toList()));
        }
        if (g.equals("answer")) {
            falseRefusal[1]++;
            if (d != null && (d.action() == Action.REDIRECT || d.action() == Action.MODERATE || d.action() == Action.EMERGENCY)) {
                falseRefusal[0]++;
            }
        }
        if (!c.expect().actions().contains("moderate")) {
            falseModeration[1]++;
            if (d != null && d.action() == Action.MODERATE) {
                falseModeration[0]++;
            }
        }
    }

    public double percent(String group) {
        int[] c = groups.get(group);
        return c == null ? 0 : 100.0 * c[0] / c[1];
    }

    public double overall() {
        int passed = groups.values().stream().mapToInt(c -> c[0]).sum();
        int total = groups.values().stream().mapToInt(c -> c[1]).sum();
        return total == 0 ? 0 : 100.0 * passed / total;
    }

    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    public Map<String, int[]> groups() {
        return groups;
    }

    public void print(PrintWriter out, boolean withFailures) {
        groups.forEach((g, c) -> out.printf(Locale.ROOT, "%-16s %4d/%-4d %5.1f%%%n", g, c[0], c[1], 100.0 * c[0] / c[1]));
        out.printf(Locale.ROOT, "%-16s %4d/%-4d (answerable questions refused, moderated or treated as emergencies)%n",
                "false_refusal", falseRefusal[0], falseRefusal[1]);
        out.printf(Locale.ROOT, "%-16s %4d/%-4d (clean messages moderated)%n", "false_moderation", falseModeration[0], falseModeration[1]);
        if (withFailures) {
            for (Failure f : failures) {
                String text = f.text().length() > 70 ? f.text().substring(0, 70) : f.text();
                out.printf(Locale.ROOT, "FAIL %s [%s] '%s': %s%n", f.id(), f.group(), text, String.join("; ", f.why()));
                if (!f.evidence().isEmpty()) {
                    out.printf(Locale.ROOT, "     because %s%n", String.join("; ", f.evidence()));
                }
            }
        }
        out.println();
        classes.print(out);
        out.println();
        int passed = groups.values().stream().mapToInt(c -> c[0]).sum();
        int total = groups.values().stream().mapToInt(c -> c[1]).sum();
        out.printf(Locale.ROOT, "overall %d/%d passed (%.1f%%)%n", passed, total, overall());
        out.flush();
    }
}
