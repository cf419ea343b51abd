package org.vigie.server.panelreview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The independent-review dossier as generated for one reader at one moment.
 *
 * @param panels    the panels it covers (for a member, those of the election they sit on)
 * @param events    every entry, in time order (ties: the order of {@link DossierEvent.Kind})
 * @param referrals one line per referral, in the order they were made: the index of the dossier
 */
public record Dossier(Scope scope, List<PanelLine> panels, Instant generatedAt, String reader, List<DossierEvent> events,
                      List<ReferralLine> referrals, Summary summary) {

    public enum ScopeKind { ELECTION, PANEL }

    /**
     * What the dossier is about.
     *
     * @param from first day included (UTC), or null for no lower bound
     * @param to   last day included (UTC), or null for no upper bound
     */
    public record Scope(ScopeKind kind, UUID id, String name, LocalDate from, LocalDate to) {
    }

    public record PanelLine(UUID id, String name, String rule, Integer quorum, boolean standing) {
    }

    /** @param outcome the decision that stands (the latest), or null while undecided */
    public record ReferralLine(UUID id, String title, String kind, String referredAt, String outcome, String decidedAt,
                               String publishedAt, boolean withdrawn) {
    }

    public String generatedTime() {
        return DossierEvent.UTC.format(generatedAt);
    }

    /** A span of time, printed as days, hours and minutes. */
    public record Elapsed(long seconds) {

        public long days() {
            return seconds / 86_400;
        }

        public long hours() {
            return seconds % 86_400 / 3_600;
        }

        public long minutes() {
            return seconds % 3_600 / 60;
        }
    }

    /** @param median null when count is 0 */
    public record DurationStats(int count, Elapsed median, Elapsed longest) {
    }

    /**
     * The figures a reviewer starts from.
     *
     * @param decisions          first decisions (corrections are counted apart)
     * @param announcements      referrals whose standing decision is a public announcement
     * @param dissentingOpinions members' dissents recorded with the standing decisions
     * @param noticesNotDelivered notices whose notification is pending, failing or dead
     */
    public record Summary(int referrals, int withdrawn, int undecided, int recusals, int assessments, int decisions,
                          int decisionCorrections, int announcements, int noAnnouncements, int dissentingOpinions,
                          int statementVersions, int approvals, int targetNotices, int preAnnouncementNotices, int noticesDelivered,
                          int noticesNotDelivered, int publications, int statementCorrections, DurationStats referralToDecision,
                          DurationStats decisionToPublication) {
    }
}
