package org.vigie.detect.network;

import java.util.Arrays;
import java.util.function.IntPredicate;

/** A growable array of ints. */
final class IntList {
    private int[] values = new int[1024];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int get(int i) {
        return values[i];
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** Keeps the positions {@code i} where {@code test} holds, in this list and in {@code parallel} alike. */
    void retain(IntList parallel, IntPredicate test) {
        int w = 0;
        for (int i = 0; i < size; i++) {
            if (test.test(i)) {
                values[w] = values[i];
                parallel.values[w] = parallel.values[i];
                w++;
            }
        }
        size = w;
        parallel.size = w;
    }
}
