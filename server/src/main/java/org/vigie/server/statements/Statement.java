package org.vigie.server.statements;

import java.time.Instant;
import java.util.UUID;

/**
 * A public statement (V19 panel_statements): about one decision of a panel to inform the public.
 *
 * @param slug            its public address, /public/statements/{slug}; follows the English title until the notices go
 * @param approvedVersion the version the panel approved, while APPROVED and after
 * @param scheduledFor    when it is to be published; the notices go a lead time before
 */
public record Statement(UUID id, UUID decisionId, UUID referralId, UUID panelId, String slug, StatementStatus status, int currentVersion,
                        Integer approvedVersion, Instant scheduledFor, Instant noticesSentAt, Instant publishedAt, UUID createdBy,
                        Instant createdAt, Instant updatedAt) {
}
