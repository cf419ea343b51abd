package org.vigie.detect.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

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
 * {@code maxPairWeight} reaches the minimum are a superset of the heavy ones, and the last sweep
 * ({@link #accumulateCandidates}) sums them exactly; the caller applies the minimum.
 *
 * <p>Each core sweeps every object but keeps only the pairs of accounts of its share of the hashes, in a filter
 * and sums of its own: plain writes, no atomic operation (a locked OR per pair stalls on its cache miss and keeps
 * the core from overlapping the next ones), and the sweep itself, over copied
 * columns, is cheap next to the misses. The threshold is still lowered by a relative 1e-9 against rounding; the
 * caller's sums decide.
 *
 * <p>The sweeps read the rows' accounts and times (and, in the last one, contents and types) copied in sweep order:
 * the same loops over the trace table's columns miss the cache twice per pair. The last sweep is shared among the
 * cores the same way, by hash: each core accumulates the pairs of its pairs of accounts, which therefore come in
 * sweep order, and the edges are put together afterwards.
 */
final class RepeatedPairs {
    private static final int BITS_PER_PAIR = 10;
    /** Pairs screened at a time: enough for the filter reads of a batch to overlap, small enough for the cache. */
    private static final int BATCH = 2_048;

    private final TraceTable table;
    private final int[] account;
    private final long[] time;
    /** The content and co-action type of each row in sweep order, for the last sweep's accumulators. */
    private final int[] content;
    private final byte[] type;
    /** Indexes in sweep order where an object with at least two rows starts, and the end of the last one. */
    private final int[] objectStarts;
    private final int[] objectEnds;
    /** The object id of each of those objects. */
    private final int[] objectIds;
    private final long window;
    private final boolean idf;
    private final double totalAccounts;
    private final int accounts;
    private long pairs;
    /** Per share of the hashes, its candidate pairs of accounts and a small Bloom filter of them. */
    private LongIntHashMap[] candidates;
    private long[][] candidateFilter;
    /** A bit per account: set when the account is in a candidate pair. */
    private long[] candidateAccounts;

    private RepeatedPairs(TraceTable table, int[] order, long window, boolean idf, double totalAccounts) {
        this.window = window;
        this.idf = idf;
        this.totalAccounts = totalAccounts;
        this.accounts = table.accounts().size();
        this.table = table;
        int n = order.length;
        account = new int[n];
        time = new long[n];
        content = new int[n];
        type = new byte[n];
        int[] object = new int[n];
        // the columns gathered in sweep order on all cores (a random read per row and column), then the objects'
        // bounds found in one pass over the gathered objects
        int chunk = 1 << 16;
        IntStream.range(0, (n + chunk - 1) / chunk).parallel().forEach(c -> {
            for (int i = c * chunk, end = Math.min(n, i + chunk); i < end; i++) {
                int row = order[i];
                account[i] = table.account(row);
                time[i] = table.time(row);
                content[i] = table.content(row);
                type[i] = (byte) table.typeOrdinal(row);
                object[i] = table.object(row);
            }
        });
        int[] starts = new int[16];
        int[] ends = new int[16];
        int objects = 0;
        int from = 0;
        for (int i = 0; i < n; i++) {
            if (i + 1 == n || object[i + 1] != object[i]) {
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
        objectIds = new int[objects];
        for (int o = 0; o < objects; o++) {
            objectIds[o] = object[objectStarts[o]];
        }
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
        // the filters and sums are sized on the pairs in the window counting those of an account with itself (one
        // pass with two pointers, no pair enumerated); the screen counts the pairs themselves as it goes
        long bound = sweep.pairsInWindowBound();
        int words = filterWords(bound, BITS_PER_PAIR, Runtime.getRuntime().maxMemory()) / threads;
        // about one pair in twenty-five is of a pair of accounts met before (synthetic sets): sized once, not regrown
        int expectedSums = (int) Math.min(1 << 26, bound / threads / 25);
        long[] pairsSeen = new long[threads];
        List<LongDoubleSums> sums = new ArrayList<>(
                inParallel(threads, t -> sweep.sums(t, threads, words, expectedSums, pairsSeen)));
        sweep.pairs = pairsSeen[0]; // every core sweeps every pair
        // each core's sums hold the pairs of accounts of its share only: its candidates are found there, on that core,
        // and looked up only by it in the last sweep (no merged table of every sum)
        double threshold = minWeight * (1 - 1e-9) - maxPairWeight;
        sweep.candidates = new LongIntHashMap[threads];
        sweep.candidateFilter = new long[threads][];
        List<long[]> accountsOf = inParallel(threads, t -> {
            LongDoubleSums mine = sums.get(t);
            sums.set(t, null);
            LongIntHashMap candidates = mine.keysAtLeast(threshold);
            // the filter and the accounts' bits from the candidates alone, not from every sum again
            long[] filter = new long[filterWords(candidates.size(), 16, Long.MAX_VALUE)];
            long[] bits = new long[(sweep.accounts + 63) / 64];
            candidates.forEachKey(key -> {
                seenBefore(filter, hash(key));
                int a = (int) (key >>> 32);
                int b = (int) key;
                bits[a >>> 6] |= 1L << a;
                bits[b >>> 6] |= 1L << b;
            });
            sweep.candidates[t] = candidates;
            sweep.candidateFilter[t] = filter;
            return bits;
        });
        long[] candidateAccounts = accountsOf.get(0);
        for (int t = 1; t < threads; t++) {
            long[] more = accountsOf.get(t);
            for (int w = 0; w < candidateAccounts.length; w++) {
                candidateAccounts[w] |= more[w];
            }
        }
        sweep.candidateAccounts = candidateAccounts;
        return sweep;
    }

    /** The number of co-action pairs in the window (all of them, not only the candidates'). */
    long pairs() {
        return pairs;
    }

    /**
     * Accumulates the co-action pairs of the candidate pairs of accounts, on all cores: each core sweeps every object
     * and keeps the pairs of accounts of its share of the hashes (as the screen did) in an accumulator of its own, so
     * each pair of accounts gets its pairs in the order of {@link PairSweep#sweep} (objects, then the older row, then
     * the newer) and its sums are those of one sweep of every pair, to the last bit. A small Bloom filter of the
     * candidates (16 bits each, in cache) answers for most pairs before the map is looked at. Returns the
     * accumulators, their contents counted ({@link EdgeAccumulator#countContents}), for {@link
     * EdgeAccumulator#edges(List, double)}.
     */
    List<EdgeAccumulator> accumulateCandidates() {
        int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        return inParallel(threads, t -> {
            EdgeAccumulator acc = accumulate(t, threads);
            acc.countContents();
            return acc;
        });
    }

    private EdgeAccumulator accumulate(int part, int parts) {
        EdgeAccumulator acc = new EdgeAccumulator(table);
        int[] stamp = idf ? new int[accounts] : null;
        long[] inCandidate = candidateAccounts;
        long[] myFilter = candidateFilter[part];
        LongIntHashMap myCandidates = candidates[part];
        for (int o = 0; o < objectStarts.length; o++) {
            int start = objectStarts[o];
            int end = objectEnds[o];
            int object = objectIds[o];
            double w = idf ? Math.log((totalAccounts + 1) / distinctAccounts(start, end, stamp, o + 1)) : 1;
            for (int i = start; i < end; i++) {
                int a = account[i];
                // an account in no candidate pair has no pair to add: its row is passed over without its pairs (most
                // rows of viral objects, and most of the pairs the screen swept)
                if ((inCandidate[a >>> 6] & 1L << a) == 0) {
                    continue;
                }
                long limit = time[i] + window;
                for (int j = i + 1; j < end && time[j] <= limit; j++) {
                    int b = account[j];
                    if (b != a && (inCandidate[b >>> 6] & 1L << b) != 0) {
                        long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
                        long h = hash(key);
                        // both tests without a branch between them: the share alone is a coin toss for the predictor
                        if (share(h, parts) == part & mayContain(myFilter, h)
                                && myCandidates.get(key, -1) >= 0) {
                            acc.add(a, b, object, type[i], content[i], content[j], Math.abs(time[j] - time[i]), w);
                        }
                    }
                }
            }
        }
        return acc;
    }

    /** The pairs of rows of each object within the window, same-account ones included: a bound for sizing. */
    private long pairsInWindowBound() {
        long count = 0;
        for (int o = 0; o < objectStarts.length; o++) {
            int end = objectEnds[o];
            int j = objectStarts[o];
            for (int i = objectStarts[o]; i < end; i++) {
                long limit = time[i] + window;
                while (j < end && time[j] <= limit) {
                    j++;
                }
                count += j - i - 1;
            }
        }
        return count;
    }

    /**
     * Sweeps every object and sums the pairs of accounts of share {@code part} of {@code parts} (by hash) that its
     * own filter had seen: no two threads touch the same filter word or sum, so plain writes are safe.
     *
     * <p>In batches, for the memory's sake: the sweep appends this share's pairs of accounts to a buffer without a
     * branch on the share (a branch the processor guesses wrong every other pair throws away the filter reads it
     * has started), then one loop over the buffer reads and sets the filter words (independent reads: the
     * processor has several cache misses in flight instead of one), then the pairs seen before go to the sums.
     * Each key still goes through the filter in sweep order.
     */
    private LongDoubleSums sums(int part, int parts, int filterWords, int expectedSums, long[] pairsSeen) {
        long[] filter = new long[Math.max(64, filterWords)];
        LongDoubleSums sums = new LongDoubleSums(expectedSums);
        int[] stamp = idf ? new int[accounts] : null;
        long[] keys = new long[BATCH];
        double[] weights = new double[BATCH];
        int n = 0;
        long count = 0;
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
                        count++;
                        long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
                        keys[n] = key;
                        weights[n] = w;
                        n += share(hash(key), parts) == part ? 1 : 0;
                        if (n == BATCH) {
                            screenBatch(filter, sums, keys, weights, n);
                            n = 0;
                        }
                    }
                }
            }
        }
        screenBatch(filter, sums, keys, weights, n);
        pairsSeen[part] = count;
        return sums;
    }

    /** The share of the pairs of accounts a key's hash belongs to, out of {@code parts} (the low half of the hash). */
    private static int share(long h, int parts) {
        return (int) (((h & 0xFFFFFFFFL) * parts) >>> 32);
    }

    /** Puts {@code keys[0..n)} in the filter, in order, then adds those it had seen to the sums. */
    private static void screenBatch(long[] filter, LongDoubleSums sums, long[] keys, double[] weights, int n) {
        int seen = 0;
        for (int k = 0; k < n; k++) {
            long key = keys[k];
            long h = hash(key);
            int word = word(h, filter.length);
            long bits = bits(h);
            long before = filter[word];
            filter[word] = before | bits;
            keys[seen] = key; // compacted in place: seen <= k
            weights[seen] = weights[k];
            seen += (before & bits) == bits ? 1 : 0;
        }
        for (int k = 0; k < seen; k++) {
            sums.add(keys[k], weights[k]);
        }
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
        int word = word(h, filter.length);
        long bits = bits(h);
        long before = filter[word];
        filter[word] = before | bits;
        return (before & bits) == bits;
    }

    /** Whether the key of hash {@code h} may have been added to {@code filter} (a filter built before, read only). */
    private static boolean mayContain(long[] filter, long h) {
        long bits = bits(h);
        return (filter[word(h, filter.length)] & bits) == bits;
    }

    /**
     * The filter word of a hash, from its high 32 bits by multiply-shift (a 64-bit division per pair costs more than
     * the rest of the sweep's arithmetic); the share ({@link #share}) uses the low half.
     */
    private static int word(long h, int words) {
        return (int) (((h >>> 32) * words) >>> 32);
    }

    private static long hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 32);
    }

    /**
     * Four bits of a 64-bit word: six top bits each of the hash multiplied once more, which depend on all of its bits
     * (the word, {@link #word}, is chosen by the high half, the share, {@link #share}, by the low half).
     */
    private static long bits(long h) {
        long g = h * 0x94D049BB133111EBL;
        return (1L << (g >>> 58)) | (1L << (g >>> 52)) | (1L << (g >>> 46)) | (1L << (g >>> 40));
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
