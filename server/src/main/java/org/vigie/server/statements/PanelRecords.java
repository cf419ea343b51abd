package org.vigie.server.statements;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.core.panel.DecisionRule;
import org.vigie.core.panel.Outcome;

/**
 * What a statement needs to know about the panel, read from the V19 tables the panel feature writes
 * (decisions, the referral and its subjects, members, recusals, the panel's rule). Read-only: this
 * module never writes a decision, a membership or a recusal.
 */
@Repository
class PanelRecords {

    /** A decision with what a statement about it needs. {@code latest}: no correction supersedes it. */
    record Decision(UUID id, UUID referralId, UUID panelId, Outcome outcome, Instant decidedAt, boolean latest, UUID panelElectionId,
                    String panelName, DecisionRule rule, int eligible) {
    }

    private final JdbcClient jdbc;

    PanelRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String DECISION = """
            SELECT d.id, d.referral_id, r.panel_id, d.outcome, d.decided_at, p.election_id, p.name, p.decision_rule, p.quorum,
                   NOT EXISTS (SELECT 1 FROM panel_decisions c WHERE c.corrects = d.id) AS latest,
                   jsonb_array_length(COALESCE(d.tally -> 'eligible', '[]'::jsonb)) AS eligible
            FROM panel_decisions d JOIN panel_referrals r ON r.id = d.referral_id JOIN panels p ON p.id = r.panel_id""";

    Optional<Decision> decision(UUID id) {
        return jdbc.sql(DECISION + " WHERE d.id = :id").param("id", id).query(PanelRecords::decision).optional();
    }

    /** The decision that stands for a referral: the newest one no correction supersedes. */
    Optional<Decision> latestDecision(UUID referralId) {
        return jdbc.sql(DECISION + """
                 WHERE d.referral_id = :r AND NOT EXISTS (SELECT 1 FROM panel_decisions c WHERE c.corrects = d.id)
                ORDER BY d.decided_at DESC, d.id LIMIT 1""").param("r", referralId).query(PanelRecords::decision).optional();
    }

    boolean referralExists(UUID referralId) {
        return jdbc.sql("SELECT count(*) FROM panel_referrals WHERE id = :r").param("r", referralId).query(Integer.class).single() > 0;
    }

    Optional<UUID> panelOfReferral(UUID referralId) {
        return jdbc.sql("SELECT panel_id FROM panel_referrals WHERE id = :r").param("r", referralId).query(UUID.class).optional();
    }

    private static Decision decision(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String rule = rs.getString("decision_rule");
        int quorum = rs.getInt("quorum");
        return new Decision(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class), rs.getObject("panel_id", UUID.class),
                Outcome.valueOf(rs.getString("outcome")), rs.getTimestamp("decided_at").toInstant(), rs.getBoolean("latest"),
                rs.getObject("election_id", UUID.class), rs.getString("name"),
                "QUORUM".equals(rule) ? DecisionRule.quorum(quorum) : DecisionRule.consensus(), rs.getInt("eligible"));
    }

    /** The panel's members now (not removed). */
    Set<UUID> members(UUID panelId) {
        return new LinkedHashSet<>(jdbc.sql("SELECT account_id FROM panel_members WHERE panel_id = :p AND removed_at IS NULL ORDER BY added_at, account_id")
                .param("p", panelId).query(UUID.class).list());
    }

    boolean isMember(UUID panelId, UUID account) {
        return jdbc.sql("SELECT count(*) FROM panel_members WHERE panel_id = :p AND account_id = :a AND removed_at IS NULL")
                .param("p", panelId).param("a", account).query(Integer.class).single() > 0;
    }

    /** Who does not take part in the referral, and why (their reason as recorded). */
    Optional<String> recusal(UUID referralId, UUID account) {
        return jdbc.sql("SELECT reason FROM panel_recusals WHERE referral_id = :r AND account_id = :a")
                .param("r", referralId).param("a", account).query(String.class).optional();
    }

    Set<UUID> recused(UUID referralId) {
        return new LinkedHashSet<>(jdbc.sql("SELECT account_id FROM panel_recusals WHERE referral_id = :r").param("r", referralId)
                .query(UUID.class).list());
    }

    /** The panels the account is a member of now. */
    List<UUID> panelsOf(UUID account) {
        return jdbc.sql("SELECT panel_id FROM panel_members WHERE account_id = :a AND removed_at IS NULL").param("a", account)
                .query(UUID.class).list();
    }

    /** Decisions to inform the public that stand, on the account's panels, with no statement yet: what to draft. */
    record Undrafted(UUID decisionId, UUID referralId, String referralTitle, String panelName, Instant decidedAt) {
    }

    List<Undrafted> undrafted(UUID account) {
        return jdbc.sql("""
                SELECT d.id, d.referral_id, r.title, p.name, d.decided_at
                FROM panel_decisions d JOIN panel_referrals r ON r.id = d.referral_id JOIN panels p ON p.id = r.panel_id
                JOIN panel_members m ON m.panel_id = p.id AND m.account_id = :a AND m.removed_at IS NULL
                WHERE d.outcome = 'PUBLIC_ANNOUNCEMENT'
                  AND NOT EXISTS (SELECT 1 FROM panel_decisions c WHERE c.corrects = d.id)
                  AND NOT EXISTS (SELECT 1 FROM panel_statements s WHERE s.decision_id = d.id)
                  AND NOT EXISTS (SELECT 1 FROM panel_recusals x WHERE x.referral_id = d.referral_id AND x.account_id = :a)
                ORDER BY d.decided_at""").param("a", account)
                .query((rs, n) -> new Undrafted(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
    }

    /**
     * The organisations the referral's subjects name as targets: those of each referred report, and of
     * each report of a referred campaign (reports.target_organisations). The notice is the panel's
     * statement, not the report, so no report content travels with it.
     */
    Set<UUID> targets(UUID referralId) {
        return new LinkedHashSet<>(jdbc.sql("""
                SELECT DISTINCT t.organisation FROM (
                    SELECT unnest(rp.target_organisations) AS organisation
                    FROM panel_referral_subjects s JOIN reports rp ON rp.stix_id = s.subject_id
                    WHERE s.referral_id = :r AND s.subject_type = 'report'
                    UNION
                    SELECT unnest(rp.target_organisations)
                    FROM panel_referral_subjects s JOIN campaign_reports cr ON cr.campaign_id = s.subject_id
                    JOIN reports rp ON rp.stix_id = cr.report_id
                    WHERE s.referral_id = :r AND s.subject_type = 'campaign') t
                JOIN organisations o ON o.id = t.organisation
                ORDER BY t.organisation""").param("r", referralId).query(UUID.class).list());
    }

    /**
     * Every organisation of a sector (POLITICAL_PARTY, ELECTION_MANAGEMENT_BODY) registered on Vigie, by
     * name: for a panel of one election, those of the election's country; for a standing panel, all.
     */
    List<UUID> organisationsOfSector(String sector, UUID electionId) {
        return jdbc.sql("""
                SELECT o.id FROM organisations o
                WHERE o.sector = :s AND (CAST(:e AS uuid) IS NULL OR o.country = (SELECT country FROM elections WHERE id = :e))
                ORDER BY lower(o.name), o.id""").param("s", sector).param("e", electionId).query(UUID.class).list();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
