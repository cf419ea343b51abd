package org.vigie.server.federation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the sync runs. */
@Repository
class RunRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    RunRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records a running run; empty when the peer already has one (the database's unique index decides). */
    Optional<SyncRun> start(UUID peer, SyncRun.Direction direction, SyncRun.Trigger trigger, String cursor, Instant now) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO federation_runs (id, peer_id, direction, trigger, state, started_at, cursor_before)
                    VALUES (:id, :peer, :direction, :trigger, 'RUNNING', :now, :cursor)""")
                    .param("id", id).param("peer", peer).param("direction", direction.name()).param("trigger", trigger.name())
                    .param("now", Timestamp.from(now)).param("cursor", cursor).update();
        } catch (DuplicateKeyException running) {
            return Optional.empty();
        }
        return find(id);
    }

    /** Adds one page's counts, in the transaction that stored the page. */
    void addPage(UUID run, int received, int stored, int unchanged, int skipped, int rejected,
                 List<SyncRun.Rejection> rejections, String cursor) {
        jdbc.sql("""
                UPDATE federation_runs SET pages = pages + 1, received = received + :received, stored = stored + :stored,
                    unchanged = unchanged + :unchanged, skipped = skipped + :skipped, rejected = rejected + :rejected,
                    rejections = CASE WHEN jsonb_array_length(rejections) >= :keep THEN rejections
                                      ELSE rejections || CAST(:rejections AS jsonb) END,
                    cursor_after = coalesce(:cursor, cursor_after)
                WHERE id = :id""")
                .param("id", run).param("received", received).param("stored", stored).param("unchanged", unchanged)
                .param("skipped", skipped).param("rejected", rejected).param("keep", KEPT_REJECTIONS)
                .param("rejections", write(rejections.subList(0, Math.min(rejections.size(), KEPT_REJECTIONS))))
                .param("cursor", cursor).update();
    }

    /** How many refusals a run keeps with their reasons; the count covers them all. */
    static final int KEPT_REJECTIONS = 100;

    void finish(UUID run, SyncRun.State state, String error, Instant now) {
        jdbc.sql("UPDATE federation_runs SET state = :state, error = :error, finished_at = :now WHERE id = :id AND state = 'RUNNING'")
                .param("id", run).param("state", state.name()).param("error", error).param("now", Timestamp.from(now)).update();
    }

    /** Runs left RUNNING by a stop of the hub: nothing runs them any more. */
    int closeInterrupted(Instant now) {
        return jdbc.sql("""
                UPDATE federation_runs SET state = 'FAILED', finished_at = :now,
                    error = 'interrupted: the hub stopped during the run (the cursor stays at the last page stored)'
                WHERE state = 'RUNNING'""").param("now", Timestamp.from(now)).update();
    }

    Optional<SyncRun> find(UUID id) {
        return jdbc.sql("SELECT * FROM federation_runs WHERE id = :id").param("id", id).query(this::map).optional();
    }

    List<SyncRun> ofPeer(UUID peer, int limit) {
        return jdbc.sql("SELECT * FROM federation_runs WHERE peer_id = :peer ORDER BY started_at DESC LIMIT :limit")
                .param("peer", peer).param("limit", limit).query(this::map).list();
    }

    /** The latest run of each peer, in one query. */
    Map<UUID, SyncRun> latestPerPeer() {
        Map<UUID, SyncRun> latest = new java.util.HashMap<>();
        jdbc.sql("SELECT DISTINCT ON (peer_id) * FROM federation_runs ORDER BY peer_id, started_at DESC")
                .query(this::map).list().forEach(r -> latest.put(r.peerId(), r));
        return latest;
    }

    /** The latest pull of each peer (for the schedule). */
    Map<UUID, Instant> lastPullStarts() {
        Map<UUID, Instant> starts = new java.util.HashMap<>();
        jdbc.sql("SELECT peer_id, max(started_at) FROM federation_runs WHERE direction = 'PULL' GROUP BY peer_id")
                .query(rs -> {
                    starts.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant());
                });
        return starts;
    }

    private SyncRun map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new SyncRun(rs.getObject("id", UUID.class), rs.getObject("peer_id", UUID.class),
                SyncRun.Direction.valueOf(rs.getString("direction")), SyncRun.Trigger.valueOf(rs.getString("trigger")),
                SyncRun.State.valueOf(rs.getString("state")), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getInt("pages"), rs.getInt("received"), rs.getInt("stored"),
                rs.getInt("unchanged"), rs.getInt("skipped"), rs.getInt("rejected"), read(rs.getString("rejections")),
                rs.getString("error"), rs.getString("cursor_before"), rs.getString("cursor_after"));
    }

    private String write(List<SyncRun.Rejection> rejections) {
        try {
            return json.writeValueAsString(rejections);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<SyncRun.Rejection> read(String text) {
        try {
            return json.readValue(text, new TypeReference<List<SyncRun.Rejection>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
