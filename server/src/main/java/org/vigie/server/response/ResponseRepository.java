package org.vigie.server.response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.core.accounts.OrganisationRole;
import org.vigie.core.response.ResponseMetrics;
import org.vigie.core.sharing.Distribution;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Sharing;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.sharing.Viewer;
import org.vigie.core.sharing.VisibilityPolicy;

/** The SQL of boards, levels reached, alerts, tasks and the log (V16), and of the metrics. */
@Repository
class ResponseRepository {

    /** Log kinds that are someone's action on the board, for "time to first action". */
    static final List<String> ACTIONS = List.of("TASK_ADDED", "TASK_ASSIGNED", "TASK_COMPLETED", "DECISION", "OPTION_CHOSEN", "COMMUNICATION");

    private static final String BOARD_COLUMNS = """
            b.id, b.protocol_id, b.community_id, b.protocol_snapshot, b.subject_id, b.subject_type, b.activated_by, b.activated_at,
            b.current_level, b.escalation_due_at, b.status""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ResponseRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ---- boards ------------------------------------------------------------------------------------

    void insertBoard(Board b, JsonNode snapshot) {
        jdbc.sql("""
                INSERT INTO response_boards (id, protocol_id, community_id, protocol_snapshot, subject_id, subject_type, activated_by,
                    activated_at, current_level, escalation_due_at, status)
                VALUES (:id, :protocol, :community, CAST(:snapshot AS jsonb), :subject, :type, :by, :at, :level, :due, 'OPEN')""")
                .param("id", b.id()).param("protocol", b.protocolId()).param("community", b.communityId())
                .param("snapshot", snapshot.toString()).param("subject", b.subjectId()).param("type", b.subjectType())
                .param("by", b.activatedBy()).param("at", Timestamp.from(b.activatedAt())).param("level", b.currentLevel())
                .param("due", ts(b.escalationDueAt())).update();
    }

    Optional<Board> board(UUID id) {
        return jdbc.sql("SELECT " + BOARD_COLUMNS + " FROM response_boards b WHERE b.id = :id").param("id", id).query(this::boardRow).optional();
    }

    /** The board locked for this transaction, if it is still open and due; skipped if another worker holds it. */
    Optional<Board> lockDue(UUID id, Instant now) {
        return jdbc.sql("SELECT " + BOARD_COLUMNS + " FROM response_boards b WHERE b.id = :id AND b.status = 'OPEN'"
                        + " AND b.escalation_due_at <= :now FOR UPDATE SKIP LOCKED")
                .param("id", id).param("now", Timestamp.from(now)).query(this::boardRow).optional();
    }

    Optional<UUID> openBoard(UUID protocol, String subject) {
        return jdbc.sql("SELECT id FROM response_boards WHERE protocol_id = :p AND subject_id = :s AND status = 'OPEN'")
                .param("p", protocol).param("s", subject).query(UUID.class).optional();
    }

    List<Board> boardsAbout(String subject) {
        return jdbc.sql("SELECT " + BOARD_COLUMNS + " FROM response_boards b WHERE b.subject_id = :s ORDER BY b.activated_at DESC")
                .param("s", subject).query(this::boardRow).list();
    }

    /** The escalation job's scan (index response_boards_escalation_due). */
    List<UUID> dueBoards(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM response_boards WHERE status = 'OPEN' AND escalation_due_at IS NOT NULL AND escalation_due_at <= :now"
                        + " ORDER BY escalation_due_at LIMIT :limit")
                .param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
    }

    void setLevel(UUID board, int level, Instant dueAt) {
        jdbc.sql("UPDATE response_boards SET current_level = :level, escalation_due_at = :due WHERE id = :id")
                .param("id", board).param("level", level).param("due", ts(dueAt)).update();
    }

    void stopEscalation(UUID board) {
        jdbc.sql("UPDATE response_boards SET escalation_due_at = NULL WHERE id = :id").param("id", board).update();
    }

    void close(UUID board, UUID by, Instant at) {
        jdbc.sql("UPDATE response_boards SET status = 'CLOSED', closed_at = :at, closed_by = :by, escalation_due_at = NULL WHERE id = :id")
                .param("id", board).param("by", by).param("at", Timestamp.from(at)).update();
    }

    /**
     * Boards the viewer may see: the subject's newest version passes the visibility policy (the same
     * SQL predicate as every listing), and the viewer's organisation takes part in the protocol's
     * community or the viewer was alerted on the board. Newest first.
     */
    List<Board> visibleBoards(Viewer viewer, int limit) {
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "s");
        return jdbc.sql("SELECT " + BOARD_COLUMNS + " FROM response_boards b"
                        + " JOIN stix_objects s ON s.stix_id = b.subject_id AND s.is_latest"
                        + " WHERE " + visible.sql()
                        + " AND (b.community_id = ANY(CAST(:communities AS uuid[]))"
                        + "      OR EXISTS (SELECT 1 FROM response_alerts ra WHERE ra.board_id = b.id AND ra.account_id = :me))"
                        + " ORDER BY b.activated_at DESC LIMIT :limit")
                .params(visible.parameters())
                .param("communities", VisibilityPolicy.arrayLiteral(viewer.activeCommunities()))
                .param("me", viewer.accountId()).param("limit", limit)
                .query(this::boardRow).list();
    }

    boolean wasAlerted(UUID board, UUID account) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM response_alerts WHERE board_id = :b AND account_id = :a)")
                .param("b", board).param("a", account).query(Boolean.class).single();
    }

    private Board boardRow(ResultSet rs, int n) throws SQLException {
        JsonNode snapshot;
        try {
            snapshot = json.readTree(rs.getString("protocol_snapshot"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable protocol snapshot of board " + rs.getString("id"), e);
        }
        UUID protocolId = rs.getObject("protocol_id", UUID.class);
        UUID community = rs.getObject("community_id", UUID.class);
        Protocol protocol = new Protocol(protocolId, community, snapshot.path("name").asText(), snapshot.path("description").asText(""),
                new org.vigie.core.response.Trigger(Set.of(), null, Set.of()), ProtocolRepository.levels(snapshot.path("levels")), true,
                rs.getObject("activated_by", UUID.class), instant(rs, "activated_at"), instant(rs, "activated_at"));
        return new Board(rs.getObject("id", UUID.class), protocolId, community, protocol, rs.getString("subject_id"),
                rs.getString("subject_type"), rs.getObject("activated_by", UUID.class), instant(rs, "activated_at"),
                rs.getInt("current_level"), instant(rs, "escalation_due_at"), "OPEN".equals(rs.getString("status")));
    }

    // ---- levels and alerts ---------------------------------------------------------------------------

    void insertLevel(UUID board, int level, Instant at, String reason, Instant dueAt, Set<UUID> unreachable) {
        jdbc.sql("""
                INSERT INTO response_levels (board_id, level, reached_at, reason, due_at, unreachable_organisations)
                VALUES (:b, :level, :at, :reason, :due, CAST(:unreachable AS uuid[]))""")
                .param("b", board).param("level", level).param("at", Timestamp.from(at)).param("reason", reason)
                .param("due", Timestamp.from(dueAt)).param("unreachable", VisibilityPolicy.arrayLiteral(unreachable)).update();
    }

    void insertAlert(UUID board, int level, UUID account, UUID organisation, UUID event, UUID notification, Instant at) {
        jdbc.sql("""
                INSERT INTO response_alerts (board_id, level, account_id, organisation_id, event_id, notification_id, alerted_at)
                VALUES (:b, :level, :account, :org, :event, :notification, :at) ON CONFLICT DO NOTHING""")
                .param("b", board).param("level", level).param("account", account).param("org", organisation).param("event", event)
                .param("notification", notification).param("at", Timestamp.from(at)).update();
    }

    /** Whether anyone alerted at this level acknowledged (the notification centre's acknowledge). */
    boolean levelAcknowledged(UUID board, int level) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM response_alerts ra JOIN notifications n ON n.id = ra.notification_id
                               WHERE ra.board_id = :b AND ra.level = :level AND n.acknowledged_at IS NOT NULL)""")
                .param("b", board).param("level", level).query(Boolean.class).single();
    }

    record LevelRow(int level, Instant reachedAt, String reason, Instant dueAt, Set<UUID> unreachable) {
    }

    List<LevelRow> levels(UUID board) {
        return jdbc.sql("SELECT level, reached_at, reason, due_at, unreachable_organisations FROM response_levels WHERE board_id = :b ORDER BY level")
                .param("b", board)
                .query((rs, n) -> new LevelRow(rs.getInt("level"), instant(rs, "reached_at"), rs.getString("reason"), instant(rs, "due_at"),
                        uuids(rs.getArray("unreachable_organisations"))))
                .list();
    }

    record AlertRow(int level, BoardParts.Alerted alerted) {
    }

    List<AlertRow> alerts(UUID board) {
        return jdbc.sql("""
                SELECT ra.level, ra.account_id, a.display_name, ra.organisation_id, o.name AS organisation, ra.alerted_at, ra.notification_id,
                       n.delivered_at, n.opened_at, n.acknowledged_at
                FROM response_alerts ra JOIN accounts a ON a.id = ra.account_id JOIN organisations o ON o.id = ra.organisation_id
                JOIN notifications n ON n.id = ra.notification_id
                WHERE ra.board_id = :b ORDER BY ra.level, o.name, a.display_name""")
                .param("b", board)
                .query((rs, n) -> new AlertRow(rs.getInt("level"), new BoardParts.Alerted(rs.getObject("account_id", UUID.class),
                        rs.getString("display_name"), rs.getObject("organisation_id", UUID.class), rs.getString("organisation"),
                        instant(rs, "alerted_at"), rs.getObject("notification_id", UUID.class), instant(rs, "delivered_at"),
                        instant(rs, "opened_at"), instant(rs, "acknowledged_at"))))
                .list();
    }

    // ---- people ------------------------------------------------------------------------------------

    /** An enabled person of one of these organisations with one of these roles: a possible recipient. */
    record Recipient(UUID account, UUID organisation, String email, String name) {
    }

    List<Recipient> people(List<UUID> organisations, Set<OrganisationRole> roles) {
        if (organisations.isEmpty() || roles.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, organisation_id, email, display_name FROM accounts
                WHERE enabled AND organisation_id = ANY(CAST(:orgs AS uuid[])) AND role = ANY(CAST(:roles AS text[]))
                ORDER BY organisation_id, id""")
                .param("orgs", VisibilityPolicy.arrayLiteral(new HashSet<>(organisations)))
                .param("roles", ProtocolRepository.literal(roles.stream().map(Enum::name).sorted().toList()))
                .query((rs, n) -> new Recipient(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                        rs.getString("email"), rs.getString("display_name")))
                .list();
    }

    Optional<Recipient> person(UUID account) {
        return jdbc.sql("SELECT id, organisation_id, email, display_name FROM accounts WHERE id = :id AND enabled AND organisation_id IS NOT NULL")
                .param("id", account)
                .query((rs, n) -> new Recipient(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                        rs.getString("email"), rs.getString("display_name")))
                .optional();
    }

    Map<UUID, String> organisationNames(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT id, name FROM organisations WHERE id = ANY(CAST(:ids AS uuid[]))")
                .param("ids", VisibilityPolicy.arrayLiteral(ids))
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("name"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * The subject's stored sharing, newest version, with its modified time and name: a system read
     * made to APPLY the visibility policy to each recipient (escalation runs without a signed-in
     * member); nothing read here is shown to anyone who has not passed the policy.
     */
    record StoredSubject(Sharing sharing, Instant modified, String name) {
    }

    Optional<StoredSubject> storedSubject(String stixId) {
        return jdbc.sql("""
                SELECT owner_organisation, tlp, pap, dist_communities, dist_organisations, dist_users, modified, object ->> 'name' AS name
                FROM stix_objects WHERE stix_id = :id AND is_latest""")
                .param("id", stixId)
                .query((rs, n) -> {
                    String pap = rs.getString("pap");
                    return new StoredSubject(new Sharing(rs.getObject("owner_organisation", UUID.class), Tlp.valueOf(rs.getString("tlp")),
                            pap == null ? null : Pap.valueOf(pap), new Distribution(uuids(rs.getArray("dist_communities")),
                            uuids(rs.getArray("dist_organisations")), uuids(rs.getArray("dist_users")))), instant(rs, "modified"),
                            rs.getString("name"));
                })
                .optional();
    }

    // ---- tasks -------------------------------------------------------------------------------------

    void insertTask(UUID id, UUID board, Integer level, String title, UUID owner, Instant dueAt, Instant at) {
        jdbc.sql("""
                INSERT INTO response_tasks (id, board_id, level, position, title, owner_account, due_at, created_at)
                VALUES (:id, :b, :level, (SELECT coalesce(max(position), 0) + 1 FROM response_tasks WHERE board_id = :b), :title, :owner, :due, :at)""")
                .param("id", id).param("b", board).param("level", level).param("title", title).param("owner", owner)
                .param("due", ts(dueAt)).param("at", Timestamp.from(at)).update();
    }

    boolean assignTask(UUID board, UUID task, UUID owner, Instant dueAt) {
        return jdbc.sql("UPDATE response_tasks SET owner_account = :owner, due_at = :due WHERE id = :id AND board_id = :b")
                .param("b", board).param("id", task).param("owner", owner).param("due", ts(dueAt)).update() == 1;
    }

    boolean completeTask(UUID board, UUID task, UUID by, Instant at) {
        return jdbc.sql("UPDATE response_tasks SET done_at = :at, done_by = :by WHERE id = :id AND board_id = :b AND done_at IS NULL")
                .param("b", board).param("id", task).param("by", by).param("at", Timestamp.from(at)).update() == 1;
    }

    Optional<BoardParts.Task> task(UUID board, UUID task) {
        return tasks(board).stream().filter(t -> t.id().equals(task)).findFirst();
    }

    List<BoardParts.Task> tasks(UUID board) {
        return jdbc.sql("""
                SELECT t.id, t.level, t.title, t.owner_account, o.display_name AS owner, t.due_at, t.done_at, d.display_name AS done_by, t.created_at
                FROM response_tasks t LEFT JOIN accounts o ON o.id = t.owner_account LEFT JOIN accounts d ON d.id = t.done_by
                WHERE t.board_id = :b ORDER BY t.position""")
                .param("b", board)
                .query((rs, n) -> new BoardParts.Task(rs.getObject("id", UUID.class), (Integer) rs.getObject("level"), rs.getString("title"),
                        rs.getObject("owner_account", UUID.class), rs.getString("owner"), instant(rs, "due_at"), instant(rs, "done_at"),
                        rs.getString("done_by"), instant(rs, "created_at")))
                .list();
    }

    // ---- the log -----------------------------------------------------------------------------------

    void append(UUID board, Instant at, String kind, UUID author, UUID organisation, String text, ObjectNode data) {
        jdbc.sql("""
                INSERT INTO response_entries (id, board_id, at, kind, author_account, author_organisation, text, data)
                VALUES (:id, :b, :at, :kind, :author, :org, :text, CAST(:data AS jsonb))""")
                .param("id", UUID.randomUUID()).param("b", board).param("at", Timestamp.from(at)).param("kind", kind)
                .param("author", author).param("org", organisation).param("text", text == null ? "" : text)
                .param("data", data == null ? "{}" : data.toString()).update();
    }

    List<BoardParts.Entry> entries(UUID board) {
        return jdbc.sql("""
                SELECT e.id, e.at, e.kind, a.display_name, o.name, e.text, e.data FROM response_entries e
                LEFT JOIN accounts a ON a.id = e.author_account LEFT JOIN organisations o ON o.id = e.author_organisation
                WHERE e.board_id = :b ORDER BY e.at, e.id""")
                .param("b", board)
                .query((rs, n) -> {
                    try {
                        return new BoardParts.Entry(rs.getObject("id", UUID.class), instant(rs, "at"), rs.getString("kind"),
                                rs.getString("display_name"), rs.getString("name"), rs.getString("text"), json.readTree(rs.getString("data")));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .list();
    }

    // ---- metrics -----------------------------------------------------------------------------------

    /** One organisation reached at one level of one board, with the protocol and organisation it counts for. */
    record ReachRow(UUID protocolId, String protocol, UUID organisationId, String organisation, ResponseMetrics.Reach reach) {
    }

    /**
     * The reaches of the boards given. Checked with EXPLAIN on a database with many boards: the
     * alerts come from response_alerts' primary key (board_id first), each notification by its
     * primary key, and each first action from response_entries_first_action (board, organisation, at).
     */
    List<ReachRow> reaches(List<UUID> boards) {
        if (boards.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(REACHES_SQL)
                .param("boards", VisibilityPolicy.arrayLiteral(new HashSet<>(boards)))
                .param("actions", ProtocolRepository.literal(ACTIONS))
                .query((rs, n) -> new ReachRow(rs.getObject("protocol_id", UUID.class), rs.getString("protocol"),
                        rs.getObject("organisation_id", UUID.class), rs.getString("organisation"),
                        new ResponseMetrics.Reach(null, instant(rs, "alerted_at"), instant(rs, "acknowledged_at"), instant(rs, "first_action_at"))))
                .list();
    }

    static final String REACHES_SQL = """
            WITH reach AS (
                SELECT ra.board_id, ra.level, ra.organisation_id, min(ra.alerted_at) AS alerted_at, min(n.acknowledged_at) AS acknowledged_at
                FROM response_alerts ra JOIN notifications n ON n.id = ra.notification_id
                WHERE ra.board_id = ANY(CAST(:boards AS uuid[]))
                GROUP BY ra.board_id, ra.level, ra.organisation_id)
            SELECT b.protocol_id, b.protocol_snapshot ->> 'name' AS protocol, r.organisation_id, o.name AS organisation, r.alerted_at,
                   r.acknowledged_at,
                   (SELECT min(e.at) FROM response_entries e
                    WHERE e.board_id = r.board_id AND e.author_organisation = r.organisation_id AND e.at >= r.alerted_at
                      AND e.kind = ANY(CAST(:actions AS text[]))) AS first_action_at
            FROM reach r JOIN response_boards b ON b.id = r.board_id JOIN organisations o ON o.id = r.organisation_id
            ORDER BY o.name, r.alerted_at""";

    // ---- helpers -----------------------------------------------------------------------------------

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Set<UUID> uuids(Array array) throws SQLException {
        return array == null ? Set.of() : new HashSet<>(Arrays.asList((UUID[]) array.getArray()));
    }
}
