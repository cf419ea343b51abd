package org.vigie.detect.pipeline;

import org.vigie.detect.network.CoordinationNetwork;
import org.vigie.detect.network.TraceTable;

/**
 * The edge filters of a native run (see {@code docs/detect/quality.md}).
 *
 * <p>With IDF down-weighting, a pair on an object shared by {@code a} of the {@code A} accounts weighs
 * {@code ln((A + 1) / a)}, so raw weights grow with the size of the data. The weight thresholds are therefore
 * given in <b>rare co-shares</b>: one unit is {@code ln((A + 1) / 2)}, the weight of one pair on an object that
 * only those two accounts shared. {@code minWeight = 3} then means "at least as much evidence as three such
 * co-shares" on 20 thousand accounts as on 2 million. Without IDF a unit is one pair, as in CooRTweet.
 *
 * @param unit       the weight of one rare co-share (1 without IDF)
 * @param minWeight  absolute weight an edge must reach
 * @param minObjects distinct objects an edge must rest on
 * @param minMeanWeight the mean weight per pair an edge must reach (IDF only): {@code minRarity × unit}. A pair
 *                   on an object shared by {@code a} accounts has a mean of {@code unit × r} with
 *                   {@code r = ln((A+1)/a) / ln((A+1)/2)}; r ≥ 0.5 means {@code a ≤ √(2(A+1))} about: the
 *                   edge rests, on average, on objects that at most ≈ √(2A) accounts shared (200 of 20,000,
 *                   630 of 200,000), not on what everybody shares
 * @param quantile   keep only edges heavier than this quantile of all weights (NaN for none)
 */
record EdgeFilter(double unit, double minWeight, int minObjects, double minMeanWeight, double quantile) {

    static EdgeFilter of(DetectionSettings settings, TraceTable table) {
        double unit = settings.idf() ? rareShareWeight(table, settings.minParticipation()) : 1;
        double minMean = settings.idf() ? settings.minRarity() * unit : 0;
        return new EdgeFilter(unit, settings.minWeight() * unit, settings.minObjects(), minMean,
                settings.weightQuantile());
    }

    /** {@code ln((A + 1) / 2)}, A counted as {@link CoordinationNetwork} counts it for IDF (after participation). */
    static double rareShareWeight(TraceTable table, int minParticipation) {
        int[] traces = new int[table.accounts().size()];
        for (int r = 0; r < table.size(); r++) {
            traces[table.account(r)]++;
        }
        int accounts = 0;
        for (int t : traces) {
            if (t >= minParticipation) {
                accounts++;
            }
        }
        return Math.max(Math.log((accounts + 1) / 2.0), Double.MIN_NORMAL);
    }

    CoordinationNetwork apply(CoordinationNetwork network) {
        CoordinationNetwork kept = minWeight > 0 ? network.withMinWeight(minWeight) : network;
        if (minObjects > 1) {
            kept = kept.filter(e -> e.objects() >= minObjects);
        }
        if (minMeanWeight > 0) {
            kept = kept.filter(e -> e.weight() >= minMeanWeight * e.pairs());
        }
        if (Double.isNaN(quantile)) {
            return kept;
        }
        double q = network.weightQuantile(quantile); // of all the edges, as threshold() reports it
        return kept.filter(e -> e.weight() > q);
    }

    /** The weight an edge had to reach (CooRTweet's {@code weight_threshold}), 0 when none. */
    double threshold(CoordinationNetwork all) {
        double t = Double.isNaN(quantile) ? minWeight : Math.max(minWeight, all.weightQuantile(quantile));
        return Double.isNaN(t) ? 0 : t;
    }
}
