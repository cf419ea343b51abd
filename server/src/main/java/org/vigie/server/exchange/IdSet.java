package org.vigie.server.exchange;

/**
 * The ids an export has written, as 64-bit hashes in an open-addressing table: about 16 bytes per
 * object instead of ~100 for a set of strings, so a bundle of millions of objects stays in a few tens
 * of megabytes of heap. Two different ids sharing a 64-bit hash (odds around 10^-7 for ten million
 * objects) would make the second one be left out of the closure, never written twice or leaked.
 */
final class IdSet {

    private long[] slots = new long[1 << 12];
    private boolean hasZero;
    private int size;

    /** Adds the id; false when it was there already. */
    boolean add(String id) {
        long h = hash(id);
        if (h == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if ((size + 1) * 2L > slots.length) {
            grow();
        }
        boolean added = insert(slots, h);
        if (added) {
            size++;
        }
        return added;
    }

    boolean contains(String id) {
        long h = hash(id);
        if (h == 0) {
            return hasZero;
        }
        int mask = slots.length - 1;
        for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == 0) {
                return false;
            }
            if (slots[i] == h) {
                return true;
            }
        }
    }

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    private static boolean insert(long[] table, long h) {
        int mask = table.length - 1;
        for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (table[i] == 0) {
                table[i] = h;
                return true;
            }
            if (table[i] == h) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long h : old) {
            if (h != 0) {
                insert(slots, h);
            }
        }
    }

    /** FNV-1a over the characters, then a 64-bit finaliser (MurmurHash3's) to spread the bits. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
