package org.vigie.detect.neardup;

/**
 * Parameters of near-duplicate text detection. See {@link NearDuplicateDetector} for the S-curve.
 *
 * @param shingleLength characters per shingle (k), on {@code TextNormalizer}'s normalised text
 * @param threshold Jaccard similarity of shingle sets at or above which two texts are near-duplicates
 * @param bands LSH bands (b)
 * @param rows MinHash values per band (r); {@code bands * rows} is the signature length; must be 4
 *        (a band is packed exactly into one 64-bit key of four 16-bit values)
 * @param minLength normalised texts shorter than this (in characters) are ignored
 * @param maxBucketProbes in a band bucket, a new text is compared with at most this many of the most
 *        recent earlier members (the giant-bucket guard)
 * @param exactMaxLength candidate pairs whose two texts both have at most this many characters are
 *        verified by exact Jaccard on shingle sets; longer ones by the MinHash estimate
 * @param seed seed of all hash functions; the same seed and input give the same clusters
 */
public record NearDupParams(int shingleLength, double threshold, int bands, int rows, int minLength,
        int maxBucketProbes, int exactMaxLength, long seed) {

    public static final int DEFAULT_SHINGLE_LENGTH = 5;
    public static final double DEFAULT_THRESHOLD = 0.8;
    public static final int DEFAULT_BANDS = 16;
    public static final int DEFAULT_ROWS = 4;
    public static final int DEFAULT_MIN_LENGTH = 20;
    public static final int DEFAULT_MAX_BUCKET_PROBES = 32;
    public static final int DEFAULT_EXACT_MAX_LENGTH = 320;
    public static final long DEFAULT_SEED = 0x5EED_7E47_0000_0001L;

    public NearDupParams {
        if (shingleLength < 1) {
            throw new IllegalArgumentException("shingle length must be ≥ 1");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1]");
        }
        if (bands < 1 || bands > 64) {
            throw new IllegalArgumentException("bands must be in 1..64");
        }
        if (rows != 4) {
            throw new IllegalArgumentException("rows must be 4 (one 64-bit band key)");
        }
        if (minLength < shingleLength) {
            throw new IllegalArgumentException("minimum length must be ≥ the shingle length");
        }
        if (maxBucketProbes < 1) {
            throw new IllegalArgumentException("max bucket probes must be ≥ 1");
        }
    }

    public static NearDupParams defaults() {
        return new NearDupParams(DEFAULT_SHINGLE_LENGTH, DEFAULT_THRESHOLD, DEFAULT_BANDS, DEFAULT_ROWS,
                DEFAULT_MIN_LENGTH, DEFAULT_MAX_BUCKET_PROBES, DEFAULT_EXACT_MAX_LENGTH, DEFAULT_SEED);
    }

    public NearDupParams withThreshold(double t) {
        return new NearDupParams(shingleLength, t, bands, rows, minLength, maxBucketProbes, exactMaxLength, seed);
    }

    public NearDupParams withSeed(long s) {
        return new NearDupParams(shingleLength, threshold, bands, rows, minLength, maxBucketProbes, exactMaxLength, s);
    }

    public NearDupParams withExactMaxLength(int n) {
        return new NearDupParams(shingleLength, threshold, bands, rows, minLength, maxBucketProbes, n, seed);
    }

    /** Signature length n = b·r. */
    public int signatureLength() {
        return bands * rows;
    }

    /** Probability that LSH makes a pair of Jaccard {@code s} a candidate: 1 − (1 − s^r)^b. */
    public double candidateProbability(double s) {
        return 1 - Math.pow(1 - Math.pow(s, rows), bands);
    }
}
