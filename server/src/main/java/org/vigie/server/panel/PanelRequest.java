package org.vigie.server.panel;

import java.util.UUID;
import org.vigie.core.panel.DecisionRule;

/**
 * A new panel, or the new values of one. {@code rule} defaults to CONSENSUS; {@code quorum} only with
 * QUORUM.
 */
public record PanelRequest(String name, UUID electionId, String mandateFr, String mandateEn, DecisionRule.Kind rule, Integer quorum) {

    public static PanelRequest consensus(String name, UUID electionId) {
        return new PanelRequest(name, electionId, "", "", DecisionRule.Kind.CONSENSUS, null);
    }
}
