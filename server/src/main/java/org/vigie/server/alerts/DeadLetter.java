package org.vigie.server.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * A dead notification as the dead-letter list shows it: never the payload, never a secret.
 *
 * @param recipient     the recipient's username
 * @param lastAttemptAt when the last attempt failed
 * @param webhookUrl    the endpoint, for a webhook notification of a subscription that still exists
 */
public record DeadLetter(UUID id, UUID eventId, UUID subscriptionId, String subscriptionName, UUID recipientAccount, String recipient,
                         AlertChannel channel, String subjectId, String tlp, int attempts, String lastError, Instant createdAt,
                         Instant lastAttemptAt, String webhookUrl) {
}
