package org.vigie.detect.network;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Pairing by sort-and-sweep. The rows are ordered by (object, time, tie rank); within each object's run a
 * second pointer walks forward from every row while {@code time[b] - time[a] <= window}, so the work is the
 * sort plus the number of pairs actually inside the window (no per-object self-join, no all-pairs beyond
 * what the window allows).
 *
 * <p>Every matching pair is handed to a {@link PairConsumer} exactly once as {@code (a, b)} where {@code a}
 * is the earlier share: smaller time, or, at equal times, smaller tie rank (by default the row number).
 * Pairs of the same account are skipped.
 *
 * <p>Streaming by object key: the consumer sees objects one at a time (see
 * {@link PairConsumer#startObject}), so nothing here holds the pairs. For inputs beyond memory the same
 * sweep runs over runs of an external sort: write sorted chunks of (object hash, time, row) keys to disk,
 * k-way merge them, and feed each object's run to the sweep as it leaves the merge.
 */
public final class PairSweep {
    private PairSweep() {
    }

    /** Receives the pairs of one sweep. */
    public interface PairConsumer {
        /** Called before the pairs of an object; {@code order[from..to)} are its rows in sweep order. */
        default void startObject(int object, int[] order, int from, int to) {
        }

        /** A pair of rows of different accounts on the same object, {@code a} being the earlier share. */
        void pair(int a, int b);
    }

    /** All rows ordered by (object, time, row). */
    public static int[] order(TraceTable table) {
        return order(table, null, null);
    }

    /**
     * The rows kept by {@code keep} (all when null), ordered by object, then time, then {@code tieRank[row]}
     * (the row number when null). Objects come in order of their id.
     */
    public static int[] order(TraceTable table, boolean[] keep, int[] tieRank) {
        int n = table.size();
        int count = 0;
        long minTime = Long.MAX_VALUE;
        long maxTime = Long.MIN_VALUE;
        for (int r = 0; r < n; r++) {
            if (keep == null || keep[r]) {
                count++;
                minTime = Math.min(minTime, table.time(r));
                maxTime = Math.max(maxTime, table.time(r));
            }
        }
        int[] byTime = new int[count];
        if (count == 0) {
            return byTime;
        }
        if (maxTime - minTime >= 0 && maxTime - minTime < (1L << 31)) {
            // one primitive sort of (time offset << 32 | rank) keys, then back to rows
            int[] rowOfRank = tieRank == null ? null : new int[n];
            long[] keys = new long[count];
            int k = 0;
            for (int r = 0; r < n; r++) {
                if (keep == null || keep[r]) {
                    int rank = tieRank == null ? r : tieRank[r];
                    if (rowOfRank != null) {
                        rowOfRank[rank] = r;
                    }
                    keys[k++] = ((table.time(r) - minTime) << 32) | rank;
                }
            }
            Arrays.parallelSort(keys); // distinct keys (the rank breaks ties): the same order on any number of cores
            for (int i = 0; i < count; i++) {
                int rank = (int) keys[i];
                byTime[i] = rowOfRank == null ? rank : rowOfRank[rank];
            }
        } else {
            int[] rows = IntStream.range(0, n).filter(r -> keep == null || keep[r]).toArray();
            Integer[] boxed = Arrays.stream(rows).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, Comparator.<Integer>comparingLong(table::time)
                    .thenComparingInt(r -> tieRank == null ? r : tieRank[r]));
            for (int i = 0; i < count; i++) {
                byTime[i] = boxed[i];
            }
        }
        // stable counting sort by object keeps the time order inside each object
        int objects = table.objects().size();
        int[] start = new int[objects + 1];
        for (int row : byTime) {
            start[table.object(row) + 1]++;
        }
        for (int o = 0; o < objects; o++) {
            start[o + 1] += start[o];
        }
        int[] out = new int[count];
        for (int row : byTime) {
            out[start[table.object(row)]++] = row;
        }
        return out;
    }

    /**
     * Sweeps {@code order} (as returned by {@link #order}) and reports every pair of rows of different
     * accounts on the same object with {@code |Δt| <= window}.
     *
     * @return the number of pairs reported
     */
    public static long sweep(TraceTable table, int[] order, long window, PairConsumer consumer) {
        if (window < 0) {
            throw new IllegalArgumentException("window must be >= 0 seconds, was " + window);
        }
        long pairs = 0;
        int n = order.length;
        int from = 0;
        while (from < n) {
            int object = table.object(order[from]);
            int to = from + 1;
            while (to < n && table.object(order[to]) == object) {
                to++;
            }
            if (to - from > 1) {
                consumer.startObject(object, order, from, to);
                for (int i = from; i < to; i++) {
                    int a = order[i];
                    long limit = table.time(a) + window;
                    int accountA = table.account(a);
                    for (int j = i + 1; j < to; j++) {
                        int b = order[j];
                        if (table.time(b) > limit) {
                            break;
                        }
                        if (table.account(b) != accountA) {
                            consumer.pair(a, b);
                            pairs++;
                        }
                    }
                }
            }
            from = to;
        }
        return pairs;
    }
}
