package org.vigie.server.statements;

import static org.vigie.server.statements.PanelRecords.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of statements, their versions, approvals, notices and corrections (V19). */
@Repository
class StatementRepository {

    private static final String STATEMENT = """
            s.id, s.decision_id, s.referral_id, r.panel_id, s.slug, s.status, s.current_version, s.approved_version, s.scheduled_for,
            s.notices_sent_at, s.published_at, s.created_by, s.created_at, s.updated_at""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    StatementRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Statement> find(UUID id) {
        return jdbc.sql("SELECT " + STATEMENT + " FROM panel_statements s JOIN panel_referrals r ON r.id = s.referral_id WHERE s.id = :id")
                .param("id", id).query(StatementRepository::statement).optional();
    }

    /** The row locked for the rest of the transaction: every state change of a statement goes through this. */
    Optional<Statement> lock(UUID id) {
        return jdbc.sql("SELECT " + STATEMENT + " FROM panel_statements s JOIN panel_referrals r ON r.id = s.referral_id WHERE s.id = :id"
                        + " FOR UPDATE OF s").param("id", id).query(StatementRepository::statement).optional();
    }

    Optional<UUID> byDecision(UUID decisionId) {
        return jdbc.sql("SELECT id FROM panel_statements WHERE decision_id = :d").param("d", decisionId).query(UUID.class).optional();
    }

    /** The statements of the given panels, newest first. */
    List<Statement> ofPanels(List<UUID> panels) {
        if (panels.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + STATEMENT + " FROM panel_statements s JOIN panel_referrals r ON r.id = s.referral_id"
                        + " WHERE r.panel_id IN (:p) ORDER BY s.created_at DESC, s.id").param("p", panels)
                .query(StatementRepository::statement).list();
    }

    /** Statements the job has to act on: approved ones whose notice time came, and those whose notices went. */
    List<UUID> due(Instant noticesUntil, Instant publishUntil) {
        return jdbc.sql("""
                SELECT id FROM panel_statements
                WHERE (status = 'APPROVED' AND scheduled_for <= :n) OR (status = 'NOTICES_SENT' AND scheduled_for <= :p)
                ORDER BY scheduled_for, id""").param("n", ts(noticesUntil)).param("p", ts(publishUntil)).query(UUID.class).list();
    }

    void insert(UUID id, UUID decisionId, UUID referralId, String slug, UUID by, Instant now) {
        jdbc.sql("""
                INSERT INTO panel_statements (id, decision_id, referral_id, slug, status, current_version, created_by, created_at, updated_at)
                VALUES (:id, :d, :r, :slug, 'DRAFT', 1, :by, :now, :now)""")
                .param("id", id).param("d", decisionId).param("r", referralId).param("slug", slug).param("by", by).param("now", ts(now))
                .update();
    }

    boolean slugTaken(String slug, UUID except) {
        return jdbc.sql("SELECT count(*) FROM panel_statements WHERE slug = :s AND id <> :id").param("s", slug).param("id", except)
                .query(Integer.class).single() > 0;
    }

    void insertVersion(UUID statementId, int version, StatementText fr, StatementText en, Classification classification, UUID by,
                       Instant now) {
        ObjectNode fields = json.createObjectNode();
        fr.writeTo(fields.putObject("fr"));
        en.writeTo(fields.putObject("en"));
        jdbc.sql("""
                INSERT INTO panel_statement_versions (statement_id, version, fields, incident_type, cycle_phase, election_id, edited_by, edited_at)
                VALUES (:s, :v, CAST(:f AS jsonb), :type, :phase, :election, :by, :now)""")
                .param("s", statementId).param("v", version).param("f", fields.toString())
                .param("type", classification.incidentType() == null ? null : classification.incidentType().name())
                .param("phase", classification.cyclePhase() == null ? null : classification.cyclePhase().name())
                .param("election", classification.electionId()).param("by", by).param("now", ts(now)).update();
    }

    /** A new current version: the statement is a draft again (an approval was of the previous text). */
    void newVersion(UUID id, int version, String slug, Instant now) {
        jdbc.sql("""
                UPDATE panel_statements SET current_version = :v, slug = :slug, status = 'DRAFT', approved_version = NULL, updated_at = :now
                WHERE id = :id""").param("id", id).param("v", version).param("slug", slug).param("now", ts(now)).update();
    }

    List<StatementVersion> versions(UUID statementId) {
        return jdbc.sql("""
                SELECT v.statement_id, v.version, v.fields::text AS fields, v.incident_type, v.cycle_phase, v.election_id, v.edited_by,
                       a.display_name, v.edited_at
                FROM panel_statement_versions v JOIN accounts a ON a.id = v.edited_by
                WHERE v.statement_id = :s ORDER BY v.version""").param("s", statementId).query(this::version).list();
    }

    Optional<StatementVersion> version(UUID statementId, int version) {
        return jdbc.sql("""
                SELECT v.statement_id, v.version, v.fields::text AS fields, v.incident_type, v.cycle_phase, v.election_id, v.edited_by,
                       a.display_name, v.edited_at
                FROM panel_statement_versions v JOIN accounts a ON a.id = v.edited_by
                WHERE v.statement_id = :s AND v.version = :v""").param("s", statementId).param("v", version).query(this::version).optional();
    }

    private StatementVersion version(ResultSet rs, int n) throws SQLException {
        ObjectNode fields;
        try {
            fields = (ObjectNode) json.readTree(rs.getString("fields"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored statement fields are not JSON", e);
        }
        return new StatementVersion(rs.getObject("statement_id", UUID.class), rs.getInt("version"), StatementText.from(fields.path("fr")),
                StatementText.from(fields.path("en")), Classification.stored(rs.getString("incident_type"), rs.getString("cycle_phase"),
                rs.getObject("election_id", UUID.class)), rs.getObject("edited_by", UUID.class), rs.getString("display_name"),
                rs.getTimestamp("edited_at").toInstant());
    }

    /** @return false if the member had approved this version already */
    boolean approve(UUID statementId, int version, UUID account, Instant now) {
        return jdbc.sql("""
                INSERT INTO panel_statement_approvals (statement_id, version, account_id, approved_at) VALUES (:s, :v, :a, :now)
                ON CONFLICT DO NOTHING""").param("s", statementId).param("v", version).param("a", account).param("now", ts(now)).update() == 1;
    }

    List<Approval> approvals(UUID statementId) {
        return jdbc.sql("""
                SELECT p.version, p.account_id, a.display_name, p.approved_at FROM panel_statement_approvals p JOIN accounts a ON a.id = p.account_id
                WHERE p.statement_id = :s ORDER BY p.version, p.approved_at, p.account_id""").param("s", statementId)
                .query((rs, n) -> new Approval(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
    }

    void markApproved(UUID id, int version, Instant now) {
        jdbc.sql("UPDATE panel_statements SET status = 'APPROVED', approved_version = :v, updated_at = :now WHERE id = :id")
                .param("id", id).param("v", version).param("now", ts(now)).update();
    }

    void schedule(UUID id, Instant at, Instant now) {
        jdbc.sql("UPDATE panel_statements SET scheduled_for = :at, updated_at = :now WHERE id = :id")
                .param("id", id).param("at", ts(at)).param("now", ts(now)).update();
    }

    void insertNotice(UUID id, UUID statementId, UUID batch, NoticeKind kind, UUID organisation, UUID notification, Instant sentAt) {
        jdbc.sql("""
                INSERT INTO panel_notices (id, statement_id, batch_id, kind, organisation_id, notification_id, sent_at)
                VALUES (:id, :s, :b, :k, :o, :n, :at)""").param("id", id).param("s", statementId).param("b", batch).param("k", kind.name())
                .param("o", organisation).param("n", notification).param("at", ts(sentAt)).update();
    }

    void markNoticesSent(UUID id, Instant at) {
        jdbc.sql("UPDATE panel_statements SET status = 'NOTICES_SENT', notices_sent_at = :at, updated_at = :at WHERE id = :id")
                .param("id", id).param("at", ts(at)).update();
    }

    void markPublished(UUID id, Instant at) {
        jdbc.sql("UPDATE panel_statements SET status = 'PUBLISHED', published_at = :at, updated_at = :at WHERE id = :id")
                .param("id", id).param("at", ts(at)).update();
    }

    /** Whom a statement's notices went to, one row per notification: an account, or a point of contact's address. */
    record Recipient(NoticeKind kind, UUID account, String channel, UUID contact, String email) {
    }

    List<Recipient> noticeRecipients(UUID statementId) {
        return jdbc.sql("""
                SELECT n.kind, x.recipient_account, x.channel, x.recipient_contact, x.recipient_email
                FROM panel_notices n JOIN notifications x ON x.id = n.notification_id WHERE n.statement_id = :s ORDER BY n.id""")
                .param("s", statementId).query((rs, n) -> new Recipient(NoticeKind.valueOf(rs.getString(1)), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5))).list();
    }

    void withdraw(UUID id, Instant at) {
        jdbc.sql("UPDATE panel_statements SET status = 'WITHDRAWN', updated_at = :at WHERE id = :id").param("id", id).param("at", ts(at))
                .update();
    }

    List<Notice> notices(UUID statementId) {
        return jdbc.sql("""
                SELECT n.id, n.batch_id, n.kind, n.organisation_id, o.name, n.notification_id, x.channel, x.recipient_account,
                       a.display_name, x.recipient_email, n.sent_at, x.delivered_at, x.opened_at, x.acknowledged_at
                FROM panel_notices n JOIN organisations o ON o.id = n.organisation_id JOIN notifications x ON x.id = n.notification_id
                LEFT JOIN accounts a ON a.id = x.recipient_account
                WHERE n.statement_id = :s ORDER BY n.kind DESC, lower(o.name), x.channel, n.id""").param("s", statementId)
                .query((rs, n) -> new Notice(rs.getObject("id", UUID.class), rs.getObject("batch_id", UUID.class),
                        NoticeKind.valueOf(rs.getString("kind")), rs.getObject("organisation_id", UUID.class), rs.getString("name"),
                        rs.getObject("notification_id", UUID.class), rs.getString("channel"), rs.getObject("recipient_account", UUID.class),
                        rs.getString("display_name") != null ? rs.getString("display_name") : rs.getString("recipient_email"),
                        instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("delivered_at")), instant(rs.getTimestamp("opened_at")),
                        instant(rs.getTimestamp("acknowledged_at")))).list();
    }

    /** Whether the account received one of the statement's notices in the app (it may then read the notice page). */
    boolean noticeRecipient(UUID statementId, UUID account) {
        return jdbc.sql("""
                SELECT count(*) FROM panel_notices n JOIN notifications x ON x.id = n.notification_id
                WHERE n.statement_id = :s AND x.recipient_account = :a""").param("s", statementId).param("a", account)
                .query(Integer.class).single() > 0;
    }

    void insertCorrection(UUID id, UUID statementId, String fr, String en, UUID by, Instant at) {
        jdbc.sql("""
                INSERT INTO panel_statement_corrections (id, statement_id, text_fr, text_en, created_by, published_at)
                VALUES (:id, :s, :fr, :en, :by, :at)""").param("id", id).param("s", statementId).param("fr", fr).param("en", en)
                .param("by", by).param("at", ts(at)).update();
    }

    // ---- proposed corrections (V21) ----------------------------------------------------------------

    void insertProposal(UUID id, UUID statementId, String fr, String en, UUID by, Instant at) {
        jdbc.sql("""
                INSERT INTO panel_statement_correction_proposals (id, statement_id, text_fr, text_en, proposed_by, proposed_at)
                VALUES (:id, :s, :fr, :en, :by, :at)""").param("id", id).param("s", statementId).param("fr", fr).param("en", en)
                .param("by", by).param("at", ts(at)).update();
    }

    /** @return false if the member had approved it already */
    boolean approveProposal(UUID proposal, UUID account, Instant at) {
        return jdbc.sql("""
                INSERT INTO panel_statement_correction_approvals (proposal_id, account_id, approved_at) VALUES (:p, :a, :at)
                ON CONFLICT DO NOTHING""").param("p", proposal).param("a", account).param("at", ts(at)).update() == 1;
    }

    void markProposalPublished(UUID proposal, UUID correction) {
        jdbc.sql("UPDATE panel_statement_correction_proposals SET correction_id = :c WHERE id = :p AND correction_id IS NULL")
                .param("c", correction).param("p", proposal).update();
    }

    List<CorrectionProposal> proposals(UUID statementId) {
        return jdbc.sql("""
                SELECT p.id, p.text_fr, p.text_en, p.proposed_by, a.display_name, p.proposed_at, p.correction_id,
                       COALESCE((SELECT array_agg(x.account_id::text ORDER BY x.approved_at) FROM panel_statement_correction_approvals x
                                 WHERE x.proposal_id = p.id), '{}') AS approvers
                FROM panel_statement_correction_proposals p JOIN accounts a ON a.id = p.proposed_by
                WHERE p.statement_id = :s ORDER BY p.proposed_at, p.id""").param("s", statementId)
                .query((rs, n) -> new CorrectionProposal(rs.getObject("id", UUID.class), rs.getString("text_fr"), rs.getString("text_en"),
                        rs.getObject("proposed_by", UUID.class), rs.getString("display_name"), rs.getTimestamp("proposed_at").toInstant(),
                        rs.getObject("correction_id", UUID.class), java.util.Arrays.stream((String[]) rs.getArray("approvers").getArray())
                        .map(UUID::fromString).toList())).list();
    }

    List<Correction> corrections(UUID statementId) {
        return jdbc.sql("""
                SELECT c.id, c.text_fr, c.text_en, c.created_by, a.display_name, c.published_at
                FROM panel_statement_corrections c JOIN accounts a ON a.id = c.created_by
                WHERE c.statement_id = :s ORDER BY c.published_at, c.id""").param("s", statementId)
                .query((rs, n) -> new Correction(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                        rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    private static Statement statement(ResultSet rs, int n) throws SQLException {
        int approved = rs.getInt("approved_version");
        Integer approvedVersion = rs.wasNull() ? null : approved;
        return new Statement(rs.getObject("id", UUID.class), rs.getObject("decision_id", UUID.class), rs.getObject("referral_id", UUID.class),
                rs.getObject("panel_id", UUID.class), rs.getString("slug"), StatementStatus.valueOf(rs.getString("status")),
                rs.getInt("current_version"), approvedVersion, instant(rs.getTimestamp("scheduled_for")),
                instant(rs.getTimestamp("notices_sent_at")), instant(rs.getTimestamp("published_at")), rs.getObject("created_by", UUID.class),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
