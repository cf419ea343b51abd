package org.vigie.server.alerts.webhooks;

import java.time.Duration;
import java.util.Optional;

/**
 * The result of one delivery attempt.
 *
 * @param status          the HTTP status, or 0 when no response came (timeout, refused connection,
 *                        refused target)
 * @param responseExcerpt the start of the response body (at most {@link WebhookSender#KEPT_RESPONSE_BYTES}),
 *                        or the error text; kept for the dead-letter list
 * @param retryAfter      the receiver's {@code Retry-After} in seconds, when it sent one (429, 503);
 *                        the worker should not retry earlier
 */
public record Delivery(Outcome outcome, int status, String responseExcerpt, Duration elapsed, Optional<Duration> retryAfter) {

    public enum Outcome {
        /** 2xx: done. */
        DELIVERED,
        /** 5xx, 408, 429, timeout, connection refused or reset, host not resolving: try again per the retry policy. */
        TRANSIENT,
        /**
         * Other 4xx (400, 401, 403, 404 …) and 3xx (redirects are not followed): the receiver refused
         * this request. The attempt counts against the retry policy — a wrong secret or path is often
         * fixed within hours — and the delivery is dead when the attempts run out.
         */
        REJECTED,
        /** 410 Gone: the receiver says the hook no longer exists. Dead now, no more attempts. */
        GONE,
        /** The target failed the SSRF check at delivery time (e.g. DNS now points inside). Dead now. */
        REFUSED_TARGET
    }

    /** Whether the delivery is done. */
    public boolean delivered() {
        return outcome == Outcome.DELIVERED;
    }

    /** Whether the worker should ask the retry policy for another attempt. */
    public boolean retryable() {
        return outcome == Outcome.TRANSIENT || outcome == Outcome.REJECTED;
    }

    /** Whether the delivery goes to the dead-letter list at once, whatever attempts remain. */
    public boolean deadNow() {
        return outcome == Outcome.GONE || outcome == Outcome.REFUSED_TARGET;
    }
}
