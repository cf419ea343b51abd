package org.vigie.server.panelreview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dossier's SQL. Every entry of the dossier comes from ONE query (a UNION ALL over the panel
 * tables, ordered by time in the database) read through a cursor a thousand rows at a time, so a
 * dossier of thousands of referrals costs one round trip per thousand entries and never a query per
 * row. It reads the V19 tables as their comments define them; it writes nothing.
 */
@Repository
class DossierRepository {

    /** Rows fetched per round trip of the cursor (PostgreSQL streams only inside a transaction). */
    static final int FETCH_SIZE = 1_000;

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    DossierRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(cursor);
    }

    record PanelRow(UUID id, String name, UUID electionId, String rule, Integer quorum) {
    }

    private static PanelRow panel(ResultSet rs, int n) throws SQLException {
        return new PanelRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("election_id", UUID.class),
                rs.getString("decision_rule"), (Integer) rs.getObject("quorum"));
    }

    Optional<PanelRow> panel(UUID id) {
        return jdbc.sql("SELECT id, name, election_id, decision_rule, CAST(quorum AS integer) AS quorum FROM panels WHERE id = :id")
                .param("id", id).query(DossierRepository::panel).optional();
    }

    List<PanelRow> panelsOfElection(UUID election) {
        return jdbc.sql("""
                SELECT id, name, election_id, decision_rule, CAST(quorum AS integer) AS quorum FROM panels
                WHERE election_id = :election ORDER BY lower(name)""")
                .param("election", election).query(DossierRepository::panel).list();
    }

    /** The panels of these on which the account currently sits (a removed member no longer reads the panel's record). */
    Set<UUID> seatsOf(UUID account, Collection<UUID> panels) {
        if (panels.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                SELECT panel_id FROM panel_members
                WHERE account_id = :account AND removed_at IS NULL AND panel_id = ANY(CAST(:panels AS uuid[]))""")
                .param("account", account).param("panels", uuidArray(panels)).query(UUID.class).list());
    }

    boolean sitsOnAnyPanel(UUID account) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM panel_members WHERE account_id = :account AND removed_at IS NULL)")
                .param("account", account).query(Boolean.class).single();
    }

    /** What a reader may open from the review index: elections with panels, and panels, each with its number of referrals. */
    record Readable(UUID panelId, String panelName, UUID electionId, String electionName, long referrals) {
    }

    List<Readable> readable(UUID account, boolean everything) {
        return jdbc.sql("""
                SELECT p.id, p.name, e.id, e.name, (SELECT count(*) FROM panel_referrals r WHERE r.panel_id = p.id)
                FROM panels p LEFT JOIN elections e ON e.id = p.election_id
                WHERE :everything OR EXISTS (SELECT 1 FROM panel_members m WHERE m.panel_id = p.id AND m.account_id = :account
                                                                           AND m.removed_at IS NULL)
                ORDER BY e.election_day DESC NULLS LAST, lower(p.name)""")
                .param("everything", everything).param("account", account)
                .query((rs, n) -> new Readable(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getLong(5)))
                .list();
    }

    /** Display names of the members of these panels (past and present), for the tallies, which hold account ids. */
    Map<UUID, String> memberNames(Collection<UUID> panels) {
        Map<UUID, String> names = new HashMap<>();
        if (panels.isEmpty()) {
            return names;
        }
        jdbc.sql("""
                SELECT DISTINCT a.id, a.display_name || ' (' || a.username || ')' FROM panel_members m JOIN accounts a ON a.id = m.account_id
                WHERE m.panel_id = ANY(CAST(:panels AS uuid[]))""")
                .param("panels", uuidArray(panels))
                .query(rs -> {
                    names.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return names;
    }

    /** One row of the events query, before its detail is read. */
    record EventRow(Instant at, DossierEvent.Kind kind, UUID referralId, String referralTitle, String actor, String detail) {
    }

    /** A timestamp inside a JSON detail, as ISO-8601 in UTC (what {@link Instant#parse} reads). */
    private static String iso(String column) {
        return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
    }

    /**
     * Everything about the referrals of these panels made in [from, until), oldest first. The scope is
     * computed once (MATERIALIZED) and every branch joins it on an indexed key.
     */
    static final String EVENTS_SQL = """
            WITH scope AS MATERIALIZED (
                SELECT r.id, r.title FROM panel_referrals r
                WHERE r.panel_id = ANY(CAST(:panels AS uuid[])) AND r.referred_at >= :from AND r.referred_at < :until
            )
            SELECT e.at, e.kind, e.referral_id, e.title, e.actor, e.detail FROM (
                SELECT r.referred_at AS at, 0 AS rank, 'REFERRAL' AS kind, r.id AS referral_id, scope.title, r.id::text AS tie,
                       a.display_name || ' (' || a.username || ')' AS actor,
                       jsonb_build_object('panel', p.name, 'kind', r.kind, 'title', r.title, 'coverNote', r.cover_note, 'organisation', o.name,
                           'subjects', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', s.subject_id, 'type', s.subject_type)
                                                                  ORDER BY s.subject_id)
                                                 FROM panel_referral_subjects s WHERE s.referral_id = r.id), '[]'::jsonb)) AS detail
                FROM scope JOIN panel_referrals r ON r.id = scope.id JOIN panels p ON p.id = r.panel_id
                     JOIN accounts a ON a.id = r.referred_by LEFT JOIN organisations o ON o.id = r.referred_by_org
              UNION ALL
                SELECT r.closed_at, 1, 'REFERRAL_WITHDRAWN', r.id, scope.title, r.id::text, NULL, '{}'::jsonb
                FROM scope JOIN panel_referrals r ON r.id = scope.id WHERE r.status = 'WITHDRAWN' AND r.closed_at IS NOT NULL
              UNION ALL
                SELECT c.recorded_at, 2, 'RECUSAL', c.referral_id, scope.title, c.account_id::text, a.display_name || ' (' || a.username || ')',
                       jsonb_build_object('organisation', o.name, 'reason', c.reason)
                FROM scope JOIN panel_recusals c ON c.referral_id = scope.id JOIN accounts a ON a.id = c.account_id
                     LEFT JOIN organisations o ON o.id = c.organisation_id
              UNION ALL
                SELECT s.recorded_at, 3, 'ASSESSMENT', s.referral_id, scope.title, s.id::text, a.display_name || ' (' || a.username || ')',
                       jsonb_build_object('revision', row_number() OVER (PARTITION BY s.referral_id, s.account_id ORDER BY s.recorded_at, s.id),
                           'criteria', s.criteria, 'responseOptions', s.response_options, 'position', s.position, 'rationale', s.rationale)
                FROM scope JOIN panel_assessments s ON s.referral_id = scope.id JOIN accounts a ON a.id = s.account_id
              UNION ALL
                SELECT d.decided_at, 4, 'DECISION', d.referral_id, scope.title, d.id::text, a.display_name || ' (' || a.username || ')',
                       jsonb_build_object('id', d.id, 'outcome', d.outcome, 'tally', d.tally, 'dissent', d.dissent,
                           'responseOptions', d.response_options, 'rationale', d.rationale, 'corrects', d.corrects,
                           'correctionReason', d.correction_reason)
                FROM scope JOIN panel_decisions d ON d.referral_id = scope.id JOIN accounts a ON a.id = d.recorded_by
              UNION ALL
                SELECT v.edited_at, 5, 'STATEMENT_VERSION', st.referral_id, scope.title, st.id::text || ':' || v.version,
                       a.display_name || ' (' || a.username || ')',
                       jsonb_build_object('slug', st.slug, 'version', v.version, 'titleFr', v.fields #>> '{fr,title}',
                           'titleEn', v.fields #>> '{en,title}', 'incidentType', v.incident_type, 'cyclePhase', v.cycle_phase)
                FROM scope JOIN panel_statements st ON st.referral_id = scope.id
                     JOIN panel_statement_versions v ON v.statement_id = st.id JOIN accounts a ON a.id = v.edited_by
              UNION ALL
                SELECT ap.approved_at, 6, 'STATEMENT_APPROVAL', st.referral_id, scope.title, st.id::text || ':' || ap.version || ':' || ap.account_id,
                       a.display_name || ' (' || a.username || ')', jsonb_build_object('slug', st.slug, 'version', ap.version)
                FROM scope JOIN panel_statements st ON st.referral_id = scope.id
                     JOIN panel_statement_approvals ap ON ap.statement_id = st.id JOIN accounts a ON a.id = ap.account_id
              UNION ALL
                SELECT n.sent_at, 7, 'NOTICE', st.referral_id, scope.title, n.kind || ':' || o.name || ':' || n.id::text, NULL,
                       jsonb_build_object('slug', st.slug, 'kind', n.kind, 'organisation', o.name, 'batch', n.batch_id,
                           'channel', nt.channel, 'status', nt.status, 'deliveredAt', %s)
                FROM scope JOIN panel_statements st ON st.referral_id = scope.id JOIN panel_notices n ON n.statement_id = st.id
                     JOIN organisations o ON o.id = n.organisation_id LEFT JOIN notifications nt ON nt.id = n.notification_id
              UNION ALL
                SELECT st.published_at, 8, 'PUBLICATION', st.referral_id, scope.title, st.id::text, NULL,
                       jsonb_build_object('slug', st.slug, 'version', st.approved_version, 'titleFr', v.fields #>> '{fr,title}',
                           'titleEn', v.fields #>> '{en,title}', 'scheduledFor', %s, 'decision', st.decision_id)
                FROM scope JOIN panel_statements st ON st.referral_id = scope.id
                     LEFT JOIN panel_statement_versions v ON v.statement_id = st.id AND v.version = st.approved_version
                WHERE st.published_at IS NOT NULL
              UNION ALL
                SELECT st.updated_at, 9, 'STATEMENT_WITHDRAWN', st.referral_id, scope.title, st.id::text, NULL, jsonb_build_object('slug', st.slug)
                FROM scope JOIN panel_statements st ON st.referral_id = scope.id WHERE st.status = 'WITHDRAWN'
              UNION ALL
                SELECT c.published_at, 10, 'STATEMENT_CORRECTION', st.referral_id, scope.title, c.id::text, a.display_name || ' (' || a.username || ')',
                       jsonb_build_object('slug', st.slug, 'textFr', c.text_fr, 'textEn', c.text_en)
                FROM scope JOIN panel_statements st ON st.referral_id = scope.id
                     JOIN panel_statement_corrections c ON c.statement_id = st.id JOIN accounts a ON a.id = c.created_by
            ) e
            ORDER BY e.at, e.rank, e.referral_id, e.tie
            """.formatted(iso("nt.delivered_at"), iso("st.scheduled_for"));

    /** Hands each entry to {@code sink} in time order, a cursor page at a time; call inside a (read-only) transaction. */
    void events(Collection<UUID> panels, Instant from, Instant until, Consumer<EventRow> sink) {
        if (panels.isEmpty()) {
            return;
        }
        streaming.sql(EVENTS_SQL)
                .param("panels", uuidArray(panels))
                .param("from", Timestamp.from(from))
                .param("until", Timestamp.from(until))
                .query(rs -> {
                    sink.accept(new EventRow(rs.getTimestamp(1).toInstant(), DossierEvent.Kind.valueOf(rs.getString(2)),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6)));
                });
    }

    static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).sorted().collect(Collectors.joining(",", "{", "}"));
    }
}
