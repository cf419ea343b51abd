package org.vigie.detect.network;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Maps strings to dense ints {@code 0..size()-1} in order of first appearance (open addressing, no boxing),
 * so that the pairing works on primitive arrays only. Not thread-safe.
 */
public final class IdInterner implements Names {
    /** Keys this long or shorter, in ASCII, are also kept packed in {@link #keys}. */
    private static final int INLINE = 15;
    /** The second long of a key not kept packed (longer, or not ASCII): no packed key has this length byte. */
    private static final long NOT_INLINE = -1L;

    private String[] names = new String[16];
    /**
     * Each id's key, when short and ASCII, packed in two longs (bytes 0–7; bytes 8–14 and the length in the top
     * byte), else {@code 0, NOT_INLINE}. A probe that finds the hash code then compares two longs, read from one
     * place, instead of following the id to its string object and then to the string's bytes: three cache misses
     * a lookup instead of one, for the millions of accounts and objects interned while reading.
     */
    private long[] keys = new long[32];
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
        long k0 = 0;
        long k1 = NOT_INLINE;
        int n = name.length();
        if (n <= INLINE) {
            k1 = (long) n << 56;
            for (int i = 0; i < n; i++) {
                char c = name.charAt(i);
                if (c >= 128) {
                    k0 = 0;
                    k1 = NOT_INLINE;
                    break;
                }
                if (i < 8) {
                    k0 |= (long) c << (8 * i);
                } else {
                    k1 |= (long) c << (8 * (i - 8));
                }
            }
        }
        long found = probe(hash, k0, k1, name, null, 0, 0);
        return found >= 0 ? (int) found : add(name, hash, (int) -(found + 1), k0, k1);
    }

    /**
     * The id of the ASCII text in {@code bytes[from, from + length)}, assigning the next free one when it is new (then
     * its string is made); the same id {@link #intern(String)} gives the same text. For a reader that holds the bytes:
     * a key already interned costs no string at all. {@code bytes} must be ASCII (the caller checks).
     */
    public int internAscii(byte[] bytes, int from, int length) {
        int hash = 0;
        for (int i = from; i < from + length; i++) {
            hash = 31 * hash + bytes[i];
        }
        long k0 = 0;
        long k1 = NOT_INLINE;
        if (length <= INLINE) {
            k1 = (long) length << 56;
            for (int i = 0; i < length; i++) {
                long c = bytes[from + i];
                if (i < 8) {
                    k0 |= c << (8 * i);
                } else {
                    k1 |= c << (8 * (i - 8));
                }
            }
        }
        long found = probe(hash, k0, k1, null, bytes, from, length);
        return found >= 0 ? (int) found
                : add(new String(bytes, from, length, StandardCharsets.ISO_8859_1), hash,
                        (int) -(found + 1), k0, k1);
    }

    /**
     * The id of the key of hash code {@code hash} and packed form {@code k0, k1}, compared with {@code name}, or when
     * that is null with the ASCII bytes given, when it is not packed; else {@code -(free slot + 1)}.
     */
    private long probe(int hash, long k0, long k1, String name, byte[] bytes, int from, int length) {
        int mask = slots.length - 1;
        int h = mix(hash) & mask;
        while (true) {
            long s = slots[h];
            if (s == 0) {
                return -(h + 1L);
            }
            if ((int) (s >>> 32) == hash) {
                int id = (int) s - 1;
                if (keys[2 * id + 1] == k1 && (k1 != NOT_INLINE ? keys[2 * id] == k0
                        : name != null ? name.equals(names[id]) : equalsAscii(names[id], bytes, from, length))) {
                    return id;
                }
            }
            h = (h + 1) & mask;
        }
    }

    private static boolean equalsAscii(String name, byte[] bytes, int from, int length) {
        if (name == null || name.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (name.charAt(i) != bytes[from + i]) {
                return false;
            }
        }
        return true;
    }

    private int add(String name, int hash, int slot, long k0, long k1) {
        int id = size++;
        if (id == names.length) {
            names = Arrays.copyOf(names, id * 2);
            keys = Arrays.copyOf(keys, id * 4);
        }
        names[id] = name;
        keys[2 * id] = k0;
        keys[2 * id + 1] = k1;
        slots[slot] = ((long) hash << 32) | (id + 1L);
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
