package org.vigie.detect.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vigie.detect.coaction.CoActionType;

/**
 * Folds oriented pairs (older row, newer row) into per-account-pair edges in primitive arrays, keyed by
 * {@code min(id) << 32 | max(id)} of the interned account ids. Distinct
 * objects are counted with a last-object stamp per edge (the sweep delivers objects one after another);
 * distinct older/newer contents are counted exactly by sorting {@code edge << 32 | content} keys at the end
 * (8 bytes per pair and side: the part to spill first when pairs outgrow memory).
 */
final class EdgeAccumulator {
    private static final int TYPES = CoActionType.values().length;
    private final TraceTable table;
    private final LongIntHashMap ids = new LongIntHashMap(1024);
    private long[] key = new long[1024];
    private long[] pairs = new long[1024];
    private double[] weight = new double[1024];
    private long[] sumDelta = new long[1024];
    private int[] objects = new int[1024];
    private int[] lastObject = new int[1024];
    private int[] byType = new int[1024 * TYPES]; // ints: 32 bytes an edge instead of 64, tens of millions of edges
    private LongList older = new LongList(1024);
    private LongList newer = new LongList(1024);
    /** Distinct older and newer contents per edge, once {@link #countContents} has run. */
    private int[] nOlder;
    private int[] nNewer;
    private int edges;

    EdgeAccumulator(TraceTable table) {
        this.table = table;
    }

    /** Adds the pair of rows {@code first} (the older share) and {@code second}, counting {@code w}. */
    void add(int first, int second, double w) {
        add(table.account(first), table.account(second), table.object(first), table.typeOrdinal(first),
                table.content(first), table.content(second), Math.abs(table.time(second) - table.time(first)), w);
    }

    /**
     * Adds a pair given by its values rather than its rows (a caller holding the columns in sweep order reads them
     * there, next to each other, instead of at two random rows of the table): the accounts of the older and the newer
     * share, the object, the older share's type and the two contents, the time between them, and the weight.
     */
    void add(int accountOlder, int accountNewer, int object, int typeOlder, int contentOlder, int contentNewer,
            long delta, double w) {
        int ra = accountOlder;
        int rb = accountNewer;
        long k = ra < rb ? ((long) ra << 32) | rb : ((long) rb << 32) | ra;
        int e = ids.getOrPut(k, edges);
        if (e == edges) {
            if (edges == key.length) {
                int n = edges + (edges >> 1); // 1.5×: seven columns are copied at once
                key = Arrays.copyOf(key, n);
                pairs = Arrays.copyOf(pairs, n);
                weight = Arrays.copyOf(weight, n);
                sumDelta = Arrays.copyOf(sumDelta, n);
                objects = Arrays.copyOf(objects, n);
                lastObject = Arrays.copyOf(lastObject, n);
                byType = Arrays.copyOf(byType, n * TYPES);
            }
            key[e] = k;
            lastObject[e] = -1;
            edges++;
        }
        pairs[e]++;
        weight[e] += w;
        sumDelta[e] += delta;
        if (lastObject[e] != object) {
            lastObject[e] = object;
            objects[e]++;
        }
        byType[e * TYPES + typeOlder]++;
        older.add(((long) e << 32) | contentOlder);
        newer.add(((long) e << 32) | contentNewer);
    }

    int edgeCount() {
        return edges;
    }

    /** The weight of every edge, in no particular order. */
    double[] weights() {
        return Arrays.copyOf(weight, edges);
    }

    /**
     * Counts the distinct older and newer contents of every edge and lets the per-pair lists go: after this, no pair
     * can be added. Accumulators filled on several threads call it on their own thread, before {@link #edges(List,
     * double)} puts their edges together.
     */
    void countContents() {
        if (nOlder == null) {
            nOlder = distinctPerEdge(older);
            nNewer = distinctPerEdge(newer);
            older = null;
            newer = null;
        }
    }

    /** The edges of weight at least {@code minWeight}, ordered by (accountId, accountIdY) byte-wise. */
    List<NetworkEdge> edges(double minWeight) {
        return edges(List.of(this), minWeight);
    }

    /**
     * The edges of weight at least {@code minWeight} of accumulators over the same table that each hold different
     * pairs of accounts (all the pairs of a pair of accounts in one of them), ordered by (accountId, accountIdY)
     * byte-wise: the edges one accumulator given every pair would make.
     */
    static List<NetworkEdge> edges(List<EdgeAccumulator> parts, double minWeight) {
        TraceTable table = parts.get(0).table;
        // byte-wise ranks of the accounts that have an edge, then edges sorted by (rank, rank) keys
        int[] rank = new int[table.accounts().size()];
        Arrays.fill(rank, -1);
        int total = 0;
        int keptEdges = 0;
        for (EdgeAccumulator part : parts) {
            part.countContents();
            for (int e = 0; e < part.edges; e++) {
                if (part.weight[e] >= minWeight) {
                    rank[(int) (part.key[e] >>> 32)] = 0;
                    rank[(int) part.key[e]] = 0;
                    keptEdges++;
                }
            }
            total += part.edges;
        }
        int[] accountOfRank = AccountOrder.rank(table.accounts(), rank);
        int ranked = accountOfRank.length;
        // edge g of the whole is edge g - offset[p] of part p
        int[] partOf = new int[total];
        int[] offset = new int[parts.size()];
        int[] lo = new int[total];
        int[] hi = new int[total];
        int[] kept = new int[keptEdges];
        int k = 0;
        int g = 0;
        for (int p = 0; p < parts.size(); p++) {
            EdgeAccumulator part = parts.get(p);
            offset[p] = g;
            for (int e = 0; e < part.edges; e++, g++) {
                partOf[g] = p;
                if (part.weight[e] >= minWeight) {
                    int ra = rank[(int) (part.key[e] >>> 32)];
                    int rb = rank[(int) part.key[e]];
                    lo[g] = Math.min(ra, rb);
                    hi[g] = Math.max(ra, rb);
                    kept[k++] = g;
                }
            }
        }
        // two stable counting sorts (by the second account, then by the first): O(edges + accounts)
        int[] byHi = countingSort(kept, hi, ranked);
        int[] sorted = countingSort(byHi, lo, ranked);
        List<NetworkEdge> out = new ArrayList<>(keptEdges);
        for (int i : sorted) {
            EdgeAccumulator part = parts.get(partOf[i]);
            int e = i - offset[partOf[i]];
            String a = table.accounts().name(accountOfRank[lo[i]]);
            String b = table.accounts().name(accountOfRank[hi[i]]);
            int nOlder = part.nOlder[e];
            int nNewer = part.nNewer[e];
            double symmetry = (double) Math.min(nOlder, nNewer) / Math.max(nOlder, nNewer);
            out.add(new NetworkEdge(a, b, part.pairs[e], part.weight[e], part.objects[e],
                    (double) part.sumDelta[e] / part.pairs[e], nOlder, nNewer, symmetry, part.typeCounts(e)));
        }
        return out;
    }

    private long[] typeCounts(int e) {
        long[] counts = new long[TYPES];
        for (int t = 0; t < TYPES; t++) {
            counts[t] = byType[e * TYPES + t];
        }
        return counts;
    }

    private static int[] countingSort(int[] items, int[] keyOf, int keys) {
        int[] start = new int[keys + 1];
        for (int item : items) {
            start[keyOf[item] + 1]++;
        }
        for (int k = 0; k < keys; k++) {
            start[k + 1] += start[k];
        }
        int[] out = new int[items.length];
        for (int item : items) {
            out[start[keyOf[item]]++] = item;
        }
        return out;
    }

    private int[] distinctPerEdge(LongList list) {
        int[] counts = new int[edges];
        long[] sorted = list.sorted();
        for (int i = 0; i < list.size(); i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                counts[(int) (sorted[i] >>> 32)]++;
            }
        }
        return counts;
    }
}
