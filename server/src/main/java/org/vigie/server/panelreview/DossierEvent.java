package org.vigie.server.panelreview;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * One dated entry of the dossier: what happened, when, to which referral, by whom.
 *
 * @param actor         the person who acted, "display name (username)" so that two people of the same name
 *                      stay apart; null for what the platform did (a notice, a publication)
 * @param referralTitle the title of the referral it belongs to, so an entry reads on its own
 */
public record DossierEvent(Instant at, Kind kind, UUID referralId, String referralTitle, String actor, Detail detail) {

    /** In the order entries of the same instant are listed: a notice always before its publication. */
    public enum Kind {
        REFERRAL, REFERRAL_WITHDRAWN, RECUSAL, ASSESSMENT, DECISION, STATEMENT_VERSION, STATEMENT_APPROVAL, NOTICE, PUBLICATION,
        STATEMENT_WITHDRAWN, STATEMENT_CORRECTION
    }

    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** The timestamp as the dossier prints it, to the second, in UTC whatever the reader's zone. */
    public String time() {
        return UTC.format(at);
    }

    /** What each kind of entry carries. */
    public sealed interface Detail {
    }

    /** A subject as the reader may see it: its title, or only its id when it is restricted to them. */
    public record SubjectLine(String id, String type, String title) {

        public boolean restricted() {
            return title == null;
        }
    }

    /** @param organisation the referring analyst's organisation, when recorded */
    public record Referral(String panel, String kind, String title, String coverNote, String organisation, List<SubjectLine> subjects)
            implements Detail {
    }

    public record ReferralWithdrawn() implements Detail {
    }

    /** @param organisation the declared interest that recused the member; null when they recused themselves */
    public record Recusal(String organisation, String reason) implements Detail {

        public boolean self() {
            return organisation == null;
        }
    }

    public record CriterionAnswer(String criterion, String rating, String justification) {
    }

    public record OptionNote(String option, String note) {
    }

    /** @param revision 1 for a member's first assessment of the referral, 2 for their first revision, ... */
    public record Assessment(int revision, List<CriterionAnswer> criteria, List<OptionNote> responseOptions, String position,
                             String rationale) implements Detail {
    }

    public record MemberPosition(String member, String position) {
    }

    public record Dissent(String member, String position, String rationale) {
    }

    /**
     * @param corrects         the decision this one corrects, or null for a first decision
     * @param correctionReason why, for a correction
     */
    public record Decision(UUID id, String outcome, String rule, Integer quorum, List<MemberPosition> positions, List<String> recused,
                           List<Dissent> dissent, List<OptionNote> responseOptions, String rationale, UUID corrects, String correctionReason)
            implements Detail {

        public boolean correction() {
            return corrects != null;
        }
    }

    public record StatementVersion(String slug, int version, String titleFr, String titleEn, String incidentType, String cyclePhase)
            implements Detail {
    }

    public record StatementApproval(String slug, int version) implements Detail {
    }

    /** @param deliveryStatus the notification's status (PENDING, DELIVERED, FAILED, DEAD) when this dossier was generated */
    public record Notice(String slug, String kind, String organisation, UUID batch, String channel, String deliveryStatus,
                         Instant deliveredAt) implements Detail {

        public String deliveredTime() {
            return deliveredAt == null ? null : UTC.format(deliveredAt);
        }
    }

    /** @param decisionId the decision the statement announces */
    public record Publication(String slug, Integer version, String titleFr, String titleEn, Instant scheduledFor, UUID decisionId)
            implements Detail {

        public String scheduledTime() {
            return scheduledFor == null ? null : UTC.format(scheduledFor);
        }
    }

    public record StatementWithdrawn(String slug) implements Detail {
    }

    public record StatementCorrection(String slug, String textFr, String textEn) implements Detail {
    }
}
