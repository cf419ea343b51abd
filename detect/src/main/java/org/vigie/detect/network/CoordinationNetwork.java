package org.vigie.detect.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Vigie's own co-action network: undirected account pairs from one sort-and-sweep pairing of the traces.
 *
 * <p>Differences from {@link CoorTweetCompat}: any number of co-action types at once (pair counts per type
 * on each edge), distinct objects per edge, optional IDF down-weighting, no loop removal on ids (only
 * same-account pairs are skipped) and no second participation pass. The prefilter keeps accounts with at
 * least {@link Options#minParticipation} traces.
 *
 * <p>IDF down-weighting (off by default): a pair on object o counts {@code ln((A + 1) / a_o)} instead of 1,
 * A being the number of distinct accounts in the (prefiltered) input and a_o the number of distinct accounts
 * with a trace on o. An object shared by every account weighs {@code ln(1 + 1/A)} ≈ 1/A per pair, one shared
 * by two accounts among thousands weighs about {@code ln A}: viral objects stop connecting everyone.
 * {@link NetworkEdge#pairs()} always keeps the raw count.
 */
public final class CoordinationNetwork {
    private final List<NetworkEdge> edges;
    private final long pairs;
    /** Sorted weights of every edge the sweep made, when edges were left out while building; else null. */
    private final double[] allWeights;

    /** False when built without the weights of the edges it left out ({@link Options#withAllWeights}). */
    private final boolean quantiles;

    private CoordinationNetwork(List<NetworkEdge> edges, long pairs, double[] allWeights) {
        this(edges, pairs, allWeights, true);
    }

    private CoordinationNetwork(List<NetworkEdge> edges, long pairs, double[] allWeights, boolean quantiles) {
        this.edges = edges;
        this.pairs = pairs;
        this.allWeights = allWeights;
        this.quantiles = quantiles;
    }

    /**
     * @param window           seconds, {@code |Δt| <= window} inclusive
     * @param minParticipation accounts with fewer traces are left out before pairing (1 = keep all)
     * @param idf              down-weight popular objects (see the class comment)
     * @param minWeight        edges lighter than this are never made into {@link NetworkEdge} objects (0 keeps
     *                         all): on millions of posts most edges are light, and holding them all as objects
     *                         is what fills the heap. {@link #weightQuantile} still sees every edge's weight.
     */
    public record Options(long window, int minParticipation, boolean idf, double minWeight, boolean allWeights) {
        public Options {
            if (window < 0) {
                throw new IllegalArgumentException("window must be >= 0 seconds, was " + window);
            }
        }

        public Options(long window, int minParticipation, boolean idf, double minWeight) {
            this(window, minParticipation, idf, minWeight, true);
        }

        public Options(long window, int minParticipation, boolean idf) {
            this(window, minParticipation, idf, 0);
        }

        public static Options window(long seconds) {
            return new Options(seconds, 1, false, 0);
        }

        /** The same options with another window, e.g. a narrower one for the "fast" sub-network. */
        public Options withWindow(long seconds) {
            return new Options(seconds, minParticipation, idf, minWeight, allWeights);
        }

        public Options withMinParticipation(int m) {
            return new Options(window, m, idf, minWeight, allWeights);
        }

        public Options withIdf(boolean on) {
            return new Options(window, minParticipation, on, minWeight, allWeights);
        }

        public Options withMinWeight(double w) {
            return new Options(window, minParticipation, idf, w, allWeights);
        }

        /**
         * With {@code false}, a network built with a minimum weight does not keep the weight of every edge it
         * left out, and {@link #weightQuantile} is refused: this lets the build skip the table of every pair
         * of accounts (see {@link RepeatedPairs}), what 10 M posts need in 4 GB. True by default.
         */
        public Options withAllWeights(boolean keep) {
            return new Options(window, minParticipation, idf, minWeight, keep);
        }
    }

    public static CoordinationNetwork build(TraceTable table, Options options) {
        int n = table.size();
        int accounts = table.accounts().size();
        int[] rowsPerAccount = new int[accounts];
        for (int r = 0; r < n; r++) {
            rowsPerAccount[table.account(r)]++;
        }
        boolean[] keep = null;
        int kept = accounts;
        if (options.minParticipation() > 1) {
            keep = new boolean[n];
            for (int r = 0; r < n; r++) {
                keep[r] = rowsPerAccount[table.account(r)] >= options.minParticipation();
            }
            kept = 0;
            for (int a = 0; a < accounts; a++) {
                if (rowsPerAccount[a] >= options.minParticipation()) {
                    kept++;
                }
            }
        }
        int[] order = PairSweep.order(table, keep, null);
        double totalAccounts = kept;
        double maxPairWeight = options.idf() ? Math.log((totalAccounts + 1) / 2) : 1;
        if (options.minWeight() > maxPairWeight && !options.allWeights()) {
            return repeatedPairsOnly(table, order, options, totalAccounts, maxPairWeight);
        }
        if (options.minWeight() > 0) {
            return twoPasses(table, order, options, accounts, totalAccounts);
        }
        EdgeAccumulator acc = new EdgeAccumulator(table);
        long pairs = PairSweep.sweep(table, order, options.window(), new Weighted(table, options, accounts,
                totalAccounts, acc::add));
        return new CoordinationNetwork(List.copyOf(acc.edges(0)), pairs, null);
    }

    /**
     * With a minimum weight, most account pairs (coincidences on popular objects: one light pair each) never
     * become edges. A first sweep sums the weight of every account pair in one open-addressing map (16 bytes
     * a pair of accounts, no per-pair lists); a second sweep accumulates the full statistics (objects, Δt,
     * contents, types) of the pairs of accounts that reached the minimum only. Same edges as one pass
     * followed by {@link #withMinWeight}; the memory of the second pass is that of the kept edges.
     */
    private static CoordinationNetwork twoPasses(TraceTable table, int[] order, Options options, int accounts,
            double totalAccounts) {
        LongDoubleSums weights = new LongDoubleSums(1 << 16);
        long pairs = PairSweep.sweep(table, order, options.window(), new Weighted(table, options, accounts,
                totalAccounts, (a, b, w) -> weights.add(key(table, a, b), w)));
        double[] all = weights.values();
        // the heavy pairs in a table of their own: small enough to stay in cache for the second sweep's lookups
        LongIntHashMap heavy = weights.keysAtLeast(options.minWeight());
        EdgeAccumulator acc = new EdgeAccumulator(table);
        PairSweep.sweep(table, order, options.window(), new Weighted(table, options, accounts, totalAccounts,
                (a, b, w) -> {
                    if (heavy.get(key(table, a, b), -1) >= 0) {
                        acc.add(a, b, w);
                    }
                }));
        Arrays.sort(all);
        return new CoordinationNetwork(List.copyOf(acc.edges(options.minWeight())), pairs, all);
    }

    /**
     * When one co-action pair weighs less than the minimum, only pairs of accounts that meet at least twice can
     * become edges: {@link RepeatedPairs} finds those that reach the minimum without a table of every pair of
     * accounts, on all cores, and a last sweep on all cores (over the same copied columns, each pair of accounts
     * getting its pairs in {@link PairSweep}'s order, so the sums are the same to the last bit) accumulates their
     * statistics as {@link #twoPasses} does.
     */
    private static CoordinationNetwork repeatedPairsOnly(TraceTable table, int[] order, Options options,
            double totalAccounts, double maxPairWeight) {
        RepeatedPairs repeated = RepeatedPairs.screen(table, order, options.window(), options.idf(), totalAccounts,
                options.minWeight(), maxPairWeight);
        List<NetworkEdge> edges = EdgeAccumulator.edges(repeated.accumulateCandidates(), options.minWeight());
        return new CoordinationNetwork(List.copyOf(edges), repeated.pairs(), null, false);
    }

    private static long key(TraceTable table, int a, int b) {
        int ra = table.account(a);
        int rb = table.account(b);
        return ra < rb ? ((long) ra << 32) | rb : ((long) rb << 32) | ra;
    }

    /** A pair of rows with its weight: 1, or its object's IDF factor. */
    @FunctionalInterface
    private interface WeightedPair {
        void pair(int older, int newer, double weight);
    }

    /** Computes each object's IDF factor when the sweep starts it and hands on the pairs with it. */
    private static final class Weighted implements PairSweep.PairConsumer {
        private final TraceTable table;
        private final int[] stamp;
        private final double totalAccounts;
        private final WeightedPair sink;
        private int stampValue;
        private double w = 1;

        Weighted(TraceTable table, Options options, int accounts, double totalAccounts, WeightedPair sink) {
            this.table = table;
            this.stamp = options.idf() ? new int[accounts] : null;
            this.totalAccounts = totalAccounts;
            this.sink = sink;
        }

        @Override
        public void startObject(int object, int[] rows, int from, int to) {
            if (stamp == null) {
                return;
            }
            stampValue++;
            int distinct = 0;
            for (int i = from; i < to; i++) {
                int a = table.account(rows[i]);
                if (stamp[a] != stampValue) {
                    stamp[a] = stampValue;
                    distinct++;
                }
            }
            w = Math.log((totalAccounts + 1) / distinct);
        }

        @Override
        public void pair(int a, int b) {
            sink.pair(a, b, w);
        }
    }

    /** The edges ordered by (accountId, accountIdY) byte-wise. */
    public List<NetworkEdge> edges() {
        return edges;
    }

    /** The number of pairs the sweep found (before any edge filter). */
    public long pairCount() {
        return pairs;
    }

    /** The edges with {@code weight >= minWeight} (all those of a network built with that minimum already). */
    public CoordinationNetwork withMinWeight(double minWeight) {
        return filter(e -> e.weight() >= minWeight);
    }

    /**
     * The edges whose weight is strictly greater than the {@code prob}-quantile (R type 7) of all edge
     * weights, as CooRTweet's {@code edge_weight} threshold (0.5 = above the median).
     */
    public CoordinationNetwork withWeightAboveQuantile(double prob) {
        double q = Quantiles.type7(sortedWeights(), prob); // of the edges held, as filters compose
        return filter(e -> e.weight() > q);
    }

    /**
     * The {@code prob}-quantile (R type 7) of the edge weights; NaN without edges. For a network built with
     * {@link Options#minWeight}, of all the edges the sweep made, including those left out.
     */
    public double weightQuantile(double prob) {
        if (!quantiles) {
            throw new IllegalStateException("this network was built without the weights of the edges it left out"
                    + " (Options.withAllWeights(false))");
        }
        if (allWeights != null) {
            return Quantiles.type7(allWeights, prob);
        }
        return Quantiles.type7(sortedWeights(), prob);
    }

    private double[] sortedWeights() {
        double[] w = new double[edges.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = edges.get(i).weight();
        }
        Arrays.sort(w);
        return w;
    }

    public CoordinationNetwork filter(Predicate<NetworkEdge> keep) {
        List<NetworkEdge> out = new ArrayList<>();
        for (NetworkEdge e : edges) {
            if (keep.test(e)) {
                out.add(e);
            }
        }
        return new CoordinationNetwork(List.copyOf(out), pairs, null);
    }
}
