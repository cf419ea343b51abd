package org.vigie.detect.pipeline;

import java.util.EnumSet;
import java.util.Set;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.neardup.NearDupParams;

/**
 * What a detection run looks for and how strict it is. {@link #defaults()} are the settings the quality
 * figures in {@code docs/detect/} are measured with.
 *
 * @param types               co-action types to pair on
 * @param windowSeconds       pairing window {@code |Δt| <= window}, or {@link #AUTO_WINDOW} to estimate it from
 *                            the data as CooRnet does
 * @param fastWindowSeconds   a narrower window for the "fast" sub-network, 0 for none
 * @param minParticipation    accounts with fewer traces are left out before pairing
 * @param minWeight           edges lighter than this are dropped (0 keeps all); with {@code idf} in rare co-shares
 *                            (one unit = the IDF weight of a pair on an object only the two accounts shared,
 *                            {@code ln((A+1)/2)}), without it in pairs
 * @param weightQuantile      keep only edges strictly heavier than this quantile of the weights (R type 7; NaN
 *                            for none; 0.5 is CooRTweet's median threshold)
 * @param idf                 down-weight pairs on popular objects (ln((A+1)/a_o)) so viral content does not
 *                            connect everyone
 * @param nearDuplicateThreshold Jaccard similarity of character shingles above which two texts are near
 *                            duplicates
 * @param minGroupSize        smallest group reported
 * @param coortweetCompat     reproduce CooRTweet's detect_groups + generate_coordinated_network exactly (co-repost
 *                            on raw ids, its participation rule and median edge threshold); other filters unused
 * @param minObjects          edges whose two accounts co-shared fewer distinct objects are dropped (1 keeps all)
 * @param minRarity           with IDF, edges whose mean weight per pair is below this share of a rare co-share's
 *                            weight are dropped: they rest on popular objects (0 keeps all; see EdgeFilter)
 */
public record DetectionSettings(Set<CoActionType> types, long windowSeconds, long fastWindowSeconds,
        int minParticipation, double minWeight, double weightQuantile, boolean idf, double nearDuplicateThreshold,
        int minGroupSize, boolean coortweetCompat, int minObjects, double minRarity) {

    public static final long AUTO_WINDOW = -1;

    /** The settings without {@code minObjects} and {@code minRarity} (no minimum), as before they existed. */
    public DetectionSettings(Set<CoActionType> types, long windowSeconds, long fastWindowSeconds,
            int minParticipation, double minWeight, double weightQuantile, boolean idf, double nearDuplicateThreshold,
            int minGroupSize, boolean coortweetCompat) {
        this(types, windowSeconds, fastWindowSeconds, minParticipation, minWeight, weightQuantile, idf,
                nearDuplicateThreshold, minGroupSize, coortweetCompat, 1, 0);
    }

    public DetectionSettings {
        if (types == null || types.isEmpty()) {
            throw new IllegalArgumentException("types: name at least one co-action type");
        }
        types = Set.copyOf(EnumSet.copyOf(types));
        if (windowSeconds < 0 && windowSeconds != AUTO_WINDOW) {
            throw new IllegalArgumentException("window: seconds >= 0 or auto, was " + windowSeconds);
        }
        if (fastWindowSeconds < 0) {
            throw new IllegalArgumentException("fast window: seconds >= 0, was " + fastWindowSeconds);
        }
        if (minParticipation < 1) {
            throw new IllegalArgumentException("min participation: at least 1, was " + minParticipation);
        }
        if (minWeight < 0 || Double.isNaN(minWeight)) {
            throw new IllegalArgumentException("min weight: >= 0, was " + minWeight);
        }
        if (!Double.isNaN(weightQuantile) && (weightQuantile < 0 || weightQuantile >= 1)) {
            throw new IllegalArgumentException("weight quantile: in [0, 1), was " + weightQuantile);
        }
        if (!(nearDuplicateThreshold > 0 && nearDuplicateThreshold <= 1)) {
            throw new IllegalArgumentException("near-duplicate threshold: in (0, 1], was " + nearDuplicateThreshold);
        }
        if (minGroupSize < 2) {
            throw new IllegalArgumentException("min group size: at least 2, was " + minGroupSize);
        }
        if (minObjects < 1) {
            throw new IllegalArgumentException("min objects: at least 1, was " + minObjects);
        }
        if (!(minRarity >= 0 && minRarity <= 1)) {
            throw new IllegalArgumentException("min rarity: in [0, 1], was " + minRarity);
        }
    }

    /**
     * Every co-action type except co-domain (a whole domain is too coarse to mean coordination by default) and
     * exact co-text: near-duplicate text clusters already hold every exact copy (Jaccard 1) of texts of 20
     * characters or more, so with both an exact copy would count twice. Ask for co-text explicitly for
     * shorter texts or CooRnet-style exact matching.
     */
    public static Set<CoActionType> defaultTypes() {
        return EnumSet.complementOf(EnumSet.of(CoActionType.CO_DOMAIN, CoActionType.CO_TEXT));
    }

    /**
     * The settings the quality figures are measured with ({@code docs/detect/quality.md}): default types, a
     * 120 s window, accounts with at least 2 traces, IDF down-weighting, and edges kept when they rest on at
     * least 2 distinct objects, weigh at least 3 rare co-shares and have a mean weight per pair of at least
     * half a rare co-share (see {@code EdgeFilter}); groups of at least 3 accounts, each tied to two others.
     */
    public static DetectionSettings defaults() {
        return new DetectionSettings(defaultTypes(), 120, 0, 2, 3, Double.NaN, true,
                NearDupParams.DEFAULT_THRESHOLD, 3, false, 2, 0.5);
    }

    /** CooRTweet's semantics on co-repost with its window and minimum participation (see the README). */
    public static DetectionSettings coortweet(long windowSeconds, int minParticipation) {
        return new DetectionSettings(EnumSet.of(CoActionType.CO_REPOST), windowSeconds, 0, minParticipation, 0, 0.5,
                false, NearDupParams.DEFAULT_THRESHOLD, 2, true);
    }

    public boolean autoWindow() {
        return windowSeconds == AUTO_WINDOW;
    }

    public DetectionSettings withTypes(Set<CoActionType> t) {
        return new DetectionSettings(t, windowSeconds, fastWindowSeconds, minParticipation, minWeight, weightQuantile,
                idf, nearDuplicateThreshold, minGroupSize, coortweetCompat, minObjects, minRarity);
    }

    public DetectionSettings withWindow(long seconds) {
        return new DetectionSettings(types, seconds, fastWindowSeconds, minParticipation, minWeight, weightQuantile,
                idf, nearDuplicateThreshold, minGroupSize, coortweetCompat, minObjects, minRarity);
    }

    public DetectionSettings withFastWindow(long seconds) {
        return new DetectionSettings(types, windowSeconds, seconds, minParticipation, minWeight, weightQuantile,
                idf, nearDuplicateThreshold, minGroupSize, coortweetCompat, minObjects, minRarity);
    }

    public DetectionSettings withMinParticipation(int m) {
        return new DetectionSettings(types, windowSeconds, fastWindowSeconds, m, minWeight, weightQuantile,
                idf, nearDuplicateThreshold, minGroupSize, coortweetCompat, minObjects, minRarity);
    }

    public DetectionSettings withMinWeight(double w) {
        return new DetectionSettings(types, windowSeconds, fastWindowSeconds, minParticipation, w, weightQuantile,
                idf, nearDuplicateThreshold, minGroupSize, coortweetCompat, minObjects, minRarity);
    }

    public DetectionSettings withWeightQuantile(double q) {
        return new DetectionSettings(types, windowSeconds, fastWindowSeconds, minParticipation, minWeight, q,
                idf, nearDuplicateThreshold, minGroupSize, coortweetCompat, minObjects, minRarity);
    }

    public DetectionSettings withIdf(boolean on) {
        return new DetectionSettings(types, windowSeconds, fastWindowSeconds, minParticipation, minWeight,
                weightQuantile, on, nearDuplicateThreshold, minGroupSize, coortweetCompat, minObjects, minRarity);
    }

    public DetectionSettings withNearDuplicateThreshold(double t) {
        return new DetectionSettings(types, windowSeconds, fastWindowSeconds, minParticipation, minWeight,
                weightQuantile, idf, t, minGroupSize, coortweetCompat, minObjects, minRarity);
    }

    public DetectionSettings withMinGroupSize(int n) {
        return new DetectionSettings(types, windowSeconds, fastWindowSeconds, minParticipation, minWeight,
                weightQuantile, idf, nearDuplicateThreshold, n, coortweetCompat, minObjects, minRarity);
    }

    public DetectionSettings withMinObjects(int n) {
        return new DetectionSettings(types, windowSeconds, fastWindowSeconds, minParticipation, minWeight,
                weightQuantile, idf, nearDuplicateThreshold, minGroupSize, coortweetCompat, n, minRarity);
    }

    public DetectionSettings withMinRarity(double r) {
        return new DetectionSettings(types, windowSeconds, fastWindowSeconds, minParticipation, minWeight,
                weightQuantile, idf, nearDuplicateThreshold, minGroupSize, coortweetCompat, minObjects, r);
    }
}
