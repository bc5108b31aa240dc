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
 * same weights). Each model hashes the features into a table of its own size (2 to the {@code bits}: the
 * feature's low bits, which are as good as a hash of its own), and keeps the weights as bytes scaled per output
 * (the probabilities move by less than a hundredth), one row a feature with its outputs side by side: scoring a text reads each of its features' weights
 * for all outputs from one place, in a table small enough to stay in the processor's cache.
 */
public final class LinearModel {

    private final int bits;
    private final int outputs;
    private final byte[] weights;
    private final float[] scale;
    private final float[] bias;

    private LinearModel(int bits, int outputs, byte[] weights, float[] scale, float[] bias) {
        this.bits = bits;
        this.outputs = outputs;
        this.weights = weights;
        this.scale = scale;
        this.bias = bias;
    }

    /** One training example: its features and, per output, whether it is positive; {@code known[j]} false leaves it out of output j. */
    public record Example(SparseVector x, boolean[] positive, boolean[] known) { }

    /**
     * Trains one model per output on the examples known for it, over 2 to the {@code bits} features, with
     * regularisation {@code cost} (LIBLINEAR's C) and positive examples weighted by {@code positiveWeight[j]};
     * outputs are trained in parallel on {@code threads} threads.
     */
    public static LinearModel train(int bits, int outputs, List<Example> examples, double cost,
                                    double[] positiveWeight, int threads) {
        Linear.disableDebugOutput();
        int dimensions = 1 << bits;
        Feature[][] x = new Feature[examples.size()][];
        java.util.Map<Long, Feature> nodes = new java.util.HashMap<>();
        for (int i = 0; i < x.length; i++) {
            x[i] = row(fold(examples.get(i).x(), dimensions - 1), dimensions, nodes);
        }
        byte[] weights = new byte[dimensions * outputs];
        float[] scale = new float[outputs];
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
                done.set(j, null);
                double max = 0;
                for (int f = 0; f < dimensions; f++) {
                    max = Math.max(max, Math.abs(w[f]));
                }
                scale[j] = (float) (max == 0 ? 1 : max / Byte.MAX_VALUE);
                for (int f = 0; f < dimensions; f++) {
                    weights[f * outputs + j] = (byte) Math.round(w[f] / scale[j]);
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
        return new LinearModel(bits, outputs, weights, scale, bias);
    }

    /** A vector's features in the model's table: low bits, features that fall together summed. */
    private static SparseVector fold(SparseVector v, int mask) {
        int[] idx = new int[v.size()];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = v.indices()[k] & mask;
        }
        long[] packed = new long[idx.length];
        for (int k = 0; k < idx.length; k++) {
            packed[k] = (long) idx[k] << 32 | k;
        }
        java.util.Arrays.sort(packed);
        int[] outIdx = new int[idx.length];
        float[] outVal = new float[idx.length];
        int n = 0;
        for (long p : packed) {
            int f = (int) (p >>> 32);
            float value = v.values()[(int) p];
            if (n > 0 && outIdx[n - 1] == f) {
                outVal[n - 1] += value;
            } else {
                outIdx[n] = f;
                outVal[n++] = value;
            }
        }
        return new SparseVector(java.util.Arrays.copyOf(outIdx, n), java.util.Arrays.copyOf(outVal, n));
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

    /**
     * LIBLINEAR's 1-based features, and the bias feature last. A node with the same feature and value is shared
     * between examples (LIBLINEAR only reads them): with the few values {@link TextFeatures} gives, the corpus takes
     * a fraction of the memory one node a feature of each example would.
     */
    private static Feature[] row(SparseVector v, int dimensions, java.util.Map<Long, Feature> nodes) {
        Feature[] row = new Feature[v.size() + 1];
        for (int k = 0; k < v.size(); k++) {
            int index = v.indices()[k] + 1;
            float value = v.values()[k];
            row[k] = nodes.computeIfAbsent((long) index << 32 | Float.floatToRawIntBits(value) & 0xFFFFFFFFL,
                    key -> new FeatureNode(index, value));
        }
        row[v.size()] = nodes.computeIfAbsent((long) (dimensions + 1) << 32 | Float.floatToRawIntBits(1f) & 0xFFFFFFFFL,
                key -> new FeatureNode(dimensions + 1, 1));
        return row;
    }

    public int outputs() {
        return outputs;
    }

    /** The bytes the weights take. */
    public long bytes() {
        return weights.length;
    }

    /** One model with the outputs of both, over the same table: scoring reads each feature's row once. */
    public static LinearModel join(LinearModel a, LinearModel b) {
        if (a.bits != b.bits) {
            throw new IllegalArgumentException("models over tables of different sizes");
        }
        int outputs = a.outputs + b.outputs;
        byte[] weights = new byte[(1 << a.bits) * outputs];
        for (int f = 0; f < 1 << a.bits; f++) {
            System.arraycopy(a.weights, f * a.outputs, weights, f * outputs, a.outputs);
            System.arraycopy(b.weights, f * b.outputs, weights, f * outputs + a.outputs, b.outputs);
        }
        float[] scale = java.util.Arrays.copyOf(a.scale, outputs);
        System.arraycopy(b.scale, 0, scale, a.outputs, b.outputs);
        float[] bias = java.util.Arrays.copyOf(a.bias, outputs);
        System.arraycopy(b.bias, 0, bias, a.outputs, b.outputs);
        return new LinearModel(a.bits, outputs, weights, scale, bias);
    }

    /** The probability of each output for {@code x}. */
    public double[] probabilities(SparseVector x) {
        double[] acc = new double[outputs];
        int[] idx = x.indices();
        float[] val = x.values();
        int mask = (1 << bits) - 1;
        for (int k = 0; k < idx.length; k++) {
            int base = (idx[k] & mask) * outputs;
            float v = val[k];
            for (int j = 0; j < outputs; j++) {
                acc[j] += weights[base + j] * v;
            }
        }
        for (int j = 0; j < outputs; j++) {
            acc[j] = 1 / (1 + Math.exp(-(bias[j] + acc[j] * scale[j])));
        }
        return acc;
    }
}
