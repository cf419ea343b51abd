package org.vigie.server.panelreview;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.ReportFiling;

/**
 * One election's panel and its whole record, written straight into the V19 tables (as the panel and
 * statement services will): two referrals (a report; an accumulation of that report and an AMBER
 * report shared with another organisation only), a recusal for a declared interest, assessments
 * and a revision, a decision with dissent and its correction, a statement in two versions with
 * French accents, approvals, one batch of notices (a target and a pre-announcement) with their
 * notifications, the publication and a correction. Rows are written out of time order, so that only
 * the dossier's ordering can put them in order. The expected entries are kept in {@link #expected}.
 */
final class ReviewCase {

    /** Every entry the dossier must hold: kind and time, in the order it must list them. */
    record Entry(String kind, Instant at) {
    }

    static final String STATEMENT_TITLE_FR = "Hameçonnage visant les électeurs de l'Hérault : déclaration";
    static final String STATEMENT_TITLE_EN = "Phishing aimed at voters in Hérault: statement";
    static final String COVER_NOTE = "Vague de courriels frauduleux ; réception signalée à Béziers";

    final Fixtures fixtures;
    final UUID election;
    final UUID panel;
    final UUID panelOrganisation;
    final UUID partyOrganisation;
    final UUID otherOrganisation;
    final String chair;
    final String member2;
    final String member3;
    final String outsider;
    final String formerMember;
    final String visibleReport;
    final String visibleReportTitle;
    final String restrictedReport;
    final String restrictedReportTitle;
    final UUID referral1;
    final UUID referral2;
    final UUID decision;
    final UUID correction;
    final UUID statement;
    final UUID batch;
    final Instant start;
    final List<Entry> expected = new ArrayList<>();

    ReviewCase(int port, JdbcClient jdbc, TransactionTemplate transaction) {
        fixtures = new Fixtures(port);
        election = ReportFiling.election(fixtures);
        panelOrganisation = fixtures.organisation("GOVERNMENT_AGENCY");
        partyOrganisation = fixtures.organisation("POLITICAL_PARTY");
        otherOrganisation = fixtures.organisation("MEDIA");
        chair = fixtures.account(panelOrganisation, "ANALYST");
        member2 = fixtures.account(panelOrganisation, "ANALYST");
        member3 = fixtures.account(panelOrganisation, "ANALYST");
        formerMember = fixtures.account(panelOrganisation, "ANALYST");
        outsider = fixtures.account(panelOrganisation, "ANALYST");
        String otherAnalyst = fixtures.account(otherOrganisation, "ANALYST");
        visibleReportTitle = Fixtures.unique("Phishing of voters");
        visibleReport = ReportFiling.report(visibleReportTitle, election).fileAs(fixtures.signedIn(chair));
        restrictedReportTitle = Fixtures.unique("Secret source");
        Api other = fixtures.signedIn(otherAnalyst);
        restrictedReport = ReportFiling.report(restrictedReportTitle, election).with("tlp", "AMBER")
                .with("organisations", List.of(otherOrganisation.toString())).fileAs(other);

        UUID admin = id(jdbc, "admin");
        UUID chairId = id(jdbc, chair);
        UUID m2 = id(jdbc, member2);
        UUID m3 = id(jdbc, member3);
        start = Instant.parse("2027-05-03T08:00:00Z").plusSeconds(Math.abs(UUID.randomUUID().hashCode() % 100_000));
        panel = UUID.randomUUID();
        referral1 = UUID.randomUUID();
        referral2 = UUID.randomUUID();
        decision = UUID.randomUUID();
        correction = UUID.randomUUID();
        statement = UUID.randomUUID();
        batch = UUID.randomUUID();
        UUID assessment1 = UUID.randomUUID();
        String slug = "phishing-herault-" + UUID.randomUUID().toString().substring(0, 8);

        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO panels (id, name, election_id, decision_rule, created_by, created_at, updated_at)
                    VALUES (:id, :name, :election, 'CONSENSUS', :admin, :at, :at)""")
                    .param("id", panel).param("name", Fixtures.unique("Panel")).param("election", election).param("admin", admin)
                    .param("at", ts(start.minus(Duration.ofDays(30)))).update();
            member(jdbc, chairId, "CHAIR", null);
            member(jdbc, m2, "MEMBER", null);
            member(jdbc, m3, "MEMBER", null);
            member(jdbc, id(jdbc, formerMember), "MEMBER", start.minus(Duration.ofDays(1)));

            // written out of time order on purpose (assessments, versions, notices), so only the dossier's ordering sorts them
            Instant correctedAt = at("DECISION", Duration.ofDays(6));
            Instant decidedAt = at("DECISION", Duration.ofHours(30));
            jdbc.sql("""
                    INSERT INTO panel_referrals (id, panel_id, kind, title, cover_note, referred_by, referred_by_org, referred_at, status, closed_at)
                    VALUES (:id, :panel, 'REPORT', 'Phishing wave', :note, :by, :org, :at, 'DECIDED', :closed),
                           (:id2, :panel, 'ACCUMULATION', 'Phishing and the secret source', '', :by, :org, :at2, 'OPEN', NULL)""")
                    .param("id", referral1).param("panel", panel).param("note", COVER_NOTE).param("by", chairId)
                    .param("org", panelOrganisation).param("at", ts(at("REFERRAL", Duration.ZERO))).param("closed", ts(decidedAt))
                    .param("id2", referral2).param("at2", ts(at("REFERRAL", Duration.ofDays(2)))).update();
            jdbc.sql("""
                    INSERT INTO panel_referral_subjects (referral_id, subject_id, subject_type)
                    VALUES (:r1, :visible, 'report'), (:r2, :visible, 'report'), (:r2, :restricted, 'report')""")
                    .param("r1", referral1).param("r2", referral2).param("visible", visibleReport).param("restricted", restrictedReport).update();
            jdbc.sql("""
                    INSERT INTO panel_recusals (referral_id, account_id, organisation_id, reason, recorded_at)
                    VALUES (:r, :m3, :party, 'Déclaré : conseiller du parti visé', :at)""")
                    .param("r", referral1).param("m3", m3).param("party", partyOrganisation)
                    .param("at", ts(at("RECUSAL", Duration.ofMinutes(1)))).update();
            String criteria = """
                    [{"criterion": "UNDERMINES_FREE_FAIR_ELECTION", "rating": "HIGH", "justification": "Faux bureaux de vote annoncés"},
                     {"criterion": "UNDERMINES_CREDIBILITY", "rating": "MODERATE", "justification": "Relayé par des élus"},
                     {"criterion": "CONFIDENCE_IN_INFORMATION", "rating": "HIGH", "justification": "Courriels en main"}]""";
            assessment(jdbc, UUID.randomUUID(), m2, criteria, "ANNOUNCE", "Il faut prévenir les électeurs.", at("ASSESSMENT", Duration.ofHours(20)), null);
            assessment(jdbc, assessment1, chairId, criteria, "DO_NOT_ANNOUNCE", "Attendre la confirmation.", at("ASSESSMENT", Duration.ofHours(4)), null);
            assessment(jdbc, UUID.randomUUID(), chairId, criteria, "ANNOUNCE", "Confirmé par l'hébergeur.", at("ASSESSMENT", Duration.ofHours(26)),
                    assessment1);
            jdbc.sql("""
                    INSERT INTO panel_decisions (id, referral_id, outcome, tally, dissent, response_options, rationale, recorded_by, decided_at)
                    VALUES (:decision, :r, 'PUBLIC_ANNOUNCEMENT', CAST(:tally AS jsonb), CAST(:dissent AS jsonb),
                            '["PRIVATE_NOTICE_TO_TARGETS", "ENGAGE_PLATFORMS"]', 'Le seuil est atteint : une élection libre est menacée.',
                            :chair, :decidedAt)""")
                    .param("decision", decision).param("r", referral1).param("tally", tally(chairId, m2, m3))
                    .param("dissent", "[{\"account\": \"" + m2 + "\", \"position\": \"ABSTAIN\", \"rationale\": \"Réserve sur la portée\"}]")
                    .param("chair", chairId).param("decidedAt", ts(decidedAt)).update();
            // the correction names the decision it corrects (a foreign key that is not deferred): written after it
            jdbc.sql("""
                    INSERT INTO panel_decisions (id, referral_id, outcome, tally, dissent, response_options, rationale, recorded_by, decided_at,
                                                 corrects, correction_reason)
                    VALUES (:correction, :r, 'PUBLIC_ANNOUNCEMENT', CAST(:tally AS jsonb), '[]', '[]', 'Rectifiée : le décompte était incomplet.',
                            :chair, :correctedAt, :decision, 'Le décompte omettait une position.')""")
                    .param("correction", correction).param("r", referral1).param("tally", tally(chairId, m2, m3)).param("chair", chairId)
                    .param("correctedAt", ts(correctedAt)).param("decision", decision).update();

            Instant noticesAt = at("NOTICE", Duration.ofDays(3));
            Instant publishedAt = at("PUBLICATION", Duration.ofDays(4));
            jdbc.sql("""
                    INSERT INTO panel_statements (id, decision_id, referral_id, slug, status, current_version, approved_version, scheduled_for,
                                                  notices_sent_at, published_at, created_by, created_at, updated_at)
                    VALUES (:id, :decision, :r, :slug, 'PUBLISHED', 2, 2, :published, :notices, :published, :chair, :created, :published)""")
                    .param("id", statement).param("decision", decision).param("r", referral1).param("slug", slug)
                    .param("published", ts(publishedAt)).param("notices", ts(noticesAt)).param("chair", chairId)
                    .param("created", ts(start.plus(Duration.ofHours(31)))).update();
            version(jdbc, 2, "Hameçonnage : version révisée", at("STATEMENT_VERSION", Duration.ofHours(40)), m2);
            version(jdbc, 1, STATEMENT_TITLE_FR + " (brouillon)", at("STATEMENT_VERSION", Duration.ofHours(31)), chairId);
            // the approved version carries the final titles
            jdbc.sql("INSERT INTO panel_statement_approvals (statement_id, version, account_id, approved_at) VALUES (:s, 2, :a, :at)")
                    .param("s", statement).param("a", chairId).param("at", ts(at("STATEMENT_APPROVAL", Duration.ofHours(44)))).update();
            jdbc.sql("INSERT INTO panel_statement_approvals (statement_id, version, account_id, approved_at) VALUES (:s, 2, :a, :at)")
                    .param("s", statement).param("a", m2).param("at", ts(at("STATEMENT_APPROVAL", Duration.ofHours(45)))).update();
            notice(jdbc, "PRE_ANNOUNCEMENT", partyOrganisation, m3, noticesAt, "PENDING");
            notice(jdbc, "TARGET", otherOrganisation, m2, noticesAt, "DELIVERED");
            expected.add(new Entry("NOTICE", noticesAt)); // the second notice: one batch, one instant
            jdbc.sql("""
                    INSERT INTO panel_statement_corrections (id, statement_id, text_fr, text_en, created_by, published_at)
                    VALUES (:id, :s, 'Le nombre de courriels était de 4 000, non 40 000.', 'There were 4,000 e-mails, not 40,000.', :a, :at)""")
                    .param("id", UUID.randomUUID()).param("s", statement).param("a", chairId)
                    .param("at", ts(at("STATEMENT_CORRECTION", Duration.ofDays(5)))).update();
        });
        expected.sort(java.util.Comparator.comparing(Entry::at).thenComparing(e -> DossierEvent.Kind.valueOf(e.kind())));
    }

    /** Records an expected entry at start + offset and answers its time. */
    private Instant at(String kind, Duration offset) {
        Instant at = start.plus(offset);
        expected.add(new Entry(kind, at));
        return at;
    }

    private void member(JdbcClient jdbc, UUID account, String role, Instant removed) {
        jdbc.sql("""
                INSERT INTO panel_members (panel_id, account_id, role, public_title, added_at, removed_at)
                VALUES (:panel, :account, :role, 'Ancienne magistrate', :added, :removed)""")
                .param("panel", panel).param("account", account).param("role", role)
                .param("added", ts(start.minus(Duration.ofDays(30)))).param("removed", removed == null ? null : ts(removed)).update();
    }

    private void assessment(JdbcClient jdbc, UUID id, UUID account, String criteria, String position, String rationale, Instant at,
                            UUID supersedes) {
        jdbc.sql("""
                INSERT INTO panel_assessments (id, referral_id, account_id, criteria, response_options, position, rationale, recorded_at, supersedes)
                VALUES (:id, :r, :account, CAST(:criteria AS jsonb),
                        '[{"option": "ENGAGE_PLATFORMS", "note": "Signaler les domaines"}]', :position, :rationale, :at, :supersedes)""")
                .param("id", id).param("r", referral1).param("account", account).param("criteria", criteria).param("position", position)
                .param("rationale", rationale).param("at", ts(at)).param("supersedes", supersedes).update();
    }

    private void version(JdbcClient jdbc, int version, String titleFr, Instant at, UUID editor) {
        String fields = "{\"fr\": {\"title\": \"" + (version == 2 ? STATEMENT_TITLE_FR : titleFr) + "\"}, \"en\": {\"title\": \""
                + STATEMENT_TITLE_EN + "\"}}";
        jdbc.sql("""
                INSERT INTO panel_statement_versions (statement_id, version, fields, incident_type, cycle_phase, election_id, edited_by, edited_at)
                VALUES (:s, :v, CAST(:fields AS jsonb), 'PHISHING', 'CAMPAIGN', :election, :editor, :at)""")
                .param("s", statement).param("v", version).param("fields", fields).param("election", election).param("editor", editor)
                .param("at", ts(at)).update();
    }

    private void notice(JdbcClient jdbc, String kind, UUID organisation, UUID recipient, Instant at, String status) {
        UUID notification = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO notifications (id, event_id, recipient_account, channel, subject_id, subject_modified, tlp, payload,
                                           idempotency_key, status, next_attempt_at, created_at, delivered_at)
                VALUES (:id, :event, :recipient, 'IN_APP', :subject, :at, 'AMBER', '{}', :key, :status, :at, :at, :delivered)""")
                .param("id", notification).param("event", batch).param("recipient", recipient).param("subject", "panel-statement--" + statement)
                .param("at", ts(at)).param("key", "review-test-" + notification).param("status", status)
                .param("delivered", "DELIVERED".equals(status) ? ts(at.plusSeconds(2)) : null).update();
        jdbc.sql("""
                INSERT INTO panel_notices (id, statement_id, batch_id, kind, organisation_id, notification_id, sent_at)
                VALUES (:id, :s, :batch, :kind, :org, :notification, :at)""")
                .param("id", UUID.randomUUID()).param("s", statement).param("batch", batch).param("kind", kind).param("org", organisation)
                .param("notification", notification).param("at", ts(at)).update();
    }

    private static String tally(UUID chair, UUID m2, UUID m3) {
        return "{\"rule\": \"CONSENSUS\", \"quorum\": null, \"eligible\": [\"" + chair + "\", \"" + m2 + "\"], \"recused\": [\"" + m3
                + "\"], \"positions\": {\"" + chair + "\": \"ANNOUNCE\", \"" + m2 + "\": \"ANNOUNCE\"}}";
    }

    static UUID id(JdbcClient jdbc, String username) {
        return jdbc.sql("SELECT id FROM accounts WHERE username = :u").param("u", username).query(UUID.class).single();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    Api as(String username) {
        return fixtures.signedIn(username);
    }
}
