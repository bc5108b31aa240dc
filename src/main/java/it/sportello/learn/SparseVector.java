package it.sportello.learn;

/** A feature vector: distinct indices in ascending order, with their values. */
public record SparseVector(int[] indices, float[] values) {

    public SparseVector {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("one value per index");
        }
    }

    public int size() {
        return indices.length;
    }

    /** A dense vector of a few named quantities, as a sparse one (indices 0..n-1). */
    public static SparseVector dense(double... values) {
        int[] idx = new int[values.length];
        float[] val = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            idx[i] = i;
            val[i] = (float) values[i];
        }
        return new SparseVector(idx, val);
    }
}
