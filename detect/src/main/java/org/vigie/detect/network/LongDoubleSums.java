package org.vigie.detect.network;

/**
 * Sums of doubles per long key in open-addressing tables, no boxing: the first sweep of {@link CoordinationNetwork}'s
 * two-pass build and {@link RepeatedPairs}' sums, one key per pair of accounts. A slot is the key and the sum's bits
 * side by side in one array (16 bytes, one cache line): an add to a table of hundreds of megabytes misses the cache
 * once, not once for the key and once more for the sum. The keys are spread over {@link #SEGMENTS} tables by the
 * high bits of their hash, each grown on its own: no single array of hundreds of megabytes for the heap to find
 * room for in one piece, and a growth copies one segment, not the whole table. Not thread-safe.
 */
final class LongDoubleSums {
    private static final long EMPTY = Long.MIN_VALUE;
    private static final int SEGMENT_BITS = 6;
    private static final int SEGMENTS = 1 << SEGMENT_BITS;
    /** Per segment, slot i: the key at 2i, the sum's raw bits at 2i + 1. */
    private final long[][] segments = new long[SEGMENTS][];
    private final int[] sizes = new int[SEGMENTS];
    private int size;

    LongDoubleSums(int expected) {
        int perSegment = Math.max(16, expected / SEGMENTS);
        int cap = Integer.highestOneBit(Math.max(16, perSegment * 2 - 1)) << 1;
        for (int s = 0; s < SEGMENTS; s++) {
            segments[s] = emptySlots(cap);
        }
    }

    private static long[] emptySlots(int cap) {
        long[] s = new long[cap * 2];
        for (int i = 0; i < s.length; i += 2) {
            s[i] = EMPTY;
        }
        return s;
    }

    void add(long key, double value) {
        long hash = mix(key);
        int segment = (int) (hash >>> (64 - SEGMENT_BITS));
        long[] slots = segments[segment];
        int mask = slots.length / 2 - 1;
        int h = (int) hash & mask;
        while (true) {
            long k = slots[2 * h];
            if (k == key) {
                slots[2 * h + 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(slots[2 * h + 1]) + value);
                return;
            }
            if (k == EMPTY) {
                break;
            }
            h = (h + 1) & mask;
        }
        slots[2 * h] = key;
        slots[2 * h + 1] = Double.doubleToRawLongBits(value);
        size++;
        if (++sizes[segment] * 2 > slots.length / 2) {
            segments[segment] = grown(slots);
        }
    }

    /** The sum of {@code key}, 0 when it was never added. */
    double get(long key) {
        long hash = mix(key);
        long[] slots = segments[(int) (hash >>> (64 - SEGMENT_BITS))];
        int mask = slots.length / 2 - 1;
        int h = (int) hash & mask;
        while (true) {
            long k = slots[2 * h];
            if (k == key) {
                return Double.longBitsToDouble(slots[2 * h + 1]);
            }
            if (k == EMPTY) {
                return 0;
            }
            h = (h + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    /** The keys whose sum is at least {@code min}, as a small map of their own (values 0). */
    LongIntHashMap keysAtLeast(double min) {
        LongIntHashMap out = new LongIntHashMap(1024);
        forEach((key, sum) -> {
            if (sum >= min) {
                out.getOrPut(key, 0);
            }
        });
        return out;
    }

    /** Receives a key and its sum. */
    interface KeySum {
        void accept(long key, double sum);
    }

    /** Every key with its sum, in no particular order. */
    void forEach(KeySum action) {
        for (long[] slots : segments) {
            for (int i = 0; i < slots.length; i += 2) {
                if (slots[i] != EMPTY) {
                    action.accept(slots[i], Double.longBitsToDouble(slots[i + 1]));
                }
            }
        }
    }

    /** Every sum, in no particular order. */
    double[] values() {
        double[] out = new double[size];
        int[] n = {0};
        forEach((key, sum) -> out[n[0]++] = sum);
        return out;
    }

    /** The same keys and sums in a segment of twice the slots. */
    private static long[] grown(long[] old) {
        long[] slots = emptySlots(old.length); // old.length / 2 slots before
        int mask = slots.length / 2 - 1;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                int h = (int) mix(old[i]) & mask;
                while (slots[2 * h] != EMPTY) {
                    h = (h + 1) & mask;
                }
                slots[2 * h] = old[i];
                slots[2 * h + 1] = old[i + 1];
            }
        }
        return slots;
    }

    /** 64 well-mixed bits of a key: the high ones pick the segment, the low ones the slot. */
    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        h *= 0xD6E8FEB86659FD93L;
        return h ^ (h >>> 32);
    }
}
