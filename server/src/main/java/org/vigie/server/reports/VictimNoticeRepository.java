package org.vigie.server.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of victim notification decisions and replies ({@code victim_notices}, {@code victim_replies}, V15). */
@Repository
class VictimNoticeRepository {

    /** The decision about one report and target organisation. */
    record Decision(String reportId, UUID organisationId, String status, String reason, UUID decidedBy, Instant decidedAt,
                    Instant notifiedAt, String review, UUID reviewedBy, Instant reviewedAt, String reviewNote) {

        boolean withheld() {
            return "WITHHELD".equals(status);
        }

        boolean notified() {
            return "NOTIFIED".equals(status);
        }
    }

    /** A withheld (or reviewed) notice, with the report's owner for the review list. */
    record Withheld(Decision decision, UUID reportOwner, String reportTitle) {
    }

    record Reply(UUID id, String reportId, UUID organisationId, UUID accountId, String answer, String message, Instant createdAt) {
    }

    private static final String DECISION = """
            n.report_id, n.organisation_id, n.status, n.reason, n.decided_by, n.decided_at, n.notified_at, n.review, n.reviewed_by,
            n.reviewed_at, n.review_note""";

    private final JdbcClient jdbc;

    VictimNoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Decision> decisions(String reportId) {
        return jdbc.sql("SELECT " + DECISION + " FROM victim_notices n WHERE n.report_id = :r ORDER BY n.decided_at, n.organisation_id")
                .param("r", reportId).query(VictimNoticeRepository::decision).list();
    }

    Optional<Decision> decision(String reportId, UUID organisation) {
        return jdbc.sql("SELECT " + DECISION + " FROM victim_notices n WHERE n.report_id = :r AND n.organisation_id = :o FOR UPDATE")
                .param("r", reportId).param("o", organisation).query(VictimNoticeRepository::decision).optional();
    }

    /** @return false when a decision exists already: a decision is taken once */
    boolean withhold(String reportId, UUID organisation, String reason, UUID by, Instant at) {
        return jdbc.sql("""
                INSERT INTO victim_notices (report_id, organisation_id, status, reason, decided_by, decided_at)
                VALUES (:r, :o, 'WITHHELD', :reason, :by, :at) ON CONFLICT DO NOTHING""")
                .param("r", reportId).param("o", organisation).param("reason", reason).param("by", by).param("at", Timestamp.from(at))
                .update() == 1;
    }

    /** Records the notice as sent: a new decision, or a withheld one overturned. @return false when it was sent already */
    boolean notified(String reportId, UUID organisation, UUID by, Instant at) {
        return jdbc.sql("""
                INSERT INTO victim_notices (report_id, organisation_id, status, decided_by, decided_at, notified_at)
                VALUES (:r, :o, 'NOTIFIED', :by, :at, :at)
                ON CONFLICT (report_id, organisation_id) DO UPDATE SET status = 'NOTIFIED', notified_at = :at
                    WHERE victim_notices.status = 'WITHHELD'""")
                .param("r", reportId).param("o", organisation).param("by", by).param("at", Timestamp.from(at))
                .update() == 1;
    }

    void review(String reportId, UUID organisation, String review, UUID by, Instant at, String note) {
        jdbc.sql("""
                UPDATE victim_notices SET review = :review, reviewed_by = :by, reviewed_at = :at, review_note = :note
                WHERE report_id = :r AND organisation_id = :o""")
                .param("r", reportId).param("o", organisation).param("review", review).param("by", by)
                .param("at", Timestamp.from(at)).param("note", note).update();
    }

    /**
     * The review list: notices withheld (pending or confirmed) and overturned ones, newest first; of
     * the reports one organisation owns, or of all (a platform administrator). The title is the
     * report row's: the caller shows it only to who may see the report.
     */
    List<Withheld> withheld(UUID owner, int limit) {
        return jdbc.sql("SELECT " + DECISION + ", r.owner_organisation, r.title FROM victim_notices n JOIN reports r ON r.stix_id = n.report_id"
                        + " WHERE (n.status = 'WITHHELD' OR n.review IS NOT NULL)"
                        + (owner == null ? "" : " AND r.owner_organisation = :owner")
                        + " ORDER BY (n.review IS NULL) DESC, n.decided_at DESC LIMIT :limit")
                .params(owner == null ? java.util.Map.of("limit", limit) : java.util.Map.of("owner", owner, "limit", limit))
                .query((rs, n) -> new Withheld(decision(rs, n), rs.getObject("owner_organisation", UUID.class), rs.getString("title")))
                .list();
    }

    void reply(Reply reply) {
        jdbc.sql("""
                INSERT INTO victim_replies (id, report_id, organisation_id, account_id, answer, message, created_at)
                VALUES (:id, :r, :o, :a, :answer, :message, :at)""")
                .param("id", reply.id()).param("r", reply.reportId()).param("o", reply.organisationId()).param("a", reply.accountId())
                .param("answer", reply.answer()).param("message", reply.message()).param("at", Timestamp.from(reply.createdAt()))
                .update();
    }

    List<Reply> replies(String reportId) {
        return jdbc.sql("SELECT id, report_id, organisation_id, account_id, answer, message, created_at FROM victim_replies"
                        + " WHERE report_id = :r ORDER BY created_at, id")
                .param("r", reportId)
                .query((rs, n) -> new Reply(rs.getObject("id", UUID.class), rs.getString("report_id"),
                        rs.getObject("organisation_id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("answer"),
                        rs.getString("message"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private static Decision decision(ResultSet rs, int n) throws SQLException {
        return new Decision(rs.getString("report_id"), rs.getObject("organisation_id", UUID.class), rs.getString("status"),
                rs.getString("reason"), rs.getObject("decided_by", UUID.class), instant(rs, "decided_at"), instant(rs, "notified_at"),
                rs.getString("review"), rs.getObject("reviewed_by", UUID.class), instant(rs, "reviewed_at"), rs.getString("review_note"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
