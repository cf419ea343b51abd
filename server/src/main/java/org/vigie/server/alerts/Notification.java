package org.vigie.server.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.vigie.core.sharing.Tlp;

/**
 * One row of the outbox: an event (a stored report version) for one recipient on one channel.
 *
 * @param subjectId       the STIX id of the object the notification is about
 * @param subjectModified the version of it
 * @param tlp             the subject's marking, so that a channel can decide what it may carry
 * @param idempotencyKey  event id + recipient + channel: unique, and sent to receivers for de-duplication
 * @param recipientAccount the account it is for; null only for an e-mail to a point of contact (V15)
 * @param recipientContact the point of contact an e-mail is for (a person who is not an account), else null
 * @param recipientEmail   that point of contact's address when the notice was queued, else null
 */
public record Notification(UUID id, UUID eventId, UUID subscriptionId, UUID recipientAccount, AlertChannel channel,
                           String subjectId, Instant subjectModified, Tlp tlp, JsonNode payload, String idempotencyKey,
                           NotificationStatus status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                           Instant deliveredAt, Instant openedAt, Instant acknowledgedAt, UUID recipientContact,
                           String recipientEmail) {

    /** A notification for an account (every channel): no point of contact. */
    public Notification(UUID id, UUID eventId, UUID subscriptionId, UUID recipientAccount, AlertChannel channel, String subjectId,
                        Instant subjectModified, Tlp tlp, JsonNode payload, String idempotencyKey, NotificationStatus status,
                        int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant deliveredAt, Instant openedAt,
                        Instant acknowledgedAt) {
        this(id, eventId, subscriptionId, recipientAccount, channel, subjectId, subjectModified, tlp, payload, idempotencyKey, status,
                attempts, nextAttemptAt, lastError, createdAt, deliveredAt, openedAt, acknowledgedAt, null, null);
    }

    /** What the payload says this notification is about: "report" (a subscription matched), "victim-notice", "victim-reply". */
    public String kind() {
        return payload == null ? "report" : payload.path("kind").asText("report");
    }
}
