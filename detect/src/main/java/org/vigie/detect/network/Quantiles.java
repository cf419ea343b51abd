package org.vigie.detect.network;

/** Quantiles as R computes them by default. */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * R's {@code quantile(x, prob)} (type 7) on values already sorted ascending, computed the way R's
     * source does: {@code index = 1 + (n - 1) * prob}, {@code lo = floor(index)}, {@code hi = ceiling(index)},
     * {@code q = x[lo]}, and where {@code index > lo} and {@code x[hi] != x[lo]},
     * {@code q = (1 - h) * x[lo] + h * x[hi]} with {@code h = index - lo} (1-based indices). NaN when empty.
     */
    public static double type7(double[] sorted, double prob) {
        if (!(prob >= 0 && prob <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], was " + prob);
        }
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double index = 1 + (n - 1) * prob;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double q = sorted[lo - 1];
        if (index > lo && sorted[hi - 1] != q) {
            double h = index - lo;
            q = (1 - h) * q + h * sorted[hi - 1];
        }
        return q;
    }
}
