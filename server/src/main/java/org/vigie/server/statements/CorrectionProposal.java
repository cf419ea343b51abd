package org.vigie.server.statements;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A correction a member proposed to a published statement, and the members who approved it. It is
 * published (a {@link Correction}) once the panel's rule is met; {@code correctionId} is then set.
 */
public record CorrectionProposal(UUID id, String textFr, String textEn, UUID proposedBy, String proposedByName, Instant proposedAt,
                                 UUID correctionId, List<UUID> approvers) {

    public CorrectionProposal {
        approvers = List.copyOf(approvers);
    }

    public boolean published() {
        return correctionId != null;
    }
}
