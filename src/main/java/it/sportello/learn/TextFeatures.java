package it.sportello.learn;

import it.sportello.text.NormalizedText;
import java.util.Arrays;

/**
 * The features a text classifier sees, hashed into {@link #DIMENSIONS} slots (no vocabulary to keep): the
 * words and pairs of adjacent words of the folded text, the character 3- to 5-grams of each word with its
 * boundaries (so typos, inflections and unseen spellings still share most features), single and paired
 * characters of Chinese and Japanese runs, which have no spaces, each emoji, and a few shapes of the
 * message (question, shouting, a link, length). Words between double quotes are features of their own: a
 * message that quotes hate to condemn it does not read like the hate. Digits are read as 0.
 * A feature is present or not, and the vector has about unit length, so long posts weigh like short ones.
 */
public final class TextFeatures {

    public static final int BITS = 18;
    public static final int DIMENSIONS = 1 << BITS;
    private static final int MASK = DIMENSIONS - 1;

    private static final int WORD = 0x9E3779B1;
    private static final int PAIR = 0x85EBCA77;
    private static final int GRAM = 0xC2B2AE3D;
    private static final int SYMBOL = 0x27D4EB2F;
    private static final int SHAPE = 0x165667B1;
    private static final int QUOTED = 0x7FEB352D;

    public SparseVector of(NormalizedText text) {
        String t = text.folded();
        // words between double quotes are someone else's: "chi scrive 'X' si vergogni" is not X
        long quoteMarks = t.chars().filter(c -> c == '"').count();
        boolean quotes = quoteMarks >= 2 && quoteMarks % 2 == 0;
        boolean inQuote = false;
        Counts counts = new Counts(Math.max(64, t.length() * 6));
        char[] word = new char[t.length() + 2];
        int previous = 0;
        boolean hasPrevious = false;
        int words = 0;
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int len = 0;
                word[len++] = '<';
                boolean ideographic = false;
                while (i < t.length() && Character.isLetterOrDigit(t.charAt(i))) {
                    char w = t.charAt(i++);
                    ideographic |= isIdeographic(w);
                    word[len++] = Character.isDigit(w) ? '0' : w;
                }
                word[len++] = '>';
                int seed = inQuote ? QUOTED : 0;
                int h = hash(WORD ^ seed, word, 1, len - 1);
                counts.add(h);
                if (hasPrevious) {
                    counts.add(mix(PAIR ^ previous * 31 ^ h));
                }
                previous = h;
                hasPrevious = true;
                words++;
                grams(word, len, ideographic, seed, counts);
            } else if (Character.isHighSurrogate(c) && i + 1 < t.length()) {
                counts.add(mix(SYMBOL ^ t.codePointAt(i)));
                counts.add(mix(SYMBOL));
                i += 2;
            } else {
                if (c == '"' && quotes) {
                    inQuote = !inQuote;
                    hasPrevious = false;
                    counts.add(mix(SHAPE ^ 0x500));
                }
                if (Character.getType(c) == Character.OTHER_SYMBOL) {
                    counts.add(mix(SYMBOL ^ c));
                    counts.add(mix(SYMBOL));
                } else if (c == '?' || c == '!') {
                    counts.add(mix(SHAPE ^ c));
                }
                if (c == '.' || c == '!' || c == '?' || c == '\n') {
                    hasPrevious = false;
                }
                i++;
            }
        }
        shapes(text, t, words, counts);
        return counts.toVector();
    }

    /** Character n-grams of one word with its boundary marks, {@code word[0..len)}. */
    private static void grams(char[] word, int len, boolean ideographic, int seed, Counts counts) {
        for (int n = 3; n <= 5; n++) {
            for (int s = 0; s + n <= len; s++) {
                counts.add(hash((GRAM + n) ^ seed, word, s, s + n));
            }
            if (len < n) {
                break;
            }
        }
        if (ideographic) {
            for (int s = 1; s < len - 1; s++) {
                counts.add(hash((GRAM + 1) ^ seed, word, s, s + 1));
                if (s + 2 < len) {
                    counts.add(hash((GRAM + 2) ^ seed, word, s, s + 2));
                }
            }
        }
    }

    private static void shapes(NormalizedText text, String folded, int words, Counts counts) {
        counts.add(mix(SHAPE ^ 0x100 ^ bucket(words)));
        if (folded.contains("http") || folded.contains("www.") || folded.contains(".com") || folded.contains(".it/")) {
            counts.add(mix(SHAPE ^ 0x200));
        }
        String clean = text.clean();
        int letters = 0;
        int upper = 0;
        for (int k = 0; k < clean.length(); k++) {
            char c = clean.charAt(k);
            if (Character.isLetter(c)) {
                letters++;
                upper += Character.isUpperCase(c) ? 1 : 0;
            }
        }
        if (letters >= 8 && upper * 10 >= letters * 7) {
            counts.add(mix(SHAPE ^ 0x300));
        }
        if (letters == 0) {
            counts.add(mix(SHAPE ^ 0x400));
        }
    }

    private static int bucket(int words) {
        return words <= 2 ? words : words <= 5 ? 3 : words <= 10 ? 4 : words <= 20 ? 5 : words <= 40 ? 6 : 7;
    }

    private static boolean isIdeographic(char c) {
        return c >= 0x2E80 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF || c >= 0xAC00 && c <= 0xD7AF;
    }

    private static int hash(int seed, char[] s, int from, int to) {
        int h = seed;
        for (int k = from; k < to; k++) {
            h = (h ^ s[k]) * 0x01000193;
        }
        return mix(h);
    }

    /** Murmur3's finaliser: every input bit reaches every output bit. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    static final double LENGTH_STEP = 1.25;

    static float lengthScale(int features) {
        long step = Math.round(Math.log(features) / Math.log(LENGTH_STEP));
        return (float) Math.pow(LENGTH_STEP, -step / 2.0);
    }

    /** The hashed features of a text in an open-addressing table, turned into a vector of near unit length. */
    private static final class Counts {
        private int[] keys;
        private float[] values;
        private int size;

        Counts(int expected) {
            int capacity = Integer.highestOneBit(expected * 2 - 1) << 1;
            keys = new int[capacity];
            values = new float[capacity];
            Arrays.fill(keys, -1);
        }

        void add(int hash) {
            int key = hash & MASK;
            int slot = slot(key);
            while (keys[slot] != -1 && keys[slot] != key) {
                slot = (slot + 1) & (keys.length - 1);
            }
            if (keys[slot] == -1) {
                keys[slot] = key;
                if (++size * 2 > keys.length) {
                    values[slot] += 1;
                    grow();
                    return;
                }
            }
            values[slot] += 1;
        }

        private int slot(int key) {
            return (key * 0x9E3779B1 >>> 8) & (keys.length - 1);
        }

        private void grow() {
            int[] oldKeys = keys;
            float[] oldValues = values;
            keys = new int[oldKeys.length * 2];
            values = new float[oldKeys.length * 2];
            Arrays.fill(keys, -1);
            for (int s = 0; s < oldKeys.length; s++) {
                if (oldKeys[s] != -1) {
                    int slot = slot(oldKeys[s]);
                    while (keys[slot] != -1) {
                        slot = (slot + 1) & (keys.length - 1);
                    }
                    keys[slot] = oldKeys[s];
                    values[slot] = oldValues[s];
                }
            }
        }

        /**
         * Present features weigh 1, scaled by one over the square root of their number rounded to a step of
         * {@value #LENGTH_STEP}: near unit length, so long posts weigh like short ones, and with few distinct values,
         * so training can share one node for each feature and value ({@link LinearModel}).
         */
        SparseVector toVector() {
            int[] idx = new int[size];
            int n = 0;
            for (int s = 0; s < keys.length; s++) {
                if (keys[s] != -1) {
                    idx[n++] = keys[s];
                }
            }
            Arrays.sort(idx);
            float[] val = new float[n];
            Arrays.fill(val, n == 0 ? 0 : lengthScale(n));
            return new SparseVector(idx, val);
        }
    }
}
