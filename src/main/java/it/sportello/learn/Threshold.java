package it.sportello.learn;

import java.util.Locale;

/**
 * How a class's curated rule and its model score combine: the class fires when the model's probability
 * reaches {@code fire}, or when the rule matches and the probability is at least {@code veto} (the model may
 * overrule a rule that matched counter-speech or a negation, but only when it is sure). Chosen on a validation
 * split by {@link #choose}, for the F-measure that weighs recall {@code beta} times as much as precision.
 */
public record Threshold(double fire, double veto) {

    public Threshold {
        if (fire < 0 || fire > 1 || veto < 0 || veto > fire) {
            throw new IllegalArgumentException("thresholds out of order: fire " + fire + ", veto " + veto);
        }
    }

    public boolean fires(boolean rule, double probability) {
        return probability >= fire || rule && probability >= veto;
    }

    /** The validation figures of a threshold. */
    public record Figures(Threshold threshold, int truePositives, int falsePositives, int falseNegatives, int negatives) {
        public double precision() {
            int fired = truePositives + falsePositives;
            return fired == 0 ? 1 : (double) truePositives / fired;
        }

        public double recall() {
            int positives = truePositives + falseNegatives;
            return positives == 0 ? 1 : (double) truePositives / positives;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "fire %.2f veto %.2f: precision %.3f recall %.3f (%d positives, %d negatives)",
                    threshold.fire, threshold.veto, precision(), recall(), truePositives + falseNegatives, negatives);
        }
    }

    /**
     * The pair of thresholds, on a grid, with the best F-beta on the validation examples; {@code vetoAllowed}
     * false keeps every rule match (veto 0). Ties go to the higher thresholds (fewer false alarms); with no
     * positive example the model alone never fires.
     */
    public static Figures choose(double[] probability, boolean[] truth, boolean[] rule, double beta, boolean vetoAllowed) {
        Figures best = null;
        double bestScore = -1;
        double b2 = beta * beta;
        for (int f = 99; f >= 2; f--) {
            double fire = f / 100.0;
            for (int v = vetoAllowed ? f : 0; v >= 0; v--) {
                Threshold t = new Threshold(fire, v / 100.0);
                Figures fig = figures(t, probability, truth, rule);
                double p = fig.precision();
                double r = fig.recall();
                double score = p + r == 0 ? 0 : (1 + b2) * p * r / (b2 * p + r);
                if (score > bestScore + 1e-9) {
                    best = fig;
                    bestScore = score;
                }
            }
        }
        return best;
    }

    public static Figures figures(Threshold t, double[] probability, boolean[] truth, boolean[] rule) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int negatives = 0;
        for (int i = 0; i < probability.length; i++) {
            boolean fired = t.fires(rule[i], probability[i]);
            if (truth[i]) {
                tp += fired ? 1 : 0;
                fn += fired ? 0 : 1;
            } else {
                negatives++;
                fp += fired ? 1 : 0;
            }
        }
        return new Figures(t, tp, fp, fn, negatives);
    }
}
