package org.vigie.server.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.core.sharing.Tlp;

/** The SQL of the outbox, {@code notifications} (V14). */
@Repository
class NotificationRepository {

    private static final String COLUMNS = """
            id, event_id, subscription_id, recipient_account, channel, subject_id, subject_modified, tlp, payload,
            idempotency_key, status, attempts, next_attempt_at, last_error, created_at, delivered_at, opened_at, acknowledged_at,
            recipient_contact, recipient_email""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    NotificationRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return false when a row with the same idempotency key exists: enqueuing twice is a no-op */
    boolean enqueue(Notification n) {
        return jdbc.sql("""
                INSERT INTO notifications (id, event_id, subscription_id, recipient_account, channel, subject_id, subject_modified,
                    tlp, payload, idempotency_key, status, attempts, next_attempt_at, created_at, recipient_contact, recipient_email)
                VALUES (:id, :event, :subscription, :recipient, :channel, :subject, :modified, :tlp, CAST(:payload AS jsonb), :key,
                    'PENDING', 0, :next, :created, :contact, :email)
                ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("id", n.id()).param("event", n.eventId()).param("subscription", n.subscriptionId())
                .param("recipient", n.recipientAccount()).param("channel", n.channel().name()).param("subject", n.subjectId())
                .param("modified", Timestamp.from(n.subjectModified())).param("tlp", n.tlp().name())
                .param("payload", n.payload().toString()).param("key", n.idempotencyKey())
                .param("next", Timestamp.from(n.nextAttemptAt())).param("created", Timestamp.from(n.createdAt()))
                .param("contact", n.recipientContact()).param("email", n.recipientEmail())
                .update() == 1;
    }

    /**
     * Claims and leases up to {@code limit} due rows: their attempt is counted and their next attempt
     * moved to {@code leaseUntil}, in one statement. Rows another worker is claiming are skipped, not
     * waited for. Answers the rows as claimed (attempts already incremented).
     */
    List<Notification> claim(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                UPDATE notifications SET attempts = attempts + 1, next_attempt_at = :lease
                WHERE id IN (SELECT id FROM notifications WHERE status IN ('PENDING', 'FAILED') AND next_attempt_at <= :now
                             ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING """ + " " + COLUMNS)
                .param("now", Timestamp.from(now)).param("lease", Timestamp.from(leaseUntil)).param("limit", limit)
                .query(this::row).list();
    }

    void markDelivered(UUID id, Instant at, int attempts) {
        jdbc.sql("UPDATE notifications SET status = 'DELIVERED', delivered_at = :at, attempts = :attempts, last_error = NULL WHERE id = :id")
                .param("id", id).param("at", Timestamp.from(at)).param("attempts", attempts).update();
    }

    void markFailed(UUID id, NotificationStatus status, int attempts, Instant nextAttemptAt, String error) {
        jdbc.sql("UPDATE notifications SET status = :status, attempts = :attempts, next_attempt_at = :next, last_error = :error WHERE id = :id")
                .param("id", id).param("status", status.name()).param("attempts", attempts)
                .param("next", Timestamp.from(nextAttemptAt)).param("error", error).update();
    }

    List<Notification> forSubject(String subjectId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE subject_id = :subject ORDER BY created_at, id")
                .param("subject", subjectId).query(this::row).list();
    }

    List<Notification> inbox(UUID account, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE recipient_account = :account AND channel = 'IN_APP'"
                        + " ORDER BY created_at DESC, id LIMIT :limit")
                .param("account", account).param("limit", limit).query(this::row).list();
    }

    /** Unread in-app notifications per subject, for the bell (the caller keeps the subjects the person may still see). */
    Map<String, Integer> unreadBySubject(UUID account) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT subject_id, count(*) AS n FROM notifications"
                        + " WHERE recipient_account = :account AND channel = 'IN_APP' AND opened_at IS NULL GROUP BY subject_id")
                .param("account", account)
                .query(rs -> {
                    counts.put(rs.getString("subject_id"), rs.getInt("n"));
                });
        return counts;
    }

    /** Sets the opening (and with {@code acknowledge} the acknowledgement) time once; only the recipient's own row. */
    boolean markRead(UUID id, UUID account, Instant at, boolean acknowledge) {
        return jdbc.sql("UPDATE notifications SET opened_at = COALESCE(opened_at, :at)"
                        + (acknowledge ? ", acknowledged_at = COALESCE(acknowledged_at, :at)" : "")
                        + " WHERE id = :id AND recipient_account = :account")
                .param("id", id).param("account", account).param("at", Timestamp.from(at)).update() == 1;
    }

    /**
     * Acknowledges every notification of a victim notice (the organisation's members' in-app entries
     * and its points of contact's e-mails): the target organisation answered it. Answers the ids
     * acknowledged now.
     */
    List<UUID> acknowledgeVictimNotice(String subjectId, UUID organisation, Instant at) {
        return jdbc.sql("""
                UPDATE notifications SET opened_at = COALESCE(opened_at, CASE WHEN channel = 'IN_APP' THEN CAST(:at AS timestamptz) END), acknowledged_at = :at
                WHERE subject_id = :subject AND payload ->> 'kind' = 'victim-notice' AND payload ->> 'targetOrganisation' = :org
                  AND acknowledged_at IS NULL
                RETURNING id""")
                .param("subject", subjectId).param("org", organisation.toString()).param("at", Timestamp.from(at))
                .query(UUID.class).list();
    }

    Notification get(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE id = :id").param("id", id).query(this::row).single();
    }

    private Notification row(ResultSet rs, int n) throws SQLException {
        try {
            return new Notification(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                    rs.getObject("subscription_id", UUID.class), rs.getObject("recipient_account", UUID.class),
                    AlertChannel.valueOf(rs.getString("channel")), rs.getString("subject_id"), instant(rs, "subject_modified"),
                    Tlp.valueOf(rs.getString("tlp")), json.readTree(rs.getString("payload")), rs.getString("idempotency_key"),
                    NotificationStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                    rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "delivered_at"), instant(rs, "opened_at"),
                    instant(rs, "acknowledged_at"), rs.getObject("recipient_contact", UUID.class), rs.getString("recipient_email"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable notification payload " + rs.getString("id"), e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
