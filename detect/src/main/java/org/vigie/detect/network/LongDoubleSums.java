package org.vigie.detect.network;

import java.util.Arrays;

/**
 * Sums of doubles per long key in one open-addressing table (16 bytes a slot, no boxing, no side arrays): the
 * first sweep of {@link CoordinationNetwork}'s two-pass build, one key per pair of accounts. Not thread-safe.
 */
final class LongDoubleSums {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private double[] sums;
    private int size;

    LongDoubleSums(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        sums = new double[cap];
    }

    void add(long key, double value) {
        int mask = keys.length - 1;
        int h = mix(key) & mask;
        while (true) {
            long k = keys[h];
            if (k == key) {
                sums[h] += value;
                return;
            }
            if (k == EMPTY) {
                break;
            }
            h = (h + 1) & mask;
        }
        keys[h] = key;
        sums[h] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    /** The sum of {@code key}, 0 when it was never added. */
    double get(long key) {
        int mask = keys.length - 1;
        int h = mix(key) & mask;
        while (true) {
            long k = keys[h];
            if (k == key) {
                return sums[h];
            }
            if (k == EMPTY) {
                return 0;
            }
            h = (h + 1) & mask;
        }
    }

    /** The keys whose sum is at least {@code min}, as a small map of their own (values 0). */
    LongIntHashMap keysAtLeast(double min) {
        LongIntHashMap out = new LongIntHashMap(1024);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && sums[i] >= min) {
                out.getOrPut(keys[i], 0);
            }
        }
        return out;
    }

    /** Receives a key and its sum. */
    interface KeySum {
        void accept(long key, double sum);
    }

    /** Every key with its sum, in no particular order. */
    void forEach(KeySum action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                action.accept(keys[i], sums[i]);
            }
        }
    }

    /** Every sum, in no particular order. */
    double[] values() {
        double[] out = new double[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                out[n++] = sums[i];
            }
        }
        return out;
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldSums = sums;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        sums = new double[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int h = mix(oldKeys[i]) & mask;
                while (keys[h] != EMPTY) {
                    h = (h + 1) & mask;
                }
                keys[h] = oldKeys[i];
                sums[h] = oldSums[i];
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
