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
 * @param minWeight           edges lighter than this are dropped (0 keeps all)
 * @param weightQuantile      keep only edges strictly heavier than this quantile of the weights (R type 7; NaN
 *                            for none; 0.5 is CooRTweet's median threshold)
 * @param idf                 down-weight pairs on popular objects (ln((A+1)/a_o)) so viral content does not
 *                            connect everyone
 * @param nearDuplicateThreshold Jaccard similarity of character shingles above which two texts are near
 *                            duplicates
 * @param minGroupSize        smallest group reported
 * @param coortweetCompat     reproduce CooRTweet's detect_groups + generate_coordinated_network exactly (co-repost
 *                            on raw ids, its participation rule and median edge threshold); other filters unused
 */
public record DetectionSettings(Set<CoActionType> types, long windowSeconds, long fastWindowSeconds,
        int minParticipation, double minWeight, double weightQuantile, boolean idf, double nearDuplicateThreshold,
        int minGroupSize, boolean coortweetCompat) {

    public static final long AUTO_WINDOW = -1;

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
    }

    /** Every co-action type except co-domain (a whole domain is too coarse to mean coordination by default). */
    public static Set<CoActionType> defaultTypes() {
        return EnumSet.complementOf(EnumSet.of(CoActionType.CO_DOMAIN));
    }

    public static DetectionSettings defaults() {
        return new DetectionSettings(defaultTypes(), 60, 0, 2, 2, Double.NaN, true,
                NearDupParams.DEFAULT_THRESHOLD, 3, false);
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
                idf, nearDuplicateThreshold, minGroupSize, coortweetCompat);
    }

    public DetectionSettings withWindow(long seconds) {
        return new DetectionSettings(types, seconds, fastWindowSeconds, minParticipation, minWeight, weightQuantile,
                idf, nearDuplicateThreshold, minGroupSize, coortweetCompat);
    }

    public DetectionSettings withFastWindow(long seconds) {
        return new DetectionSettings(types, windowSeconds, seconds, minParticipation, minWeight, weightQuantile,
                idf, nearDuplicateThreshold, minGroupSize, coortweetCompat);
    }

    public DetectionSettings withMinParticipation(int m) {
        return new DetectionSettings(types, windowSeconds, fastWindowSeconds, m, minWeight, weightQuantile,
                idf, nearDuplicateThreshold, minGroupSize, coortweetCompat);
    }

    public DetectionSettings withMinWeight(double w) {
        return new DetectionSettings(types, windowSeconds, fastWindowSeconds, minParticipation, w, weightQuantile,
                idf, nearDuplicateThreshold, minGroupSize, coortweetCompat);
    }

    public DetectionSettings withWeightQuantile(double q) {
        return new DetectionSettings(types, windowSeconds, fastWindowSeconds, minParticipation, minWeight, q,
                idf, nearDuplicateThreshold, minGroupSize, coortweetCompat);
    }

    public DetectionSettings withIdf(boolean on) {
        return new DetectionSettings(types, windowSeconds, fastWindowSeconds, minParticipation, minWeight,
                weightQuantile, on, nearDuplicateThreshold, minGroupSize, coortweetCompat);
    }

    public DetectionSettings withNearDuplicateThreshold(double t) {
        return new DetectionSettings(types, windowSeconds, fastWindowSeconds, minParticipation, minWeight,
                weightQuantile, idf, t, minGroupSize, coortweetCompat);
    }

    public DetectionSettings withMinGroupSize(int n) {
        return new DetectionSettings(types, windowSeconds, fastWindowSeconds, minParticipation, minWeight,
                weightQuantile, idf, nearDuplicateThreshold, n, coortweetCompat);
    }
}
