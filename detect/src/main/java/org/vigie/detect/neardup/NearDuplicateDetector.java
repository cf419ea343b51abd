package org.vigie.detect.neardup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.coaction.TextNormalizer;
import org.vigie.detect.coaction.Trace;
import org.vigie.detect.input.Post;

/**
 * Near-duplicate text clusters with MinHash and locality-sensitive hashing, without any all-pairs
 * comparison.
 *
 * <ol>
 *   <li>Each text is normalised by {@link TextNormalizer#normalize}; texts shorter than
 *       {@code minLength} (default 20 characters) are ignored. Identical normalised texts are merged
 *       first (a hash map), so exact copies cost one signature.</li>
 *   <li>Shingles: every run of {@code k} (default 5) consecutive characters, hashed to 64 bits with a
 *       seeded FNV-style pass finished by murmur3's {@code fmix64}.</li>
 *   <li>Signature: one-permutation MinHash with {@code n = b·r} bins (default 64): a shingle's hash
 *       picks a bin with its high bits and competes for the bin's minimum with its low 31 bits; empty bins
 *       (short texts) are filled by Shrivastava's optimal densification (a seeded probe sequence per
 *       bin, the same for every text). This costs O(shingles + n) per text instead of O(shingles · n).
 *       Each bin keeps the low 16 bits of its minimum (b-bit MinHash, chance agreement 2⁻¹⁶).</li>
 *   <li>LSH: {@code b} bands of {@code r = 4} values; a band is the 64-bit key of its four 16-bit values.
 *       Band by band, texts are put in buckets (an open-addressing table keyed by that key); a new text
 *       is compared with the members already in its bucket, most recent first, at most
 *       {@code maxBucketProbes} (default 32) of them, skipping those already in its cluster. The cap
 *       bounds the work of giant buckets (templated texts) at N·b·cap comparisons; because members of
 *       a giant bucket are near-duplicates of each other and already joined, the cap loses little.</li>
 *   <li>Verification: a candidate pair is joined when its Jaccard similarity is ≥ {@code threshold}:
 *       exact Jaccard of the two shingle sets when both texts have at most {@code exactMaxLength}
 *       characters (posts of social-media length), else the MinHash estimate (fraction of equal bins;
 *       standard deviation √(s(1−s)/n) ≈ 0.05 at s = 0.8, n = 64). An estimate below
 *       {@code threshold − 0.25} rejects the pair before any exact computation.</li>
 *   <li>Clusters: union-find (path halving, union by size) over the joined pairs. Clusters are
 *       transitive: a chain of near-duplicates can hold two texts that are less similar than the
 *       threshold.</li>
 * </ol>
 *
 * <p>S-curve. With b = 16, r = 4 a pair of Jaccard s becomes a candidate with probability
 * 1 − (1 − s⁴)¹⁶: 0.9998 at s = 0.8, 0.988 at 0.7, 0.89 at 0.6, 0.64 at 0.5, 0.12 at 0.3, 0.025 at 0.2;
 * the curve's midpoint is (1/b)^(1/r) = 0.5. The midpoint sits well below 0.8 on purpose: pairs at the
 * threshold are almost never missed by LSH, and the extra candidates between 0.5 and 0.8 are rejected
 * by verification, which is cheap. Unrelated texts share almost no 5-character shingles (s ≈ 0) and are
 * almost never candidates.
 *
 * <p>Determinism: cluster ids are numbered from 0 in the order of each cluster's first text in the
 * input; the same input and seed give the same clusters and ids. Signatures are computed in parallel
 * (independent slots); the bands are shared among the cores, each walking its bands with a union-find of its own,
 * merged at the end (the pairs compared do not depend on the order, so neither do the clusters).
 */
public final class NearDuplicateDetector {

    /** The object-id prefix of near-duplicate traces. */
    public static final String OBJECT_PREFIX = "textnear:";

    private static final double PREFILTER_MARGIN = 0.25;
    private static final double ACCEPT_MARGIN = 0.15;
    private static final int EMPTY = -1;
    private static final long LOW_15 = 0x7FFF_7FFF_7FFF_7FFFL;
    /** Texts per partition when chaining a band: the partition's table (12 bytes a slot, two slots a text) fits L2. */
    private static final int PARTITION_TEXTS = 16_384;

    private final NearDupParams params;
    private final int n;
    private final long shingleSeed;
    private final long densifySeed;
    /** For each bin, the bins its densification probes, in order (precomputed, same for all texts). */
    private final int[][] probes;

    public NearDuplicateDetector(NearDupParams params) {
        this.params = params;
        this.n = params.signatureLength();
        this.shingleSeed = splitmix(params.seed());
        this.densifySeed = splitmix(shingleSeed);
        this.probes = new int[n][];
        for (int j = 0; j < n; j++) {
            int[] p = new int[4 * n];
            for (int a = 0; a < p.length; a++) {
                long h = fmix64(densifySeed ^ ((long) j << 32) ^ (a + 1));
                p[a] = (int) (((h >>> 32) * n) >>> 32);
            }
            probes[j] = p;
        }
    }

    public NearDuplicateDetector() {
        this(NearDupParams.defaults());
    }

    public NearDupParams params() {
        return params;
    }

    /** The result of {@link #cluster}. */
    public record Clusters(int[] clusterOf, int clusterCount, long candidatePairs, long joinedPairs, long exactChecks) {
        /** The cluster of text {@code i}, or −1 when it is in no cluster of at least two texts. */
        public int clusterOf(int i) {
            return clusterOf[i];
        }
    }

    /**
     * Clusters raw texts (normalised here). {@code clusterOf[i]} is −1 for a text that is ignored (null,
     * too short) or near-duplicate of no other text in the list, else its cluster id (0, 1, … in order of
     * first appearance). Two equal normalised texts are always in the same cluster.
     */
    public Clusters cluster(List<String> texts) {
        int size = texts.size();
        // 1. normalise and merge identical texts
        int[] distinctOf = new int[size];
        String[] normalized = new String[size];
        IntStream.range(0, size).parallel().forEach(i -> normalized[i] = TextNormalizer.normalize(texts.get(i)));
        Map<String, Integer> index = new HashMap<>();
        List<String> distinct = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String norm = normalized[i];
            normalized[i] = null;
            if (norm == null || norm.length() < params.minLength()) {
                distinctOf[i] = EMPTY;
                continue;
            }
            Integer id = index.putIfAbsent(norm, distinct.size());
            if (id == null) {
                id = distinct.size();
                distinct.add(norm);
            }
            distinctOf[i] = id;
        }
        index = null;
        return clusterDistinct(distinct.toArray(new String[0]), 0, distinctOf);
    }

    /**
     * Steps 2 to 5 on distinct normalised texts {@code dt}, each read from character {@code start} on (a prefix
     * such as {@code text:} is skipped without copying the strings); {@code distinctOf[i]} is the distinct text
     * of input item {@code i}, or {@link #EMPTY} when the item is ignored.
     */
    private Clusters clusterDistinct(String[] dt, int start, int[] distinctOf) {
        int size = distinctOf.length;
        int d = dt.length;

        // 2. signatures, in parallel into disjoint slices: per text one long per band, its four 16-bit values
        int bands = params.bands();
        long[] sig = new long[d * bands];
        IntStream.range(0, d).parallel().forEach(t -> signature(dt[t], start, sig, t * bands));

        // 3. LSH band by band, 4. verification, 5. union-find. Per band, text t is compared with the (at most
        // maxBucketProbes) latest earlier texts sharing its band key, skipping those already in its cluster. Which pairs
        // are looked at does not depend on the clusters (a skipped text still uses up a probe), so the clusters are
        // the connected components of the similar pairs among them, whatever the order the bands are walked in: each
        // core walks its own bands with a union-find of its own, and the union-finds are merged at the end.
        int threads = Math.max(1, Math.min(bands, Runtime.getRuntime().availableProcessors()));
        double exactMinEstimate = params.threshold() - PREFILTER_MARGIN;
        BandWalk[] walks = new BandWalk[threads];
        Ahead[] others = new Ahead[threads - 1];
        for (int k = 0; k < threads; k++) {
            walks[k] = new BandWalk(d);
        }
        for (int k = 1; k < threads; k++) {
            int first = k;
            others[k - 1] = new Ahead(() -> walks[first].walk(sig, dt, start, first, threads, exactMinEstimate));
        }
        walks[0].walk(sig, dt, start, 0, threads, exactMinEstimate);
        for (Ahead other : others) {
            other.join();
        }
        UnionFind uf = walks[0].uf;
        long candidates = walks[0].candidates;
        long joined = walks[0].joined;
        long exactChecks = walks[0].verifier.exactChecks;
        for (int k = 1; k < threads; k++) {
            walks[k].mergeInto(uf);
            candidates += walks[k].candidates;
            joined += walks[k].joined;
            exactChecks += walks[k].verifier.exactChecks;
        }

        // cluster ids in order of first appearance in the input; a cluster needs ≥ 2 input texts
        int[] countByRoot = new int[d];
        for (int i = 0; i < size; i++) {
            if (distinctOf[i] != EMPTY) {
                countByRoot[uf.find(distinctOf[i])]++;
            }
        }
        int[] idByRoot = new int[d];
        Arrays.fill(idByRoot, EMPTY);
        int clusters = 0;
        int[] clusterOf = new int[size];
        for (int i = 0; i < size; i++) {
            int t = distinctOf[i];
            if (t == EMPTY) {
                clusterOf[i] = EMPTY;
                continue;
            }
            int root = uf.find(t);
            if (countByRoot[root] < 2) {
                clusterOf[i] = EMPTY;
                continue;
            }
            if (idByRoot[root] == EMPTY) {
                idByRoot[root] = clusters++;
            }
            clusterOf[i] = idByRoot[root];
        }
        return new Clusters(clusterOf, clusters, candidates, joined, exactChecks);
    }

    /**
     * The {@link CoActionType#CO_TEXT_NEAR} traces of {@code posts}: one per post whose text is in a
     * cluster holding posts of at least two distinct accounts, with object id {@code textnear:<clusterId>},
     * in input order.
     */
    public void traces(List<Post> posts, Consumer<Trace> sink) {
        List<String> texts = new ArrayList<>(posts.size());
        for (Post p : posts) {
            texts.add(p.text());
        }
        Clusters c = cluster(texts);
        int[] firstAccount = new int[c.clusterCount()];
        boolean[] multi = new boolean[c.clusterCount()];
        Arrays.fill(firstAccount, EMPTY);
        Map<String, Integer> accounts = new HashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            int cl = c.clusterOf(i);
            if (cl == EMPTY || multi[cl]) {
                continue;
            }
            int acc = accounts.computeIfAbsent(posts.get(i).accountId(), k -> accounts.size());
            if (firstAccount[cl] == EMPTY) {
                firstAccount[cl] = acc;
            } else if (firstAccount[cl] != acc) {
                multi[cl] = true;
            }
        }
        for (int i = 0; i < posts.size(); i++) {
            int cl = c.clusterOf(i);
            if (cl != EMPTY && multi[cl]) {
                Post p = posts.get(i);
                sink.accept(new Trace(p.accountId(), OBJECT_PREFIX + cl, p.epochSecond(), p.postId(),
                        CoActionType.CO_TEXT_NEAR));
            }
        }
    }

    /** Receives the near-duplicate traces of {@link #traces(NearDupTexts, TraceSink)}, as row numbers of the texts. */
    @FunctionalInterface
    public interface TraceSink {
        void trace(int row, int cluster);
    }

    /**
     * The same traces as {@link #traces(List, Consumer)}, from texts gathered while reading: {@code sink} gets
     * each row of {@code texts} whose cluster holds rows of at least two distinct accounts, with the cluster id
     * (object id {@code textnear:<cluster>}), in row order.
     */
    public void traces(NearDupTexts texts, TraceSink sink) {
        int size = texts.size();
        int[] distinctOf = new int[size];
        for (int i = 0; i < size; i++) {
            distinctOf[i] = texts.textOf(i);
        }
        String[] dt = new String[texts.distinct()];
        for (int t = 0; t < dt.length; t++) {
            dt[t] = texts.distinctText(t); // the stored strings themselves, prefix included: no copies
        }
        Clusters c = clusterDistinct(dt, texts.prefixLength(), distinctOf);
        distinctOf = null;
        int[] firstAccount = new int[c.clusterCount()];
        boolean[] multi = new boolean[c.clusterCount()];
        Arrays.fill(firstAccount, EMPTY);
        for (int i = 0; i < size; i++) {
            int cl = c.clusterOf(i);
            if (cl == EMPTY || multi[cl]) {
                continue;
            }
            int acc = texts.account(i);
            if (firstAccount[cl] == EMPTY) {
                firstAccount[cl] = acc;
            } else if (firstAccount[cl] != acc) {
                multi[cl] = true;
            }
        }
        for (int i = 0; i < size; i++) {
            int cl = c.clusterOf(i);
            if (cl != EMPTY && multi[cl]) {
                sink.trace(i, cl);
            }
        }
    }

    /** {@link #traces(List, Consumer)} collected in a list. */
    public List<Trace> traces(List<Post> posts) {
        List<Trace> out = new ArrayList<>();
        traces(posts, out::add);
        return out;
    }

    /** Exact Jaccard similarity of the k-shingle sets of two normalised texts (shingle hashes). */
    public double jaccard(String normalizedA, String normalizedB) {
        long[] a = shingleSet(normalizedA);
        long[] b = shingleSet(normalizedB);
        if (a.length == 0 && b.length == 0) {
            return 1;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }

    /** The MinHash estimate of the Jaccard similarity of two normalised texts. */
    public double estimate(String normalizedA, String normalizedB) {
        long[] sig = new long[2 * params.bands()];
        signature(normalizedA, 0, sig, 0);
        signature(normalizedB, 0, sig, params.bands());
        return estimate(sig, 0, 1);
    }

    /** Scratch space of one core's walk of the LSH bands ({@link BandWalk}). */
    private final class Verifier {
        private long[] setA = new long[256];
        private long[] setB = new long[256];
        long exactChecks;

        /** Exact Jaccard of the shingle sets, with two open-addressing hash sets (no sorting). */
        double jaccard(String a, String b, int start) {
            exactChecks++;
            int k = params.shingleLength();
            int ca = a.length() - start - k + 1;
            int cb = b.length() - start - k + 1;
            if (ca <= 0 || cb <= 0) {
                return ca <= 0 && cb <= 0 ? 1 : 0;
            }
            int capA = Integer.highestOneBit(ca * 2 - 1) * 2;
            int capB = Integer.highestOneBit(cb * 2 - 1) * 2;
            if (setA.length < capA) {
                setA = new long[capA];
            }
            if (setB.length < capB) {
                setB = new long[capB];
            }
            Arrays.fill(setA, 0, capA, 0L);
            Arrays.fill(setB, 0, capB, 0L);
            int sizeA = 0;
            for (int i = 0; i < ca; i++) {
                if (insert(setA, capA - 1, shingleHash(a, start + i))) {
                    sizeA++;
                }
            }
            int sizeB = 0;
            int common = 0;
            for (int i = 0; i < cb; i++) {
                long h = shingleHash(b, start + i);
                if (insert(setB, capB - 1, h)) {
                    sizeB++;
                    if (contains(setA, capA - 1, h)) {
                        common++;
                    }
                }
            }
            return (double) common / (sizeA + sizeB - common);
        }
    }

    private static boolean insert(long[] set, int mask, long h) {
        long key = h == 0 ? 1 : h;
        int slot = (int) (key ^ key >>> 32) & mask;
        while (set[slot] != 0) {
            if (set[slot] == key) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        set[slot] = key;
        return true;
    }

    private static boolean contains(long[] set, int mask, long h) {
        long key = h == 0 ? 1 : h;
        int slot = (int) (key ^ key >>> 32) & mask;
        while (set[slot] != 0) {
            if (set[slot] == key) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    private boolean similar(Verifier v, long[] sig, int a, int b, String ta, String tb, int start,
            double exactMinEstimate) {
        double est = estimate(sig, a, b);
        if (ta.length() - start <= params.exactMaxLength() && tb.length() - start <= params.exactMaxLength()) {
            if (est < exactMinEstimate) {
                return false;
            }
            if (est >= params.threshold() + ACCEPT_MARGIN) {
                return true;
            }
            return v.jaccard(ta, tb, start) >= params.threshold();
        }
        return est >= params.threshold();
    }

    /**
     * The fraction of equal values of two signatures, four 16-bit values a long: a value is equal when its 16 bits of
     * the XOR are zero, counted for the four at once (the same count as comparing the values one by one).
     */
    private double estimate(long[] sig, int a, int b) {
        int bands = params.bands();
        int pa = a * bands;
        int pb = b * bands;
        int eq = 0;
        for (int j = 0; j < bands; j++) {
            long x = sig[pa + j] ^ sig[pb + j];
            // the high bit of each 16-bit lane of y is set exactly when the lane of x is zero
            long y = ~(((x & LOW_15) + LOW_15) | x | LOW_15);
            eq += Long.bitCount(y);
        }
        return (double) eq / n;
    }

    private long shingleHash(String s, int from) {
        long h = shingleSeed;
        for (int i = from, end = from + params.shingleLength(); i < end; i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        return fmix64(h);
    }

    private long[] shingleSet(String s) {
        int count = s.length() - params.shingleLength() + 1;
        if (count <= 0) {
            return new long[0];
        }
        long[] h = new long[count];
        for (int i = 0; i < count; i++) {
            h[i] = shingleHash(s, i);
        }
        Arrays.sort(h);
        int m = 0;
        for (int i = 0; i < count; i++) {
            if (m == 0 || h[m - 1] != h[i]) {
                h[m++] = h[i];
            }
        }
        return m == count ? h : Arrays.copyOf(h, m);
    }

    /** The signature of {@code s} from character {@code start} on, into {@code out} from {@code offset}: a long per band. */
    private void signature(String s, int start, long[] out, int offset) {
        int[] bins = new int[n];
        Arrays.fill(bins, EMPTY);
        int count = s.length() - start - params.shingleLength() + 1;
        // the characters copied once: five charAt calls per shingle (each checking the index and the string's coding)
        // were most of the signatures' time; the hashes are those of shingleHash
        char[] chars = new char[Math.max(0, s.length() - start)];
        s.getChars(start, s.length(), chars, 0);
        int k = params.shingleLength();
        for (int i = 0; i < count; i++) {
            long h = shingleSeed;
            for (int c = i; c < i + k; c++) {
                h = (h ^ chars[c]) * 0x100000001B3L;
            }
            h = fmix64(h);
            int bin = (int) (((h >>> 32) * n) >>> 32);
            int v = (int) h & 0x7FFFFFFF;
            if (bins[bin] == EMPTY || v < bins[bin]) {
                bins[bin] = v;
            }
        }
        for (int j = 0; j < n; j++) {
            int v = bins[j];
            if (v == EMPTY) {
                for (int p : probes[j]) {
                    if (bins[p] != EMPTY) {
                        v = bins[p];
                        break;
                    }
                }
                if (v == EMPTY) { // probe sequence exhausted (astronomically rare): scan
                    for (int q = 0; q < n && v == EMPTY; q++) {
                        v = bins[(j + q) % n];
                    }
                }
            }
            // value j is bits 16·(j mod 4) of the band j / 4's long, as a band key packs its four values
            out[offset + j / 4] |= (v & 0xFFFFL) << (16 * (j & 3));
        }
    }

    /**
     * One core's share of the LSH pass: its bands (every {@code step}-th from {@code first}), each walked in text
     * order with its own union-find and verification scratch space.
     */
    private final class BandWalk {
        final UnionFind uf;
        final Verifier verifier = new Verifier();
        final int[] next;
        final long[] keys;
        final long[] partKeys;
        final int[] partTexts;
        long candidates;
        long joined;

        BandWalk(int d) {
            uf = new UnionFind(d);
            next = new int[d];
            keys = new long[d];
            partKeys = new long[d];
            partTexts = new int[d];
        }

        void walk(long[] sig, String[] dt, int start, int first, int step, double exactMinEstimate) {
            int d = next.length;
            int maxProbes = params.maxBucketProbes();
            for (int band = first; band < params.bands(); band += step) {
                chains(sig, band);
                for (int t = 0; t < d; t++) {
                    int probesLeft = maxProbes;
                    for (int o = next[t]; o != EMPTY && probesLeft > 0; o = next[o], probesLeft--) {
                        if (uf.find(o) == uf.find(t)) {
                            continue;
                        }
                        candidates++;
                        if (similar(verifier, sig, o, t, dt[o], dt[t], start, exactMinEstimate)) {
                            uf.union(o, t);
                            joined++;
                        }
                    }
                }
            }
        }

        /**
         * Fills {@link #next} for {@code band}: for each text the latest earlier text with the same band key, or
         * {@link #EMPTY}. Looking each text up in one table of all the keys is a cache miss per text; instead the
         * texts are first split, in order, into partitions by their key's hash, and each partition is chained with a
         * table small enough to stay in the core's cache. Same chains.
         */
        private void chains(long[] sig, int band) {
            int d = next.length;
            int bands = params.bands();
            int partBits = Math.max(0, 32 - Integer.numberOfLeadingZeros(Math.max(1, d / PARTITION_TEXTS)));
            int parts = 1 << partBits;
            int[] fill = new int[parts + 1];
            long salt = band * 0x9E3779B97F4A7C15L;
            for (int t = 0; t < d; t++) {
                long key = sig[t * bands + band];
                keys[t] = key;
                fill[partOf(fmix64(key ^ salt), partBits) + 1]++;
            }
            for (int p = 0; p < parts; p++) {
                fill[p + 1] += fill[p];
            }
            int[] begin = java.util.Arrays.copyOf(fill, parts + 1);
            for (int t = 0; t < d; t++) {
                int at = fill[partOf(fmix64(keys[t] ^ salt), partBits)]++;
                partKeys[at] = keys[t];
                partTexts[at] = t;
            }
            long[] tableKeys = new long[16];
            int[] latest = new int[16];
            for (int p = 0; p < parts; p++) {
                int from = begin[p];
                int to = begin[p + 1];
                int cap = Integer.highestOneBit(Math.max(8, (to - from) * 2 - 1)) * 2;
                if (tableKeys.length < cap) {
                    tableKeys = new long[cap];
                    latest = new int[cap];
                }
                java.util.Arrays.fill(latest, 0, cap, 0);
                int mask = cap - 1;
                for (int i = from; i < to; i++) {
                    long key = partKeys[i];
                    int slot = (int) fmix64(key ^ salt) & mask;
                    while (latest[slot] != 0 && tableKeys[slot] != key) {
                        slot = (slot + 1) & mask;
                    }
                    tableKeys[slot] = key;
                    int t = partTexts[i];
                    next[t] = latest[slot] - 1; // EMPTY (−1) for the first text with this key
                    latest[slot] = t + 1;
                }
            }
        }

        /** Unites in {@code into} every text with the root of its cluster here. */
        void mergeInto(UnionFind into) {
            for (int t = 0; t < next.length; t++) {
                int root = uf.find(t);
                if (root != t) {
                    into.union(t, root);
                }
            }
        }
    }

    /** The partition of a hash among {@code 2^bits}, from its high bits (the chain table's slot uses the low ones). */
    private static int partOf(long h, int bits) {
        return bits == 0 ? 0 : (int) (h >>> (64 - bits));
    }

    /** A task started on its own thread at once; {@link #join} waits for it and rethrows what it threw. */
    private static final class Ahead {
        private final Thread thread;
        private volatile Throwable failure;

        Ahead(Runnable task) {
            thread = new Thread(() -> {
                try {
                    task.run();
                } catch (Throwable e) {
                    failure = e;
                }
            }, "lsh-ahead");
            thread.start();
        }

        void join() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while clustering texts", e);
            }
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }
    }

    static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }

    private static long splitmix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static final class UnionFind {
        private final int[] parent;
        private final int[] size;

        UnionFind(int n) {
            parent = new int[n];
            size = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
                size[i] = 1;
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return;
            }
            if (size[ra] < size[rb]) {
                int t = ra;
                ra = rb;
                rb = t;
            }
            parent[rb] = ra;
            size[ra] += size[rb];
        }
    }
}
