package org.vigie.core.alerts.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: exponential back-off ({@code initialDelay × 2^(n-1)}, capped at
 * {@code maxDelay}) with jitter, and a limit on attempts after which the delivery is dead (it goes to
 * the dead-letter list an administrator can replay).
 *
 * <p>Jitter: the delay of retry {@code n} is drawn uniformly in {@code [base × (1 - jitter), base]}.
 * Without it, every subscription that failed together (a receiver down for a minute) would retry in
 * the same second and knock the receiver over again; keeping the upper bound at {@code base} keeps the
 * schedule's worst case predictable.
 *
 * <p>Pure: the caller passes the attempt count, the instant of the failure and the random source, so
 * tests pin every value.
 *
 * @param initialDelay delay before the 2nd attempt (before jitter)
 * @param maxDelay     cap on any one delay
 * @param jitter       fraction of the delay that is random, in [0, 1]
 * @param maxAttempts  attempts in all, the first included; after the last failure the delivery is dead
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, double jitter, int maxAttempts) {

    /** 30 s, 1 min, 2 min … capped at 1 h, 10 attempts in all: about 5 hours of trying. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 0.5, 10);

    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("retry policy: need 0 < initialDelay <= maxDelay");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("retry policy: jitter must be in [0, 1], was " + jitter);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry policy: maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** What to do after a failed attempt. */
    public sealed interface Decision permits RetryAt, Dead {
    }

    /** Try again at {@code at}; it will be attempt number {@code attempt}. */
    public record RetryAt(Instant at, int attempt) implements Decision {
    }

    /** No more attempts: to the dead-letter list. */
    public record Dead(int attempts) implements Decision {
    }

    /**
     * @param failedAttempts attempts made so far, all failed (1 after the first failure)
     * @param failedAt       when the last attempt failed
     */
    public Decision afterFailure(int failedAttempts, Instant failedAt, RandomGenerator random) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("afterFailure counts the failed attempts, at least 1, was " + failedAttempts);
        }
        if (failedAttempts >= maxAttempts) {
            return new Dead(failedAttempts);
        }
        Duration upper = baseDelay(failedAttempts);
        long upperMillis = upper.toMillis();
        long lowerMillis = minDelay(failedAttempts).toMillis();
        long delay = lowerMillis == upperMillis ? upperMillis : random.nextLong(lowerMillis, upperMillis + 1);
        return new RetryAt(failedAt.plusMillis(delay), failedAttempts + 1);
    }

    /** The delay after the {@code failedAttempts}-th failure without jitter: the upper bound. */
    public Duration baseDelay(int failedAttempts) {
        int doublings = Math.min(failedAttempts - 1, 62);
        long millis = initialDelay.toMillis();
        long cap = maxDelay.toMillis();
        for (int i = 0; i < doublings && millis < cap; i++) {
            millis = millis > cap / 2 ? cap : millis * 2;
        }
        return Duration.ofMillis(Math.min(millis, cap));
    }

    /** The shortest delay jitter may give after the {@code failedAttempts}-th failure. */
    public Duration minDelay(int failedAttempts) {
        long upper = baseDelay(failedAttempts).toMillis();
        return Duration.ofMillis(upper - (long) Math.floor(upper * jitter));
    }
}
