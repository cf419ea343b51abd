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
 */
public record Notification(UUID id, UUID eventId, UUID subscriptionId, UUID recipientAccount, AlertChannel channel,
                           String subjectId, Instant subjectModified, Tlp tlp, JsonNode payload, String idempotencyKey,
                           NotificationStatus status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                           Instant deliveredAt, Instant openedAt, Instant acknowledgedAt) {
}
