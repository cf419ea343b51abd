package org.vigie.server.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.network.NetworkEdge;
import org.vigie.detect.pipeline.AccountNode;
import org.vigie.detect.pipeline.CoordinatedGroup;
import org.vigie.detect.pipeline.DetectionResult;

/**
 * A run's groups, accounts and edges. Written once, in batches, in the transaction that marks the run
 * succeeded; read by run id only by {@link MonitoringRuns}, after it has applied the visibility policy to
 * the run.
 */
@Repository
class MonitoringResultRepository {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ObjectMapper json;

    MonitoringResultRepository(JdbcClient jdbc, JdbcTemplate batches, ObjectMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
    }

    /** The edges to keep when there are more than {@code cap}: those inside groups first, heaviest first. */
    static List<NetworkEdge> edgesToStore(DetectionResult result, int cap) {
        Map<String, Integer> groupOf = groupOf(result);
        List<NetworkEdge> edges = new ArrayList<>(result.edges());
        if (edges.size() > cap) {
            edges.sort(Comparator.comparing((NetworkEdge e) -> sameGroup(groupOf, e) == null)
                    .thenComparing(NetworkEdge::weight, Comparator.reverseOrder()));
            return List.copyOf(edges.subList(0, cap));
        }
        return edges;
    }

    private static Map<String, Integer> groupOf(DetectionResult result) {
        Map<String, Integer> groupOf = new HashMap<>();
        for (AccountNode account : result.accounts()) {
            if (account.inGroup()) {
                groupOf.put(account.accountId(), account.groupId());
            }
        }
        return groupOf;
    }

    private static Integer sameGroup(Map<String, Integer> groupOf, NetworkEdge edge) {
        Integer a = groupOf.get(edge.accountId());
        return a != null && a.equals(groupOf.get(edge.accountIdY())) ? a : null;
    }

    void store(UUID run, DetectionResult result, List<NetworkEdge> edges) {
        batches.batchUpdate("""
                INSERT INTO monitoring_groups (run_id, group_no, component, size, edges, weight, density, platforms, pairs_by_type,
                                               top_objects, evidence, first_seen, last_seen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb), ?, ?)""", result.groups(), BATCH,
                (ps, g) -> {
                    ps.setObject(1, run);
                    ps.setInt(2, g.id());
                    ps.setInt(3, g.component());
                    ps.setInt(4, g.size());
                    ps.setInt(5, g.edges());
                    ps.setDouble(6, g.weight());
                    ps.setDouble(7, g.density());
                    ps.setArray(8, ps.getConnection().createArrayOf("text", g.platforms().toArray()));
                    ps.setString(9, write(byKey(g.pairsByType())));
                    ps.setString(10, write(g.topObjects().stream().map(o -> new RunResults.TopObject(o.type().key(), o.objectId(),
                            o.value(), o.accounts(), o.shares())).toList()));
                    ps.setString(11, write(g.evidence().stream().map(e -> new StoredEvidence(e.postId(), e.accountId(), e.epochSecond(),
                            e.type().key(), e.objectId())).toList()));
                    ps.setTimestamp(12, time(g.firstSeen(), g));
                    ps.setTimestamp(13, time(g.lastSeen(), g));
                });
        batches.batchUpdate("""
                INSERT INTO monitoring_accounts (run_id, account_id, platform, group_no, score, posts, traces, degree, strength)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", result.accounts(), BATCH, (ps, a) -> {
            ps.setObject(1, run);
            ps.setString(2, a.accountId());
            ps.setString(3, a.platform());
            if (a.inGroup()) {
                ps.setInt(4, a.groupId());
            } else {
                ps.setNull(4, Types.INTEGER);
            }
            ps.setDouble(5, finite(a.score()));
            ps.setLong(6, a.posts());
            ps.setLong(7, a.traces());
            ps.setInt(8, a.degree());
            ps.setDouble(9, finite(a.strength()));
        });
        Map<String, Integer> groupOf = groupOf(result);
        batches.batchUpdate("""
                INSERT INTO monitoring_edges (run_id, account_id, account_id_y, group_no, pairs, weight, objects, avg_time_delta,
                                              edge_symmetry, pairs_by_type)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""", edges, BATCH, (ps, e) -> {
            ps.setObject(1, run);
            ps.setString(2, e.accountId());
            ps.setString(3, e.accountIdY());
            Integer group = sameGroup(groupOf, e);
            if (group != null) {
                ps.setInt(4, group);
            } else {
                ps.setNull(4, Types.INTEGER);
            }
            ps.setLong(5, e.pairs());
            ps.setDouble(6, finite(e.weight()));
            ps.setInt(7, e.objects());
            ps.setDouble(8, finite(e.avgTimeDelta()));
            ps.setDouble(9, finite(e.edgeSymmetryScore()));
            ps.setString(10, write(pairsByType(e)));
        });
    }

    /** Evidence as stored: epoch seconds, as the detection gives them. */
    record StoredEvidence(String postId, String accountId, long epochSecond, String type, String objectId) {
    }

    private static Timestamp time(long epochSecond, CoordinatedGroup group) {
        return group.evidence().isEmpty() && epochSecond == 0 ? null : Timestamp.from(Instant.ofEpochSecond(epochSecond));
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    private static Map<String, Long> byKey(Map<CoActionType, Long> byType) {
        Map<String, Long> keyed = new LinkedHashMap<>();
        for (CoActionType type : CoActionType.values()) {
            Long n = byType.get(type);
            if (n != null && n > 0) {
                keyed.put(type.key(), n);
            }
        }
        return keyed;
    }

    private static Map<String, Long> pairsByType(NetworkEdge edge) {
        Map<String, Long> keyed = new LinkedHashMap<>();
        for (CoActionType type : CoActionType.values()) {
            long n = type.ordinal() < edge.pairsByType().length ? edge.pairsByType()[type.ordinal()] : 0;
            if (n > 0) {
                keyed.put(type.key(), n);
            }
        }
        return keyed;
    }

    // ---- reading (the run is visible: the caller checked) ----------------------------------------------------

    List<RunResults.Group> groups(UUID run, int offset, int limit) {
        return jdbc.sql("SELECT * FROM monitoring_groups WHERE run_id = :run ORDER BY group_no OFFSET :offset LIMIT :limit")
                .param("run", run).param("offset", offset).param("limit", limit).query(this::group).list();
    }

    Optional<RunResults.Group> group(UUID run, int number) {
        return jdbc.sql("SELECT * FROM monitoring_groups WHERE run_id = :run AND group_no = :number")
                .param("run", run).param("number", number).query(this::group).optional();
    }

    List<RunResults.Account> members(UUID run, int number, int limit) {
        return jdbc.sql("SELECT * FROM monitoring_accounts WHERE run_id = :run AND group_no = :number ORDER BY score DESC, account_id LIMIT :limit")
                .param("run", run).param("number", number).param("limit", limit).query(this::account).list();
    }

    Optional<RunResults.Account> account(UUID run, String accountId) {
        return jdbc.sql("SELECT * FROM monitoring_accounts WHERE run_id = :run AND account_id = :account")
                .param("run", run).param("account", accountId).query(this::account).optional();
    }

    /** The heaviest edges inside groups (one group's when {@code group} is given), at most {@code limit}, and their accounts. */
    RunResults.Network network(UUID run, Integer group, int limit) {
        String inGroups = group == null ? "group_no IS NOT NULL" : "group_no = :group";
        long total = jdbc.sql("SELECT count(*) FROM monitoring_edges WHERE run_id = :run AND " + inGroups)
                .param("run", run).param("group", group == null ? -1 : group).query(Long.class).single();
        List<RunResults.Edge> edges = jdbc.sql("SELECT * FROM monitoring_edges WHERE run_id = :run AND " + inGroups
                        + " ORDER BY weight DESC, account_id, account_id_y LIMIT :limit")
                .param("run", run).param("group", group == null ? -1 : group).param("limit", limit)
                .query((rs, n) -> new RunResults.Edge(rs.getString("account_id"), rs.getString("account_id_y"),
                        (Integer) rs.getObject("group_no"), rs.getLong("pairs"), rs.getDouble("weight"), rs.getInt("objects"),
                        rs.getDouble("avg_time_delta"))).list();
        List<String> ids = edges.stream().flatMap(e -> java.util.stream.Stream.of(e.source(), e.target())).distinct().toList();
        List<RunResults.Account> nodes = ids.isEmpty() ? List.of()
                : jdbc.sql("SELECT * FROM monitoring_accounts WHERE run_id = :run AND account_id = ANY(CAST(:ids AS text[])) ORDER BY account_id")
                        .param("run", run).param("ids", textArray(ids)).query(this::account).list();
        return new RunResults.Network(nodes, edges, total, total > edges.size());
    }

    private static String textArray(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    private RunResults.Group group(ResultSet rs, int row) throws SQLException {
        Timestamp first = rs.getTimestamp("first_seen");
        Timestamp last = rs.getTimestamp("last_seen");
        List<StoredEvidence> stored = read(rs.getString("evidence"), new TypeReference<>() {
        });
        return new RunResults.Group(rs.getInt("group_no"), rs.getInt("component"), rs.getInt("size"), rs.getInt("edges"),
                rs.getDouble("weight"), rs.getDouble("density"), Arrays.asList((String[]) rs.getArray("platforms").getArray()),
                read(rs.getString("pairs_by_type"), new TypeReference<LinkedHashMap<String, Long>>() {
                }), read(rs.getString("top_objects"), new TypeReference<List<RunResults.TopObject>>() {
                }), stored.stream().map(e -> new RunResults.Evidence(e.postId(), e.accountId(), Instant.ofEpochSecond(e.epochSecond()),
                e.type(), e.objectId())).toList(), first == null ? null : first.toInstant(), last == null ? null : last.toInstant());
    }

    private RunResults.Account account(ResultSet rs, int row) throws SQLException {
        return new RunResults.Account(rs.getString("account_id"), rs.getString("platform"), (Integer) rs.getObject("group_no"),
                rs.getDouble("score"), rs.getLong("posts"), rs.getLong("traces"), rs.getInt("degree"), rs.getDouble("strength"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("monitoring results hold JSON they cannot read", e);
        }
    }
}
