package org.vigie.detect.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Ranks 0..n-1 with P(rank k) proportional to 1/(k+1)^s, by inverse CDF over a precomputed table. */
final class Zipf {
    private final double[] cumulative;

    Zipf(int n, double exponent) {
        if (n < 1) {
            throw new IllegalArgumentException("n < 1");
        }
        cumulative = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += Math.pow(k + 1, -exponent);
            cumulative[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            cumulative[k] /= sum;
        }
        cumulative[n - 1] = 1.0;
    }

    int sample(SplittableRandom rng) {
        int i = Arrays.binarySearch(cumulative, rng.nextDouble());
        return i >= 0 ? i : -i - 1;
    }

    /** The probability of rank k. */
    double probability(int k) {
        return k == 0 ? cumulative[0] : cumulative[k] - cumulative[k - 1];
    }
}
