package org.vigie.server.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.vigie.core.alerts.webhooks.RetryPolicy;

/**
 * {@code vigie.alerts.*}: delivery of the outbox.
 *
 * @param publicUrl   the address people open Vigie at, for links in e-mails
 * @param mailFrom    the sender address of alert e-mails
 * @param maxAttempts attempts before a notification is dead (dead-letter list)
 * @param backoffBase the wait after the first failure; doubled after each further one
 * @param backoffMax  the longest wait between attempts
 * @param lease       how long a claimed notification is held by one worker; if the process dies while
 *                    delivering, the notification is due again after this
 * @param batch       notifications claimed per round
 */
@ConfigurationProperties("vigie.alerts")
public record AlertProperties(String publicUrl, String mailFrom, int maxAttempts, Duration backoffBase, Duration backoffMax,
                              Duration lease, int batch) {

    public AlertProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "vigie@localhost" : mailFrom;
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        backoffBase = backoffBase == null ? Duration.ofSeconds(30) : backoffBase;
        backoffMax = backoffMax == null ? Duration.ofHours(1) : backoffMax;
        lease = lease == null ? Duration.ofMinutes(5) : lease;
        batch = batch <= 0 ? 100 : batch;
    }

    /**
     * The retry schedule of every channel: {@link #backoff} with a quarter of each wait drawn at random
     * (so that what failed together does not all come back in the same second), and dead after
     * {@link #maxAttempts}.
     */
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(backoffBase, backoffMax, 0.25, maxAttempts);
    }

    /** The wait after the {@code attempts}-th failed attempt: base × 2^(attempts−1), at most the maximum. */
    public Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration wait = backoffBase.multipliedBy(1L << doublings);
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }
}
