package org.vigie.detect.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuantilesTest {
    @Test
    void matchesRType7() {
        // values checked against R's quantile() definition by hand
        assertThat(Quantiles.type7(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
        assertThat(Quantiles.type7(new double[] {1, 1, 2, 4}, 0.5)).isEqualTo(1.5);
        assertThat(Quantiles.type7(new double[] {1, 2}, 0.1)).isCloseTo(1.1, within(1e-12));
        assertThat(Quantiles.type7(new double[] {5}, 0.3)).isEqualTo(5);
        assertThat(Quantiles.type7(new double[] {1, 2, 3}, 0)).isEqualTo(1);
        assertThat(Quantiles.type7(new double[] {1, 2, 3}, 1)).isEqualTo(3);
        assertThat(Quantiles.type7(new double[] {1, 2, 3, 10, 20}, 0.9)).isCloseTo(16, within(1e-12));
        assertThat(Quantiles.type7(new double[0], 0.5)).isNaN();
    }
}
