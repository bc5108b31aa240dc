package it.sportello.eval;

import it.sportello.contract.Decision;
import it.sportello.contract.Reason;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a curator reads besides the groups: per reason, how often the decisions gave it where the cases expect it
 * (precision and recall), and the confusion of actions (expected, as the case's accepted set, against given).
 * A reason a case does not mention counts against precision only when the case says it must be absent or the
 * case expects another action: an extra {@code personal_data} on a plain answer is not a false alarm.
 */
final class ClassFigures {

    private final Map<Reason, int[]> reasons = new EnumMap<>(Reason.class);
    private final Map<String, Map<String, Integer>> actions = new TreeMap<>();

    void add(EvalCase c, Decision d) {
        if (d == null) {
            return;
        }
        Set<String> given = d.reasons().stream().map(Reason::wire).collect(Collectors.toSet());
        boolean rightAction = c.expect().actions().isEmpty() || c.expect().actions().contains(d.action().wire());
        for (Reason r : Reason.values()) {
            if (r == Reason.OUT_OF_HOURS || r == Reason.LOW_CONFIDENCE) {
                continue;
            }
            boolean expected = c.expect().reasons().contains(r.wire());
            boolean gave = given.contains(r.wire());
            boolean mustBeAbsent = c.expect().reasonsAbsent().contains(r.wire()) || !rightAction;
            int[] f = reasons.computeIfAbsent(r, k -> new int[3]);
            if (expected && gave) {
                f[0]++;
            } else if (gave && mustBeAbsent) {
                f[1]++;
            } else if (expected) {
                f[2]++;
            }
        }
        String row = c.expect().actions().isEmpty() ? "(any)" : String.join("|", c.expect().actions());
        actions.computeIfAbsent(row, k -> new TreeMap<>()).merge(d.action().wire(), 1, Integer::sum);
    }

    void print(PrintWriter out) {
        out.println("per reason (tp = expected and given, fp = given where it must not be, fn = expected, not given)");
        out.printf(Locale.ROOT, "%-16s %5s %5s %5s %9s %7s%n", "reason", "tp", "fp", "fn", "precision", "recall");
        reasons.forEach((r, f) -> {
            if (f[0] + f[1] + f[2] > 0) {
                out.printf(Locale.ROOT, "%-16s %5d %5d %5d %9s %7s%n", r.wire(), f[0], f[1], f[2],
                        ratio(f[0], f[0] + f[1]), ratio(f[0], f[0] + f[2]));
            }
        });
        out.println();
        List<String> columns = List.of("answer", "redirect", "moderate", "escalate", "emergency", "ignore", "error");
        out.printf(Locale.ROOT, "%-34s", "expected \\ given");
        columns.forEach(c -> out.printf(Locale.ROOT, " %9s", c));
        out.println();
        actions.forEach((row, given) -> {
            out.printf(Locale.ROOT, "%-34s", row.length() > 34 ? row.substring(0, 34) : row);
            columns.forEach(c -> out.printf(Locale.ROOT, " %9d", given.getOrDefault(c, 0)));
            out.println();
        });
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) a / b);
    }
}
