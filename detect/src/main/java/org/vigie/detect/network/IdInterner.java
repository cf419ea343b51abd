package org.vigie.detect.network;

import java.util.Arrays;

/**
 * Maps strings to dense ints {@code 0..size()-1} in order of first appearance (open addressing, no boxing),
 * so that the pairing works on primitive arrays only. Not thread-safe.
 */
public final class IdInterner implements Names {
    private String[] names = new String[16];
    /**
     * Open addressing: each slot holds the string's hash code in its high 32 bits and id + 1 in its low 32
     * (0 = empty). Probes compare hash codes first, so a probe past other strings reads no string at all, and
     * growing the table rehashes without touching the strings: with millions of distinct objects, most of
     * them new when interned, those reads of scattered strings were half of the extraction's time.
     */
    private long[] slots = new long[32];
    private int size;

    /** The id of {@code name}, assigning the next free one when it is new. */
    public int intern(String name) {
        int hash = name.hashCode();
        int mask = slots.length - 1;
        int h = mix(hash) & mask;
        while (true) {
            long s = slots[h];
            if (s == 0) {
                break;
            }
            if ((int) (s >>> 32) == hash) {
                int id = (int) s - 1;
                if (name.equals(names[id])) {
                    return id;
                }
            }
            h = (h + 1) & mask;
        }
        int id = size++;
        if (id == names.length) {
            names = Arrays.copyOf(names, id * 2);
        }
        names[id] = name;
        slots[h] = ((long) hash << 32) | (id + 1L);
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return id;
    }

    /** The id of {@code name}, or -1 when it was never interned (or was forgotten). */
    public int find(String name) {
        int hash = name.hashCode();
        int mask = slots.length - 1;
        int h = mix(hash) & mask;
        while (true) {
            long s = slots[h];
            if (s == 0) {
                return -1;
            }
            if ((int) (s >>> 32) == hash) {
                int id = (int) s - 1;
                if (name.equals(names[id])) {
                    return id;
                }
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
            rehash(slots.length);
        }
        return dropped;
    }

    @Override
    public int size() {
        return size;
    }

    /** Rebuilds the slots at {@code capacity} from the old ones (hash codes are kept: no string is read). */
    private void rehash(int capacity) {
        long[] fresh = new long[capacity];
        int mask = capacity - 1;
        for (long s : slots) {
            if (s == 0 || names[(int) s - 1] == null) {
                continue;
            }
            int h = mix((int) (s >>> 32)) & mask;
            while (fresh[h] != 0) {
                h = (h + 1) & mask;
            }
            fresh[h] = s;
        }
        slots = fresh;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
