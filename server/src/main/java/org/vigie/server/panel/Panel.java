package org.vigie.server.panel;

import java.time.Instant;
import java.util.UUID;
import org.vigie.core.panel.DecisionRule;

/**
 * A panel: for one election, or standing ({@code electionId} null). Its mandate in both languages is
 * public (the methodology page); its rule decides referrals and, for part B, approves statements.
 */
public record Panel(UUID id, String name, UUID electionId, String mandateFr, String mandateEn, DecisionRule rule, boolean active,
                    UUID createdBy, Instant createdAt, Instant updatedAt) {

    public boolean standing() {
        return electionId == null;
    }
}
