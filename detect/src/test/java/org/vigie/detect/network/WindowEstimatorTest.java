package org.vigie.detect.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigie.detect.coaction.CoActionType;

class WindowEstimatorTest {

    private static TraceTable table() {
        TraceTable t = new TraceTable();
        long[][] objects = {
                {0, 1, 10, 20},  // A: d2 = 1;   n = 4, first r with r/4 > 0.5 is 3 -> delay 10
                {0, 2, 4},       // B: d2 = 2;   n = 3, r = 2 -> delay 2
                {0, 100, 200},   // C: d2 = 100; r = 2 -> delay 100
                {50, 0},         // D: d2 = 50;  n = 2, r = 2 -> delay 50 (unsorted input)
                {7},             // E: one share, ignored
        };
        int post = 0;
        for (int o = 0; o < objects.length; o++) {
            for (long time : objects[o]) {
                t.add("acc" + post, "obj" + o, 1_000 + time, "post" + post, CoActionType.CO_LINK);
                post++;
            }
        }
        return t;
    }

    @Test
    void medianDelayToPassHalfTheSharesOverTheObjectsWithTheFastestSecondShare() {
        // d2 sorted 1, 2, 50, 100. q = 0.5: quantile 2 + 0.5 * 48 = 26 -> fast A, B -> median(10, 2) = 6
        assertThat(WindowEstimator.estimate(table(), 0.5, 0.5)).isEqualTo(6.0);
        // q = 0.1: quantile 1 + 0.3 * 1 = 1.3 -> fast A only -> 10
        assertThat(WindowEstimator.estimate(table(), 0.1, 0.5)).isEqualTo(10.0);
        assertThat(WindowEstimator.estimateSeconds(table())).isEqualTo(10);
        // q = 1: all four -> median(2, 10, 50, 100) = 30
        assertThat(WindowEstimator.estimate(table(), 1, 0.5)).isEqualTo(30.0);
    }

    @Test
    void noObjectSharedTwiceGivesNoEstimate() {
        TraceTable t = new TraceTable();
        t.add("a", "o1", 0, "p1", CoActionType.CO_LINK);
        assertThat(WindowEstimator.estimate(t, 0.1, 0.5)).isNaN();
        assertThat(WindowEstimator.estimateSeconds(t)).isEqualTo(-1);
    }
}
