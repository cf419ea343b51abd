package org.vigie.server.panel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vigie.core.panel.Criterion;
import org.vigie.core.panel.Position;
import org.vigie.core.panel.Rating;
import org.vigie.core.panel.ResponseOption;

/**
 * One revision of a member's assessment of a referral. Revisions are new rows; the latest counts.
 *
 * @param supersedes the revision this one replaces, or null for the first
 */
public record Assessment(UUID id, UUID referralId, UUID accountId, String username, List<CriterionAnswer> criteria,
                         List<ResponseChoice> responseOptions, Position position, String rationale, Instant recordedAt, UUID supersedes) {

    /** One line of the checklist: how strongly the criterion applies and why. */
    public record CriterionAnswer(Criterion criterion, Rating rating, String justification) {
    }

    /** A response short of (or beside) an announcement, with a note on how. */
    public record ResponseChoice(ResponseOption option, String note) {
    }

    public Assessment {
        criteria = List.copyOf(criteria);
        responseOptions = List.copyOf(responseOptions);
    }
}
