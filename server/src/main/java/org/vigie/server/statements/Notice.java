package org.vigie.server.statements;

import java.time.Instant;
import java.util.UUID;

/**
 * One notice row (V19 panel_notices) with its notification's delivery: who (an account, or a point of
 * contact's address), which organisation, which batch, when sent, delivered, opened and acknowledged.
 */
public record Notice(UUID id, UUID batchId, NoticeKind kind, UUID organisationId, String organisationName, UUID notificationId,
                     String channel, UUID recipientAccount, String recipient, Instant sentAt, Instant deliveredAt, Instant openedAt,
                     Instant acknowledgedAt) {
}
