package org.vigie.detect.network;

import java.util.Arrays;

/** A growable array of longs. */
final class LongList {
    private long[] values;
    private int size;

    LongList(int capacity) {
        values = new long[Math.max(16, capacity)];
    }

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    long get(int i) {
        return values[i];
    }

    int size() {
        return size;
    }

    /** Sorts in place and returns the backing array (valid up to {@link #size()}). */
    long[] sorted() {
        Arrays.sort(values, 0, size);
        return values;
    }
}
