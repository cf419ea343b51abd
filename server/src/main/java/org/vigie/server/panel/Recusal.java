package org.vigie.server.panel;

import java.time.Instant;
import java.util.UUID;

/**
 * A member who does not take part in a referral, and why: an interest they declared or their own
 * organisation ({@code organisationId} set, recorded automatically), or their own choice
 * ({@code organisationId} null). Recusals are never removed.
 */
public record Recusal(UUID referralId, UUID accountId, String username, UUID organisationId, String reason, Instant recordedAt) {

    public boolean automatic() {
        return organisationId != null;
    }
}
