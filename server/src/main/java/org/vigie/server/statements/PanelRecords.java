package org.vigie.server.statements;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.core.panel.DecisionRule;
import org.vigie.core.panel.Outcome;
import org.vigie.server.panel.Decisions;
import org.vigie.server.panel.PanelMember;
import org.vigie.server.panel.Panels;
import org.vigie.server.panel.Recusal;
import org.vigie.server.panel.Referral;
import org.vigie.server.panel.Referrals;

/**
 * What a statement needs to know about the panel: decisions, the referral's recusals and target
 * organisations, the members and the panel's rule — through the panel feature's services (one
 * definition of "current member", "recused", "the decision that stands", "targets"), plus two
 * read-only queries of its own: the decisions still waiting for a statement, and the organisations
 * of a sector that pre-announcements go to. This module never writes a decision, a membership or a
 * recusal.
 */
@Repository
class PanelRecords {

    /** A decision with what a statement about it needs. {@code latest}: no correction supersedes it. */
    record Decision(UUID id, UUID referralId, UUID panelId, Outcome outcome, Instant decidedAt, boolean latest, UUID panelElectionId,
                    String panelName, DecisionRule rule) {
    }

    private final JdbcClient jdbc;
    private final Panels panels;
    private final Referrals referrals;
    private final Decisions decisions;

    PanelRecords(JdbcClient jdbc, Panels panels, Referrals referrals, Decisions decisions) {
        this.jdbc = jdbc;
        this.panels = panels;
        this.referrals = referrals;
        this.decisions = decisions;
    }

    Optional<Decision> decision(UUID id) {
        return decisions.find(id).flatMap(this::decision);
    }

    /** The decision that stands for a referral: the newest one no correction supersedes. */
    Optional<Decision> latestDecision(UUID referralId) {
        return decisions.latest(referralId).flatMap(this::decision);
    }

    private Optional<Decision> decision(org.vigie.server.panel.Decision d) {
        Optional<Referral> referral = referrals.find(d.referralId());
        if (referral.isEmpty()) {
            return Optional.empty();
        }
        var panel = panels.get(referral.get().panelId());
        boolean latest = decisions.latest(d.referralId()).map(l -> l.id().equals(d.id())).orElse(false);
        return Optional.of(new Decision(d.id(), d.referralId(), panel.id(), d.outcome(), d.decidedAt(), latest, panel.electionId(),
                panel.name(), panel.rule()));
    }

    boolean referralExists(UUID referralId) {
        return referrals.find(referralId).isPresent();
    }

    Optional<UUID> panelOfReferral(UUID referralId) {
        return referrals.find(referralId).map(Referral::panelId);
    }

    /** The panel's members now (not removed). */
    Set<UUID> members(UUID panelId) {
        return panels.currentMembers(panelId).stream().map(PanelMember::accountId).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    boolean isMember(UUID panelId, UUID account) {
        return panels.isMember(panelId, account);
    }

    /** Why the account does not take part in the referral, if it does not (the reason as recorded). */
    Optional<String> recusal(UUID referralId, UUID account) {
        return referrals.find(referralId).flatMap(r -> r.recusals().stream().filter(x -> x.accountId().equals(account)).findFirst())
                .map(Recusal::reason);
    }

    Set<UUID> recused(UUID referralId) {
        return referrals.find(referralId).map(r -> r.recusals().stream().map(Recusal::accountId)
                .collect(Collectors.toCollection(LinkedHashSet::new))).orElseGet(LinkedHashSet::new);
    }

    /**
     * The organisations the referral's subjects name as targets (reports', and campaigns' reports').
     * The notice is the panel's statement, not the report, so no report content travels with it.
     */
    Set<UUID> targets(UUID referralId) {
        return new LinkedHashSet<>(referrals.targets(referralId));
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
