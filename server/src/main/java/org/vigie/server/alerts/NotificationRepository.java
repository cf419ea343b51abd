package org.vigie.server.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.sharing.VisibilityPolicy;

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
        return enqueue(n, false);
    }

    /**
     * @param digest the row belongs to an HOURLY or DAILY subscription: it is delivered with the other
     *               rows of its subscription, recipient and channel that are due at the same time
     */
    boolean enqueue(Notification n, boolean digest) {
        return jdbc.sql("""
                INSERT INTO notifications (id, event_id, subscription_id, recipient_account, channel, subject_id, subject_modified,
                    tlp, payload, idempotency_key, status, attempts, next_attempt_at, created_at, recipient_contact, recipient_email,
                    digest)
                VALUES (:id, :event, :subscription, :recipient, :channel, :subject, :modified, :tlp, CAST(:payload AS jsonb), :key,
                    'PENDING', 0, :next, :created, :contact, :email, :digest)
                ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("digest", digest)
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
        return claimWhere("", now, leaseUntil, limit);
    }

    /**
     * {@link #claim} of immediate rows (not digests) only, webhook rows or all others: the worker claims
     * webhook rows no faster than it has free delivery slots, the others by the batch.
     */
    List<Notification> claimImmediate(Instant now, Instant leaseUntil, int limit, boolean webhooks) {
        return claimWhere(webhooks ? " AND NOT digest AND channel = 'WEBHOOK'" : " AND NOT digest AND channel <> 'WEBHOOK'",
                now, leaseUntil, limit);
    }

    private List<Notification> claimWhere(String condition, Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                UPDATE notifications SET attempts = attempts + 1, next_attempt_at = :lease
                WHERE id IN (SELECT id FROM notifications WHERE status IN ('PENDING', 'FAILED') AND next_attempt_at <= :now"""
                        + condition + """

                             ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING """ + " " + COLUMNS)
                .param("now", Timestamp.from(now)).param("lease", Timestamp.from(leaseUntil)).param("limit", limit)
                .query(this::row).list();
    }

    /**
     * Claims due digest rows by whole groups: every due row of up to {@code groups} (subscription,
     * recipient, channel) triples, so that one period's items leave in one message.
     */
    List<Notification> claimDigests(Instant now, Instant leaseUntil, int groups) {
        return jdbc.sql("""
                UPDATE notifications SET attempts = attempts + 1, next_attempt_at = :lease
                WHERE id IN (
                    SELECT id FROM notifications
                    WHERE digest AND status IN ('PENDING', 'FAILED') AND next_attempt_at <= :now
                      AND (COALESCE(subscription_id, id), COALESCE(recipient_account, id), channel) IN (
                          SELECT COALESCE(subscription_id, id), COALESCE(recipient_account, id), channel FROM notifications
                          WHERE digest AND status IN ('PENDING', 'FAILED') AND next_attempt_at <= :now
                          GROUP BY COALESCE(subscription_id, id), COALESCE(recipient_account, id), channel
                          ORDER BY min(next_attempt_at) LIMIT :groups)
                    FOR UPDATE SKIP LOCKED)
                RETURNING """ + " " + COLUMNS)
                .param("now", Timestamp.from(now)).param("lease", Timestamp.from(leaseUntil)).param("groups", groups)
                .query(this::row).list();
    }

    /**
     * For the rest of the current transaction, its commit does not wait for the WAL flush. Used for the
     * worker's own bookkeeping (claims, outcomes), never for the report and its outbox rows: if the
     * machine crashes in the following few hundred milliseconds, the bookkeeping is lost and the rows
     * are due again — delivered twice at worst, which at-least-once delivery with an idempotency key
     * allows — while each delivery no longer costs a disk flush (which capped delivery at a few hundred
     * per second on an ordinary disk).
     */
    void relaxDurabilityOfThisTransaction() {
        jdbc.sql("SET LOCAL synchronous_commit = off").update();
    }

    /** Many delivered rows in one statement, each with its own delivery time. */
    void markDelivered(List<UUID> ids, List<Instant> at) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE notifications n SET status = 'DELIVERED', delivered_at = v.at, last_error = NULL
                FROM unnest(CAST(:ids AS uuid[]), CAST(:ats AS timestamptz[])) AS v(id, at) WHERE n.id = v.id""")
                // array literals, in the same order: element i of one goes with element i of the other
                .param("ids", ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .param("ats", at.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(",", "{", "}")))
                .update();
    }

    void markDelivered(UUID id, Instant at, int attempts) {
        markDelivered(List.of(id), at, attempts);
    }

    void markDelivered(Collection<UUID> ids, Instant at, int attempts) {
        // attempts were counted at the claim
        jdbc.sql("UPDATE notifications SET status = 'DELIVERED', delivered_at = :at, last_error = NULL"
                        + " WHERE id = ANY(CAST(:ids AS uuid[]))")
                .param("ids", VisibilityPolicy.arrayLiteral(Set.copyOf(ids))).param("at", Timestamp.from(at)).update();
    }

    void markFailed(UUID id, NotificationStatus status, int attempts, Instant nextAttemptAt, String error) {
        markFailed(List.of(id), status, attempts, nextAttemptAt, error);
    }

    void markFailed(Collection<UUID> ids, NotificationStatus status, int attempts, Instant nextAttemptAt, String error) {
        jdbc.sql("UPDATE notifications SET status = :status, next_attempt_at = :next, last_error = :error"
                        + " WHERE id = ANY(CAST(:ids AS uuid[]))")
                .param("ids", VisibilityPolicy.arrayLiteral(Set.copyOf(ids))).param("status", status.name())
                .param("next", Timestamp.from(nextAttemptAt)).param("error", error).update();
    }

    /**
     * Gives back claimed rows that could not be started (their receiver was busy): the claim's attempt
     * is not counted and they are due at {@code at}.
     */
    void release(Collection<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE notifications SET attempts = greatest(attempts - 1, 0), next_attempt_at = :at"
                        + " WHERE id = ANY(CAST(:ids AS uuid[])) AND status IN ('PENDING', 'FAILED')")
                .param("ids", VisibilityPolicy.arrayLiteral(Set.copyOf(ids))).param("at", Timestamp.from(at)).update();
    }

    /**
     * Dead notifications, newest first: all of them ({@code organisation} null, platform administrators)
     * or those of one organisation's subscriptions and of its members' own subscriptions.
     */
    List<DeadLetter> dead(UUID organisation, int limit) {
        return jdbc.sql("""
                SELECT n.id, n.event_id, n.subscription_id, s.name AS subscription_name, n.recipient_account,
                       COALESCE(a.username, n.recipient_email) AS username,
                       n.channel, n.subject_id, n.tlp, n.attempts, n.last_error, n.created_at, n.next_attempt_at, s.webhook_url
                FROM notifications n
                LEFT JOIN subscriptions s ON s.id = n.subscription_id
                LEFT JOIN accounts a ON a.id = n.recipient_account
                LEFT JOIN accounts owner ON owner.id = s.owner_account
                WHERE n.status = 'DEAD'
                  AND (CAST(:organisation AS uuid) IS NULL OR s.owner_organisation = :organisation
                       OR owner.organisation_id = :organisation)
                ORDER BY n.created_at DESC, n.id LIMIT :limit""")
                .param("organisation", organisation).param("limit", limit)
                .query((rs, i) -> new DeadLetter(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                        rs.getObject("subscription_id", UUID.class), rs.getString("subscription_name"),
                        rs.getObject("recipient_account", UUID.class), rs.getString("username"), AlertChannel.valueOf(rs.getString("channel")),
                        rs.getString("subject_id"), rs.getString("tlp"), rs.getInt("attempts"), rs.getString("last_error"),
                        instant(rs, "created_at"), instant(rs, "next_attempt_at"), rs.getString("webhook_url")))
                .list();
    }

    /**
     * Puts dead notifications back in the queue, due now with their attempts reset; {@code ids} null
     * means every dead one in the scope (see {@link #dead}). Answers the ids replayed.
     */
    List<UUID> replay(UUID organisation, Collection<UUID> ids, UUID by, Instant at) {
        return jdbc.sql("""
                UPDATE notifications n SET status = 'PENDING', attempts = 0, next_attempt_at = :at, replayed_at = :at, replayed_by = :by
                WHERE n.status = 'DEAD'
                  AND (CAST(:ids AS uuid[]) IS NULL OR n.id = ANY(CAST(:ids AS uuid[])))
                  AND (CAST(:organisation AS uuid) IS NULL OR EXISTS (
                       SELECT 1 FROM subscriptions s LEFT JOIN accounts owner ON owner.id = s.owner_account
                       WHERE s.id = n.subscription_id AND (s.owner_organisation = :organisation OR owner.organisation_id = :organisation)))
                RETURNING n.id""")
                .param("ids", ids == null ? null : VisibilityPolicy.arrayLiteral(Set.copyOf(ids))).param("organisation", organisation)
                .param("by", by).param("at", Timestamp.from(at))
                .query(UUID.class).list();
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
