package org.vigie.server.alerts.webhooks;

import java.net.URI;
import java.util.Objects;

/**
 * One webhook request to make: where, signed with which secret, and the exact bytes to send. The
 * body is bytes, not a tree, because the signature covers the bytes: the outbox stores them once and
 * every retry sends (and signs) the very same body.
 *
 * @param eventId   the idempotency key, sent as {@code X-Vigie-Delivery}; the same for every retry of
 *                  one notification to one subscription, so receivers can de-duplicate
 * @param eventType sent as {@code X-Vigie-Event}, e.g. {@code report.published}
 */
public record WebhookMessage(URI url, byte[] secret, String eventId, String eventType, byte[] body) {

    public WebhookMessage {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(body, "body");
        if (eventId.isBlank() || eventId.chars().anyMatch(c -> c < 0x21 || c > 0x7e)
                || eventType.isBlank() || eventType.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("eventId and eventType go into headers: visible ASCII only");
        }
    }

    /** host:port, the key of the per-receiver concurrency limit. */
    public String receiverKey() {
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return url.getHost().toLowerCase(java.util.Locale.ROOT) + ":" + port;
    }

    @Override
    public String toString() {
        // never the secret
        return "WebhookMessage[" + eventType + " " + eventId + " -> " + url + ", " + body.length + " bytes]";
    }
}
