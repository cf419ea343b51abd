package org.vigie.detect.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Finds the pairs of accounts that may reach a minimum weight without a table entry for every pair of accounts,
 * in one sweep on all cores.
 *
 * <p>On millions of posts most pairs of accounts meet once (two organic accounts sharing a popular object in the
 * same window): ≈ 20 M of them at 1 M posts, ≈ 200 M at 10 M, more than a 4 GB heap holds as a map. A co-action
 * pair weighs at most {@code maxPairWeight} (1, or with IDF the weight of an object only two accounts shared);
 * when that is below the minimum, only pairs of accounts that meet at least twice can reach it. So the sweep puts
 * every pair of accounts in a Bloom filter (10 bits a co-action pair) and sums the weights of a pair of accounts
 * only from the moment the filter has seen it already. Every pair of accounts that meets twice is summed from its
 * second co-action pair on (a Bloom filter has no false negatives), a few per cent of the others from their first
 * (false positives). A sum thus misses at most the first pair's weight: the pairs of accounts whose sum plus
 * {@code maxPairWeight} reaches the minimum are a superset of the heavy ones, and the caller's last sweep sums
 * them exactly and applies the minimum itself.
 *
 * <p>Each core sweeps every object but keeps only the pairs of accounts of its share of the hashes, in a filter
 * and sums of its own: plain writes, no atomic operation (a locked OR per pair stalls on its cache miss and keeps
 * the core from overlapping the next ones), and the sweep itself, over copied
 * columns, is cheap next to the misses. The threshold is still lowered by a relative 1e-9 against rounding; the
 * caller's sums decide.
 *
 * <p>The sweep reads the rows' accounts and times copied in sweep order (12 bytes a trace): the same loop over
 * the trace table's columns misses the cache twice per pair.
 */
final class RepeatedPairs {
    private static final int BITS_PER_PAIR = 10;

    private final int[] order;
    private final int[] account;
    private final long[] time;
    /** Indexes in sweep order where an object with at least two rows starts, and the end of the last one. */
    private final int[] objectStarts;
    private final int[] objectEnds;
    private final long window;
    private final boolean idf;
    private final double totalAccounts;
    private final int accounts;
    private long pairs;
    private LongIntHashMap candidates;
    private long[] candidateFilter;
    /** The first object of the second half of the pairs. */
    private int middleObject;

    /** Receives a co-action pair (rows, the older share first) with its weight. */
    interface RowPairSink {
        void pair(int older, int newer, double weight);
    }

    private RepeatedPairs(TraceTable table, int[] order, long window, boolean idf, double totalAccounts) {
        this.window = window;
        this.idf = idf;
        this.totalAccounts = totalAccounts;
        this.accounts = table.accounts().size();
        this.order = order;
        int n = order.length;
        account = new int[n];
        time = new long[n];
        int[] starts = new int[16];
        int[] ends = new int[16];
        int objects = 0;
        int from = 0;
        for (int i = 0; i < n; i++) {
            account[i] = table.account(order[i]);
            time[i] = table.time(order[i]);
            if (i + 1 == n || table.object(order[i + 1]) != table.object(order[i])) {
                if (i + 1 - from > 1) {
                    if (objects == starts.length) {
                        starts = Arrays.copyOf(starts, objects * 2);
                        ends = Arrays.copyOf(ends, objects * 2);
                    }
                    starts[objects] = from;
                    ends[objects++] = i + 1;
                }
                from = i + 1;
            }
        }
        objectStarts = Arrays.copyOf(starts, objects);
        objectEnds = Arrays.copyOf(ends, objects);
    }

    /**
     * Sweeps once on all cores and finds the pairs of accounts that may reach {@code minWeight}.
     *
     * @param order         rows in sweep order ({@link PairSweep#order})
     * @param idf           weigh each pair {@code ln((totalAccounts + 1) / accounts on the object)}, else 1
     * @param maxPairWeight the most one co-action pair can weigh; must be below {@code minWeight}
     */
    static RepeatedPairs screen(TraceTable table, int[] order, long window, boolean idf, double totalAccounts,
            double minWeight, double maxPairWeight) {
        if (!(maxPairWeight < minWeight)) {
            throw new IllegalArgumentException("a single pair can reach the minimum weight: every pair is needed");
        }
        RepeatedPairs sweep = new RepeatedPairs(table, order, window, idf, totalAccounts);
        int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        long[] pairsPerObject = sweep.pairsPerObject();
        for (long p : pairsPerObject) {
            sweep.pairs += p;
        }
        sweep.middleObject = middle(pairsPerObject, sweep.pairs);
        int words = filterWords(sweep.pairs, BITS_PER_PAIR, Runtime.getRuntime().maxMemory()) / threads;
        List<LongDoubleSums> sums = inParallel(threads, t -> sweep.sums(t, threads, words));
        LongDoubleSums all = sums.get(0);
        for (int t = 1; t < threads; t++) {
            sums.get(t).forEach(all::add);
        }
        double threshold = minWeight * (1 - 1e-9) - maxPairWeight;
        sweep.candidates = all.keysAtLeast(threshold);
        sweep.candidateFilter = new long[filterWords(sweep.candidates.size(), 16, Long.MAX_VALUE)];
        all.forEach((key, sum) -> {
            if (sum >= threshold) {
                seenBefore(sweep.candidateFilter, hash(key));
            }
        });
        return sweep;
    }

    /** The number of co-action pairs in the window (all of them, not only the candidates'). */
    long pairs() {
        return pairs;
    }

    /**
     * The co-action pairs of the candidate pairs of accounts, in the order of {@link PairSweep#sweep} (objects,
     * then the older row, then the newer), with their weights: what an accumulator needs to give the same sums
     * as one sweep of every pair. A small Bloom filter of the candidates (16 bits each, in cache) answers for
     * most pairs before the map is looked at.
     */
    void candidatePairs(RowPairSink sink) {
        // the second half of the objects is filtered on another core into a buffer (rows and weight), fed to the
        // sink after the first half: the sink sees the pairs in sweep order all the same
        LongList later = new LongList(1024);
        inParallel(2, t -> {
            if (t == 0) {
                candidatePairs(middleObject, objectStarts.length, (a, b, w) -> {
                    later.add(((long) a << 32) | (b & 0xFFFFFFFFL));
                    later.add(Double.doubleToRawLongBits(w));
                });
            } else {
                candidatePairs(0, middleObject, sink);
            }
            return null;
        });
        for (int k = 0; k < later.size(); k += 2) {
            long rows = later.get(k);
            sink.pair((int) (rows >>> 32), (int) rows, Double.longBitsToDouble(later.get(k + 1)));
        }
    }

    private void candidatePairs(int fromObject, int toObject, RowPairSink sink) {
        int[] stamp = idf ? new int[accounts] : null;
        for (int o = fromObject; o < toObject; o++) {
            int start = objectStarts[o];
            int end = objectEnds[o];
            double w = idf ? Math.log((totalAccounts + 1) / distinctAccounts(start, end, stamp, o + 1)) : 1;
            for (int i = start; i < end; i++) {
                long limit = time[i] + window;
                int a = account[i];
                for (int j = i + 1; j < end && time[j] <= limit; j++) {
                    int b = account[j];
                    if (b != a) {
                        long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
                        if (mayContain(candidateFilter, key) && candidates.get(key, -1) >= 0) {
                            sink.pair(order[i], order[j], w);
                        }
                    }
                }
            }
        }
    }

    /** The object where the second half of the pairs starts. */
    private static int middle(long[] pairsPerObject, long pairs) {
        long seen = 0;
        for (int o = 0; o < pairsPerObject.length; o++) {
            if (seen >= pairs / 2) {
                return o;
            }
            seen += pairsPerObject[o];
        }
        return pairsPerObject.length;
    }

    /** The co-action pairs of each object, as the sweep will find them. */
    private long[] pairsPerObject() {
        long[] out = new long[objectStarts.length];
        for (int o = 0; o < out.length; o++) {
            int end = objectEnds[o];
            long count = 0;
            for (int i = objectStarts[o]; i < end; i++) {
                long limit = time[i] + window;
                for (int j = i + 1; j < end && time[j] <= limit; j++) {
                    if (account[j] != account[i]) {
                        count++;
                    }
                }
            }
            out[o] = count;
        }
        return out;
    }

    /**
     * Sweeps every object and sums the pairs of accounts of share {@code part} of {@code parts} (by hash) that its
     * own filter had seen: no two threads touch the same filter word or sum, so plain writes are safe, and each
     * sum is added in sweep order.
     */
    private LongDoubleSums sums(int part, int parts, int filterWords) {
        long[] filter = new long[Math.max(64, filterWords)];
        LongDoubleSums sums = new LongDoubleSums(1 << 16);
        int[] stamp = idf ? new int[accounts] : null;
        for (int o = 0; o < objectStarts.length; o++) {
            int start = objectStarts[o];
            int end = objectEnds[o];
            double w = idf ? Math.log((totalAccounts + 1) / distinctAccounts(start, end, stamp, o + 1)) : 1;
            for (int i = start; i < end; i++) {
                long limit = time[i] + window;
                int a = account[i];
                for (int j = i + 1; j < end && time[j] <= limit; j++) {
                    int b = account[j];
                    if (b != a) {
                        long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
                        long h = hash(key);
                        if ((int) ((h >>> 33) % parts) == part && seenBefore(filter, h)) {
                            sums.add(key, w);
                        }
                    }
                }
            }
        }
        return sums;
    }

    private int distinctAccounts(int start, int end, int[] stamp, int stampValue) {
        int distinct = 0;
        for (int i = start; i < end; i++) {
            if (stamp[account[i]] != stampValue) {
                stamp[account[i]] = stampValue;
                distinct++;
            }
        }
        return distinct;
    }

    /** {@code bits} per key (for the first filter, per co-action pair: more than per pair of accounts), within an eighth of the heap. */
    private static int filterWords(long keys, int bits, long maxHeapBytes) {
        long words = Math.max(64, keys * bits / 64);
        words = Math.min(words, Math.max(64, maxHeapBytes / 8 / Long.BYTES));
        return (int) Math.min(words, Integer.MAX_VALUE - 8);
    }

    /**
     * Adds a key, given by its {@link #hash}, to a blocked Bloom filter (four bits in one 64-bit word: one cache
     * miss a key) and tells whether all four were set already. Plain writes: one thread per filter.
     */
    private static boolean seenBefore(long[] filter, long h) {
        int word = (int) Math.floorMod(h, (long) filter.length);
        long bits = bits(h);
        long before = filter[word];
        filter[word] = before | bits;
        return (before & bits) == bits;
    }

    /** Whether {@code key} may have been added to {@code filter} (single-threaded reads of a filter built before). */
    private static boolean mayContain(long[] filter, long key) {
        long h = hash(key);
        long bits = bits(h);
        return (filter[(int) Math.floorMod(h, (long) filter.length)] & bits) == bits;
    }

    private static long hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 32);
    }

    /** Four bits of a 64-bit word, from other bits of the hash than the word's index. */
    private static long bits(long h) {
        long g = (h >>> 17) * 0x94D049BB133111EBL;
        return (1L << g) | (1L << (g >>> 6)) | (1L << (g >>> 12)) | (1L << (g >>> 18));
    }

    /** Runs {@code task} for 0..threads-1, the last on the calling thread, and returns the results in order. */
    private static <T> List<T> inParallel(int threads, IntFunction<T> task) {
        Thread[] others = new Thread[threads - 1];
        List<T> out = new ArrayList<>();
        Object[] results = new Object[threads];
        Throwable[] failures = new Throwable[threads];
        for (int t = 0; t < threads - 1; t++) {
            int id = t;
            others[t] = new Thread(() -> {
                try {
                    results[id] = task.apply(id);
                } catch (Throwable e) {
                    failures[id] = e;
                }
            }, "pairing-" + t);
            others[t].start();
        }
        results[threads - 1] = task.apply(threads - 1);
        for (Thread other : others) {
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pairing", e);
            }
        }
        for (Throwable f : failures) {
            if (f instanceof RuntimeException r) {
                throw r;
            }
            if (f instanceof Error e) {
                throw e;
            }
        }
        for (Object r : results) {
            @SuppressWarnings("unchecked")
            T result = (T) r;
            out.add(result);
        }
        return out;
    }
}
