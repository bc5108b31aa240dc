package it.sportello.training;

import it.sportello.corpus.CorpusMessage;
import it.sportello.guard.GuardClass;
import it.sportello.guard.GuardDetectors;
import it.sportello.guard.GuardModel;
import it.sportello.guard.Text;
import it.sportello.learn.Threshold;
import it.sportello.tenant.TenantRegistry;
import it.sportello.text.NormalizedText;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Chooses each class's thresholds on the validation split, for what the policy needs of it: emergencies lean to
 * recall (F-beta with beta 3, and a lexicon match always fires: a false alarm costs a moderator a minute, a
 * miss can cost a life); netiquette leans to precision (beta 0.5: no clean message hidden or counted as a
 * strike); redirects lean to precision too (a general question refused as a personal case, a minor or a contact
 * request loses its answer, and a redirect of a real personal case still sends it to the URP with the general
 * information); courtesy leans to precision (an ignored question is lost); routing to the URP weighs both alike.
 */
final class GuardCalibration {

    /** The year the corpus was written in: what a birth year in it means. */
    static final int CORPUS_YEAR = 2026;

    private GuardCalibration() {
    }

    static double beta(GuardClass c) {
        return switch (c.family()) {
            case EMERGENCY -> 3;
            case NETIQUETTE, AGGREGATE, COURTESY, REDIRECT -> 0.5;
            case ROUTE -> 1;
        };
    }

    static Map<GuardClass, ClassReport> choose(GuardDetectors detectors, GuardModel model, List<CorpusMessage> validation,
                                                TenantRegistry tenants) {
        int n = validation.size();
        double[][] p = new double[GuardClass.values().length][n];
        boolean[][] rule = new boolean[GuardClass.values().length][n];
        OptionalInt[] ages = new OptionalInt[n];
        for (int i = 0; i < n; i++) {
            CorpusMessage m = validation.get(i);
            NormalizedText seen = detectors.read(m.text());
            Text text = Text.of(seen.folded());
            GuardModel.Scores scores = model.score(seen);
            Map<GuardClass, Optional<String>> rules = detectors.rules(text);
            for (GuardClass c : GuardClass.values()) {
                p[c.ordinal()][i] = scores.of(c);
                rule[c.ordinal()][i] = rules.getOrDefault(c, Optional.empty()).isPresent();
            }
            ages[i] = detectors.minor().statedAge(text, CORPUS_YEAR);
        }
        Map<GuardClass, ClassReport> out = new EnumMap<>(GuardClass.class);
        for (GuardClass c : GuardClass.values()) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                CorpusMessage m = validation.get(i);
                // a stated age settles minor by the tenant's rule: the model is chosen for the rest
                if (m.known().contains(c) && (c != GuardClass.MINOR || ages[i].isEmpty()) && tenants.contains(m.tenant())) {
                    rows.add(i);
                }
            }
            double[] probability = new double[rows.size()];
            boolean[] truth = new boolean[rows.size()];
            boolean[] matched = new boolean[rows.size()];
            boolean[] never = new boolean[rows.size()];
            for (int k = 0; k < rows.size(); k++) {
                int i = rows.get(k);
                probability[k] = p[c.ordinal()][i];
                truth[k] = validation.get(i).has(c);
                matched[k] = rule[c.ordinal()][i];
            }
            boolean vetoAllowed = c.family() != GuardClass.Family.EMERGENCY && c != GuardClass.MINOR;
            Threshold.Figures chosen = Threshold.choose(probability, truth, c == GuardClass.MINOR ? never : matched,
                    beta(c), vetoAllowed);
            Threshold.Figures ruleOnly = Threshold.figures(new Threshold(1, 0), new double[rows.size()], truth, matched);
            Threshold.Figures modelOnly = Threshold.figures(new Threshold(chosen.threshold().fire(), chosen.threshold().fire()),
                    probability, truth, never);
            out.put(c, new ClassReport(c, chosen, ruleOnly, modelOnly));
        }
        return out;
    }
}
