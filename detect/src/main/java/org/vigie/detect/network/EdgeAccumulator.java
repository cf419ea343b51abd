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
    private final LongList older = new LongList(1024);
    private final LongList newer = new LongList(1024);
    private int edges;

    EdgeAccumulator(TraceTable table) {
        this.table = table;
    }

    /** Adds the pair of rows {@code first} (the older share) and {@code second}, counting {@code w}. */
    void add(int first, int second, double w) {
        int ra = table.account(first);
        int rb = table.account(second);
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
        sumDelta[e] += Math.abs(table.time(second) - table.time(first));
        int object = table.object(first);
        if (lastObject[e] != object) {
            lastObject[e] = object;
            objects[e]++;
        }
        byType[e * TYPES + table.typeOrdinal(first)]++;
        older.add(((long) e << 32) | table.content(first));
        newer.add(((long) e << 32) | table.content(second));
    }

    int edgeCount() {
        return edges;
    }

    /** The weight of every edge, in no particular order. */
    double[] weights() {
        return Arrays.copyOf(weight, edges);
    }

    /** The edges of weight at least {@code minWeight}, ordered by (accountId, accountIdY) byte-wise. */
    List<NetworkEdge> edges(double minWeight) {
        int[] nOlder = distinctPerEdge(older);
        int[] nNewer = distinctPerEdge(newer);
        // byte-wise ranks of the accounts that have an edge, then edges sorted by (rank, rank) keys
        int[] rank = new int[table.accounts().size()];
        Arrays.fill(rank, -1);
        int keptEdges = 0;
        for (int e = 0; e < edges; e++) {
            if (weight[e] >= minWeight) {
                rank[(int) (key[e] >>> 32)] = 0;
                rank[(int) key[e]] = 0;
                keptEdges++;
            }
        }
        int[] accountOfRank = AccountOrder.rank(table.accounts(), rank);
        int ranked = accountOfRank.length;
        int[] lo = new int[edges];
        int[] hi = new int[edges];
        int[] kept = new int[keptEdges];
        int k = 0;
        for (int e = 0; e < edges; e++) {
            if (weight[e] >= minWeight) {
                int ra = rank[(int) (key[e] >>> 32)];
                int rb = rank[(int) key[e]];
                lo[e] = Math.min(ra, rb);
                hi[e] = Math.max(ra, rb);
                kept[k++] = e;
            }
        }
        // two stable counting sorts (by the second account, then by the first): O(edges + accounts)
        int[] byHi = countingSort(kept, hi, ranked);
        int[] sorted = countingSort(byHi, lo, ranked);
        List<NetworkEdge> out = new ArrayList<>(keptEdges);
        for (int e : sorted) {
            String a = table.accounts().name(accountOfRank[lo[e]]);
            String b = table.accounts().name(accountOfRank[hi[e]]);
            double symmetry = (double) Math.min(nOlder[e], nNewer[e]) / Math.max(nOlder[e], nNewer[e]);
            out.add(new NetworkEdge(a, b, pairs[e], weight[e], objects[e], (double) sumDelta[e] / pairs[e],
                    nOlder[e], nNewer[e], symmetry, typeCounts(e)));
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
