package org.vigie.detect.network;

import java.util.Arrays;

/**
 * The "auto" window, as CooRnet's {@code estimate_coord_interval(q = 0.1, p = 0.5)} defines it:
 *
 * <ol>
 * <li>For every object with at least two traces, sort its traces by time (ties in row order) and let
 * {@code d2} = time of the 2nd share − time of the 1st.</li>
 * <li>The fast objects are those with {@code d2 <= Q_q}, Q_q being the q-quantile (R type 7) of d2 over all
 * those objects.</li>
 * <li>For each fast object with n traces, take the first rank r (1-based) with {@code r / n > p} and its
 * delay {@code t_r − t_1}.</li>
 * <li>The window is the median (R type 7) of these delays, in seconds.</li>
 * </ol>
 * Returned as a double; {@link #estimateSeconds} floors it (times are whole seconds, so {@code |Δt| <= w}
 * and {@code |Δt| <= floor(w)} are the same test).
 */
public final class WindowEstimator {
    private WindowEstimator() {
    }

    public static double estimate(TraceTable table, double q, double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in [0, 1), was " + p);
        }
        int[] order = PairSweep.order(table);
        int n = order.length;
        // per object with >= 2 traces: d2 and the delay to exceed p of its shares
        double[] d2 = new double[table.objects().size()];
        double[] delay = new double[d2.length];
        int objects = 0;
        int from = 0;
        while (from < n) {
            int object = table.object(order[from]);
            int to = from + 1;
            while (to < n && table.object(order[to]) == object) {
                to++;
            }
            int count = to - from;
            if (count >= 2) {
                long t1 = table.time(order[from]);
                int r = (int) Math.floor(p * count) + 1; // smallest r with r / count > p
                d2[objects] = table.time(order[from + 1]) - t1;
                delay[objects] = table.time(order[from + r - 1]) - t1;
                objects++;
            }
            from = to;
        }
        if (objects == 0) {
            return Double.NaN;
        }
        double[] sortedD2 = Arrays.copyOf(d2, objects);
        Arrays.sort(sortedD2);
        double cut = Quantiles.type7(sortedD2, q);
        double[] fast = new double[objects];
        int k = 0;
        for (int i = 0; i < objects; i++) {
            if (d2[i] <= cut) {
                fast[k++] = delay[i];
            }
        }
        double[] sortedDelay = Arrays.copyOf(fast, k);
        Arrays.sort(sortedDelay);
        return Quantiles.type7(sortedDelay, 0.5);
    }

    /** {@link #estimate} with CooRnet's defaults q = 0.1, p = 0.5, floored; -1 when no object has two traces. */
    public static long estimateSeconds(TraceTable table) {
        double w = estimate(table, 0.1, 0.5);
        return Double.isNaN(w) ? -1 : (long) Math.floor(w);
    }
}
