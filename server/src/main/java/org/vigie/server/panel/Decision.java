package org.vigie.server.panel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vigie.core.panel.DecisionRule;
import org.vigie.core.panel.Outcome;
import org.vigie.core.panel.Position;

/**
 * A decision as recorded, never changed: the rule applied, who was eligible and who recused, every
 * counted position, the dissent (with each dissenter's rationale), the responses decided and why.
 * A correction is another decision naming the one it corrects; the latest stands.
 */
public record Decision(UUID id, UUID referralId, Outcome outcome, DecisionRule rule, List<UUID> eligible, List<UUID> recused,
                       Map<UUID, Position> positions, List<Dissent> dissent, List<Assessment.ResponseChoice> responseOptions,
                       String rationale, UUID recordedBy, Instant decidedAt, UUID corrects, String correctionReason) {

    /** A member whose position differs from the outcome, and their rationale at the time. */
    public record Dissent(UUID account, Position position, String rationale) {
    }

    public Decision {
        eligible = List.copyOf(eligible);
        recused = List.copyOf(recused);
        positions = Map.copyOf(positions);
        dissent = List.copyOf(dissent);
        responseOptions = List.copyOf(responseOptions);
    }

    public boolean correction() {
        return corrects != null;
    }

    public boolean announce() {
        return outcome == Outcome.PUBLIC_ANNOUNCEMENT;
    }
}
