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
        String name = names[id];
        if (name == null) {
            throw new IllegalStateException("the name of id " + id + " was forgotten (see forget)");
        }
        return name;
    }

    /**
     * Drops the strings of the ids {@code forget} selects, keeping their numbers: {@link #name} of such an id
     * then throws, {@link #find} no longer finds it, and interning the string again gives a new id. For a
     * detection's objects shared only once (most organic texts), whose strings are never read again once the
     * near-duplicate pass is over: at ten million posts they are about a gigabyte. Returns how many were dropped.
     */
    public int forget(java.util.function.IntPredicate forget) {
        int dropped = 0;
        for (int id = 0; id < size; id++) {
            if (names[id] != null && forget.test(id)) {
                names[id] = null;
                dropped++;
            }
        }
        if (dropped > 0) {
            int[] fresh = new int[slots.length];
            int mask = fresh.length - 1;
            for (int id = 0; id < size; id++) {
                if (names[id] != null) {
                    int h = mix(names[id].hashCode()) & mask;
                    while (fresh[h] != 0) {
                        h = (h + 1) & mask;
                    }
                    fresh[h] = id + 1;
                }
            }
            slots = fresh;
        }
        return dropped;
    }

    @Override
    public int size() {
        return size;
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int id = 0; id < size; id++) {
            if (names[id] == null) {
                continue;
            }
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
