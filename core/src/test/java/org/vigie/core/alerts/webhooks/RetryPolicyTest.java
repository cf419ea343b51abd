package org.vigie.core.alerts.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-24T03:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), 0.5, 6);

    @Test
    void doublesTheDelayUpToTheCap() {
        assertThat(policy.baseDelay(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.baseDelay(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.baseDelay(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.baseDelay(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(policy.baseDelay(6)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.baseDelay(1_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void jitterStaysWithinItsBoundsAndIsNotConstant() {
        SplittableRandom random = new SplittableRandom(42);
        long distinct = java.util.stream.IntStream.range(0, 200).mapToObj(i -> {
            RetryPolicy.Decision d = policy.afterFailure(3, T0, random);
            assertThat(d).isInstanceOf(RetryPolicy.RetryAt.class);
            RetryPolicy.RetryAt at = (RetryPolicy.RetryAt) d;
            assertThat(at.attempt()).isEqualTo(4);
            assertThat(at.at()).isBetween(T0.plusSeconds(20), T0.plusSeconds(40));
            return at.at();
        }).distinct().count();
        assertThat(distinct).isGreaterThan(50);
    }

    @Test
    void withoutJitterTheScheduleIsExact() {
        RetryPolicy exact = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), 0, 10);
        assertThat(exact.afterFailure(1, T0, new SplittableRandom(1))).isEqualTo(new RetryPolicy.RetryAt(T0.plusSeconds(1), 2));
        assertThat(exact.afterFailure(4, T0, new SplittableRandom(1))).isEqualTo(new RetryPolicy.RetryAt(T0.plusSeconds(8), 5));
        assertThat(exact.afterFailure(9, T0, new SplittableRandom(1))).isEqualTo(new RetryPolicy.RetryAt(T0.plusSeconds(8), 10));
    }

    @Test
    void isDeadAfterTheLastAttempt() {
        assertThat(policy.afterFailure(5, T0, new SplittableRandom(1))).isInstanceOf(RetryPolicy.RetryAt.class);
        assertThat(policy.afterFailure(6, T0, new SplittableRandom(1))).isEqualTo(new RetryPolicy.Dead(6));
        RetryPolicy once = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 1);
        assertThat(once.afterFailure(1, T0, new SplittableRandom(1))).isEqualTo(new RetryPolicy.Dead(1));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 0, 3)).hasMessageContaining("initialDelay");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 0, 3)).hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5, 3)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> policy.afterFailure(0, T0, new SplittableRandom(1))).hasMessageContaining("at least 1");
    }

    @Test
    void theDefaultTriesForHoursNotForever() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        Duration total = Duration.ZERO;
        for (int n = 1; n < p.maxAttempts(); n++) {
            total = total.plus(p.baseDelay(n));
        }
        assertThat(total).isBetween(Duration.ofHours(2), Duration.ofHours(12));
    }
}
