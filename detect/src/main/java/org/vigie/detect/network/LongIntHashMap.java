package org.vigie.detect.network;

import java.util.Arrays;

/** Open-addressing map from long keys to int values, no boxing. Not thread-safe. */
final class LongIntHashMap {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int[] values;
    private int size;

    LongIntHashMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        values = new int[cap];
    }

    /** The value of {@code key}, or {@code absent} when missing. */
    int get(long key, int absent) {
        int mask = keys.length - 1;
        int h = mix(key) & mask;
        while (true) {
            long k = keys[h];
            if (k == key) {
                return values[h];
            }
            if (k == EMPTY) {
                return absent;
            }
            h = (h + 1) & mask;
        }
    }

    /** The value of {@code key}, putting {@code valueIfAbsent} first when it is missing. */
    int getOrPut(long key, int valueIfAbsent) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("reserved key");
        }
        int mask = keys.length - 1;
        int h = mix(key) & mask;
        while (true) {
            long k = keys[h];
            if (k == key) {
                return values[h];
            }
            if (k == EMPTY) {
                break;
            }
            h = (h + 1) & mask;
        }
        keys[h] = key;
        values[h] = valueIfAbsent;
        if (++size * 2 > keys.length) {
            grow();
        }
        return valueIfAbsent;
    }

    int size() {
        return size;
    }

    /** Every key, in no particular order. */
    void forEachKey(java.util.function.LongConsumer action) {
        for (long k : keys) {
            if (k != EMPTY) {
                action.accept(k);
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        values = new int[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int h = mix(oldKeys[i]) & mask;
                while (keys[h] != EMPTY) {
                    h = (h + 1) & mask;
                }
                keys[h] = oldKeys[i];
                values[h] = oldValues[i];
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
