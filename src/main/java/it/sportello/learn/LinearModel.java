package it.sportello.learn;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A set of binary logistic-regression models over one feature space, one output a class, trained by
 * LIBLINEAR (L2-regularised logistic regression, dual coordinate descent, seeded: the same examples give the
 * same weights). A feature no training example has gets no weight under L2 regularisation, so only the
 * features seen are kept: a table from feature to its row of weights, one weight an output side by side, so
 * scoring one text reads each of its features' weights for all outputs from one place.
 */
public final class LinearModel {

    private final int dimensions;
    private final int outputs;
    /** Open addressing: {@code keys[slot]} a feature (or -1), {@code rows[slot]} its row in {@code weights}. */
    private final int[] keys;
    private final int[] rows;
    private final float[] weights;
    private final float[] bias;

    private LinearModel(int dimensions, int outputs, int[] keys, int[] rows, float[] weights, float[] bias) {
        this.dimensions = dimensions;
        this.outputs = outputs;
        this.keys = keys;
        this.rows = rows;
        this.weights = weights;
        this.bias = bias;
    }

    /** One training example: its features and, per output, whether it is positive; {@code known[j]} false leaves it out of output j. */
    public record Example(SparseVector x, boolean[] positive, boolean[] known) { }

    /**
     * Trains one model per output on the examples known for it, with regularisation {@code cost} (LIBLINEAR's
     * C) and positive examples weighted by {@code positiveWeight[j]}; outputs are trained in parallel on
     * {@code threads} threads.
     */
    public static LinearModel train(int dimensions, int outputs, List<Example> examples, double cost,
                                    double[] positiveWeight, int threads) {
        Linear.disableDebugOutput();
        Feature[][] x = new Feature[examples.size()][];
        java.util.BitSet seen = new java.util.BitSet(dimensions);
        for (int i = 0; i < x.length; i++) {
            SparseVector v = examples.get(i).x();
            x[i] = row(v, dimensions);
            for (int f : v.indices()) {
                seen.set(f);
            }
        }
        int used = seen.cardinality();
        int capacity = Integer.highestOneBit(Math.max(2, used) * 2 - 1) << 1;
        int[] keys = new int[capacity];
        int[] rows = new int[capacity];
        java.util.Arrays.fill(keys, -1);
        int[] featureRow = new int[used];
        int[] featureOf = new int[used];
        int next = 0;
        for (int f = seen.nextSetBit(0); f >= 0; f = seen.nextSetBit(f + 1)) {
            int slot = slot(f, capacity);
            while (keys[slot] != -1) {
                slot = (slot + 1) & (capacity - 1);
            }
            keys[slot] = f;
            rows[slot] = next;
            featureOf[next] = f;
            featureRow[next] = next;
            next++;
        }
        float[] weights = new float[used * outputs];
        float[] bias = new float[outputs];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, outputs)), r -> {
            Thread t = new Thread(r, "model-training");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<double[]>> done = new ArrayList<>();
            for (int j = 0; j < outputs; j++) {
                int output = j;
                done.add(pool.submit(() -> trainOne(x, examples, output, dimensions, cost, positiveWeight[output])));
            }
            for (int j = 0; j < outputs; j++) {
                double[] w = done.get(j).get();
                for (int r = 0; r < used; r++) {
                    weights[r * outputs + j] = (float) w[featureOf[r]];
                }
                bias[j] = (float) w[dimensions];
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("training failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new LinearModel(dimensions, outputs, keys, rows, weights, bias);
    }

    private static int slot(int feature, int capacity) {
        return (feature * 0x9E3779B1 >>> 7) & (capacity - 1);
    }

    /** The weights of one output, the bias last; all zero when the output has no example of one side. */
    private static double[] trainOne(Feature[][] rows, List<Example> examples, int output, int dimensions,
                                     double cost, double positiveWeight) {
        List<Feature[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        int positives = 0;
        for (int i = 0; i < rows.length; i++) {
            Example e = examples.get(i);
            if (e.known()[output]) {
                x.add(rows[i]);
                y.add(e.positive()[output] ? 1.0 : -1.0);
                positives += e.positive()[output] ? 1 : 0;
            }
        }
        double[] w = new double[dimensions + 1];
        if (positives == 0 || positives == x.size()) {
            w[dimensions] = positives == 0 ? -10 : 10;
            return w;
        }
        Problem problem = new Problem();
        problem.l = x.size();
        problem.n = dimensions + 1;
        problem.x = x.toArray(new Feature[0][]);
        problem.y = y.stream().mapToDouble(Double::doubleValue).toArray();
        problem.bias = 1;
        // the dual coordinate-descent solver: a third faster than the primal one on sparse text, and deterministic
        // (each Parameter carries its own seeded Random), so outputs train in parallel
        Parameter parameter = new Parameter(SolverType.L2R_LR_DUAL, cost, 0.1);
        parameter.setWeights(new double[] {positiveWeight, 1}, new int[] {1, -1});
        Model model = Linear.train(problem, parameter);
        double[] learnt = model.getFeatureWeights();
        // LIBLINEAR's weights are for its first label: the label of the first example
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        for (int f = 0; f <= dimensions; f++) {
            w[f] = sign * learnt[f];
        }
        return w;
    }

    /** LIBLINEAR's 1-based features, and the bias feature last. */
    private static Feature[] row(SparseVector v, int dimensions) {
        Feature[] row = new Feature[v.size() + 1];
        for (int k = 0; k < v.size(); k++) {
            row[k] = new FeatureNode(v.indices()[k] + 1, v.values()[k]);
        }
        row[v.size()] = new FeatureNode(dimensions + 1, 1);
        return row;
    }

    public int outputs() {
        return outputs;
    }

    /** The features with weights: what the model costs in memory is about this times the outputs, in floats. */
    public int features() {
        return weights.length / Math.max(1, outputs);
    }

    /** The probability of each output for {@code x}. */
    public double[] probabilities(SparseVector x) {
        double[] z = new double[outputs];
        for (int j = 0; j < outputs; j++) {
            z[j] = bias[j];
        }
        int[] idx = x.indices();
        float[] val = x.values();
        int mask = keys.length - 1;
        for (int k = 0; k < idx.length; k++) {
            int f = idx[k];
            int slot = slot(f, keys.length);
            while (keys[slot] != f) {
                if (keys[slot] == -1) {
                    break;
                }
                slot = (slot + 1) & mask;
            }
            if (keys[slot] != f) {
                continue;
            }
            int base = rows[slot] * outputs;
            float v = val[k];
            for (int j = 0; j < outputs; j++) {
                z[j] += weights[base + j] * v;
            }
        }
        for (int j = 0; j < outputs; j++) {
            z[j] = 1 / (1 + Math.exp(-z[j]));
        }
        return z;
    }

    public int dimensions() {
        return dimensions;
    }
}
