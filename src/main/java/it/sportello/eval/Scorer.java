package it.sportello.eval;

import it.sportello.contract.Action;
import it.sportello.contract.Decision;
import it.sportello.contract.Reason;
import it.sportello.contract.SectionRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Groups and checks exactly as shared/eval/score.py does, so that both print the same figures. */
final class Scorer {

    private Scorer() {
    }

    static String group(EvalCase c) {
        Expectation e = c.expect();
        List<String> acts = e.actions();
        if (!c.group().isEmpty()) {
            return c.group();
        }
        if ("en".equals(c.lang())) {
            return "english";
        }
        if (e.sanction().isPresent()) {
            return "strikes";
        }
        if (e.reasons().contains("repeated")) {
            return "repeated";
        }
        if (e.reasons().contains("out_of_hours") || e.reasonsAbsent().contains("out_of_hours")) {
            return "hours";
        }
        if (e.reasons().contains("minor")) {
            return "minor";
        }
        if (e.hide().orElse(false)) {
            return "personal_data";
        }
        if (acts.equals(List.of("emergency"))) {
            return "emergency";
        }
        if (acts.equals(List.of("moderate"))) {
            return "moderation";
        }
        if (e.reasons().contains("personal_case")) {
            return "personal_case";
        }
        if (e.reasons().contains("contact_request")) {
            return "contact_request";
        }
        if (acts.equals(List.of("answer")) && !e.sections().isEmpty()) {
            return "answer";
        }
        if (Set.copyOf(acts).equals(Set.of("escalate", "redirect", "moderate"))) {
            return "not_covered";
        }
        return "other";
    }

    /** The failures of a decision against a case; empty when it passes. */
    static List<String> check(EvalCase c, Decision d) {
        Expectation e = c.expect();
        List<String> fails = new ArrayList<>();
        if (d == null) {
            return List.of("no decision");
        }
        String action = d.action().wire();
        Set<String> reasons = d.reasons().stream().map(Reason::wire).collect(Collectors.toSet());
        String reply = d.reply();
        if (!e.actions().isEmpty() && !e.actions().contains(action)) {
            fails.add("action " + action + " not in " + e.actions());
        }
        if (!e.sections().isEmpty() && d.action() == Action.ANSWER) {
            SectionRef top = d.sections().isEmpty() ? null : d.sections().get(0);
            if (top == null || !e.sections().contains(top.id())) {
                fails.add("top section " + (top == null ? "none" : top.id()) + " not in " + e.sections());
            } else if (top.url().isEmpty() || !reply.contains(top.url())) {
                fails.add("reply lacks the section's link");
            }
        }
        e.reasons().stream().filter(r -> !reasons.contains(r)).forEach(r -> fails.add("missing reason " + r));
        e.reasonsAbsent().stream().filter(reasons::contains).forEach(r -> fails.add("unexpected reason " + r));
        e.hide().filter(h -> h != d.hide()).ifPresent(h -> fails.add("hide " + d.hide() + " != " + h));
        e.sanction().filter(s -> !s.contains(d.sanction().wire()))
                .ifPresent(s -> fails.add("sanction " + d.sanction().wire() + " not in " + s));
        String lowerReply = reply.toLowerCase(Locale.ROOT);
        e.replyHas().stream().filter(s -> !lowerReply.contains(s.toLowerCase(Locale.ROOT)))
                .forEach(s -> fails.add("reply lacks '" + s + "'"));
        for (String s : e.replyLacks()) {
            String digits = s.replaceAll("\\D", "");
            if (lowerReply.contains(s.toLowerCase(Locale.ROOT))
                    || (digits.length() >= 6 && reply.replaceAll("\\D", "").contains(digits))) {
                fails.add("reply echoes '" + s + "'");
            }
        }
        return fails;
    }
}
