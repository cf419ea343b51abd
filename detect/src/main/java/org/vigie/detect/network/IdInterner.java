package org.vigie.detect.network;

import java.util.Arrays;

/**
 * Maps strings to dense ints {@code 0..size()-1} in order of first appearance (open addressing, no boxing),
 * so that the pairing works on primitive arrays only. Not thread-safe.
 */
public final class IdInterner implements Names {
    private String[] names = new String[16];
    private int[] slots = new int[32]; // id + 1, 0 = empty
    private int size;

    /** The id of {@code name}, assigning the next free one when it is new. */
    public int intern(String name) {
        int mask = slots.length - 1;
        int h = mix(name.hashCode()) & mask;
        while (true) {
            int s = slots[h];
            if (s == 0) {
                break;
            }
            if (names[s - 1].equals(name)) {
                return s - 1;
            }
            h = (h + 1) & mask;
        }
        int id = size++;
        if (id == names.length) {
            names = Arrays.copyOf(names, id * 2);
        }
        names[id] = name;
        slots[h] = id + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    /** The id of {@code name}, or -1 when it was never interned. */
    public int find(String name) {
        int mask = slots.length - 1;
        int h = mix(name.hashCode()) & mask;
        while (true) {
            int s = slots[h];
            if (s == 0) {
                return -1;
            }
            if (names[s - 1].equals(name)) {
                return s - 1;
            }
            h = (h + 1) & mask;
        }
    }

    @Override
    public String name(int id) {
        if (id < 0 || id >= size) {
            throw new IndexOutOfBoundsException(id);
        }
        return names[id];
    }

    @Override
    public int size() {
        return size;
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int id = 0; id < size; id++) {
            int h = mix(names[id].hashCode()) & mask;
            while (bigger[h] != 0) {
                h = (h + 1) & mask;
            }
            bigger[h] = id + 1;
        }
        slots = bigger;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
