package org.vigie.server.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.core.sharing.Distribution;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.sharing.Viewer;
import org.vigie.core.sharing.VisibilityPolicy;

/** The {@code monitoring_runs} rows: a run's sharing, settings, state and progress. */
@Repository
class MonitoringRunRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    MonitoringRunRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(MonitoringRun run) {
        jdbc.sql("""
                INSERT INTO monitoring_runs (id, owner_organisation, account_id, tlp, dist_communities, dist_organisations, dist_users,
                                             source, source_name, format, settings, state, bytes_total, created_at)
                VALUES (:id, :owner, :account, :tlp, CAST(:communities AS uuid[]), CAST(:organisations AS uuid[]), CAST(:users AS uuid[]),
                        :source, :sourceName, :format, CAST(:settings AS jsonb), :state, :bytesTotal, :createdAt)""")
                .param("id", run.id())
                .param("owner", run.ownerOrganisation())
                .param("account", run.accountId())
                .param("tlp", run.tlp().name())
                .param("communities", VisibilityPolicy.arrayLiteral(run.distribution().communities()))
                .param("organisations", VisibilityPolicy.arrayLiteral(run.distribution().organisations()))
                .param("users", VisibilityPolicy.arrayLiteral(run.distribution().users()))
                .param("source", run.source().name())
                .param("sourceName", run.sourceName())
                .param("format", run.format())
                .param("settings", write(run.settings()))
                .param("state", run.state().name())
                .param("bytesTotal", run.bytesTotal())
                .param("createdAt", Timestamp.from(run.createdAt()))
                .update();
    }

    /** Moves a queued run to running; false if it is not queued any more (cancelled while it waited). */
    boolean start(UUID id, Instant now) {
        return jdbc.sql("UPDATE monitoring_runs SET state = 'RUNNING', started_at = :now WHERE id = :id AND state = 'QUEUED'")
                .param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    void progress(UUID id, MonitoringRun.Progress progress) {
        jdbc.sql("UPDATE monitoring_runs SET stage = :stage, stage_done = :done, stage_total = :total WHERE id = :id AND state = 'RUNNING'")
                .param("id", id).param("stage", progress.stage()).param("done", progress.done()).param("total", progress.total())
                .update();
    }

    void requestCancel(UUID id) {
        jdbc.sql("UPDATE monitoring_runs SET cancel_requested = true WHERE id = :id").param("id", id).update();
    }

    void finish(MonitoringRun run) {
        jdbc.sql("""
                UPDATE monitoring_runs SET state = :state, format_read = :formatRead, error = :error, row_errors = CAST(:rowErrors AS jsonb),
                       summary = CAST(:summary AS jsonb), edges_truncated = :truncated, finished_at = :finishedAt
                WHERE id = :id""")
                .param("id", run.id())
                .param("state", run.state().name())
                .param("formatRead", run.formatRead())
                .param("error", run.error())
                .param("rowErrors", write(run.rowErrors()))
                .param("summary", run.summary() == null ? null : write(run.summary()))
                .param("truncated", run.edgesTruncated())
                .param("finishedAt", run.finishedAt() == null ? null : Timestamp.from(run.finishedAt()))
                .update();
    }

    /** A run whatever its sharing: for the service, which applies the visibility policy before answering. */
    Optional<MonitoringRun> find(UUID id) {
        return jdbc.sql("SELECT * FROM monitoring_runs WHERE id = :id").param("id", id).query(this::map).optional();
    }

    /** The runs the viewer may see, newest first. */
    List<MonitoringRun> visible(Viewer viewer, int limit) {
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "r");
        return jdbc.sql("SELECT r.* FROM monitoring_runs r WHERE " + visible.sql() + " ORDER BY r.created_at DESC, r.id LIMIT :limit")
                .params(visible.parameters()).param("limit", limit).query(this::map).list();
    }

    /** Runs queued or running when Vigie stopped: their work is gone and nothing of them was stored. */
    int failInterrupted(Instant now, Set<UUID> ours) {
        return jdbc.sql("""
                UPDATE monitoring_runs SET state = 'FAILED', finished_at = :now,
                       error = 'Vigie stopped while this run was queued or running; nothing was stored. Start it again.'
                WHERE state IN ('QUEUED', 'RUNNING') AND NOT (id = ANY(CAST(:ours AS uuid[])))""")
                .param("now", Timestamp.from(now)).param("ours", VisibilityPolicy.arrayLiteral(ours)).update();
    }

    private MonitoringRun map(ResultSet rs, int row) throws SQLException {
        Timestamp started = rs.getTimestamp("started_at");
        Timestamp finished = rs.getTimestamp("finished_at");
        String summary = rs.getString("summary");
        return new MonitoringRun(rs.getObject("id", UUID.class), rs.getObject("owner_organisation", UUID.class),
                rs.getObject("account_id", UUID.class), Tlp.valueOf(rs.getString("tlp")),
                new Distribution(uuids(rs.getArray("dist_communities")), uuids(rs.getArray("dist_organisations")),
                        uuids(rs.getArray("dist_users"))),
                MonitoringRun.Source.valueOf(rs.getString("source")), rs.getString("source_name"), rs.getString("format"),
                rs.getString("format_read"), read(rs.getString("settings"), new TypeReference<RunSettings>() {
                }), MonitoringRun.State.valueOf(rs.getString("state")),
                new MonitoringRun.Progress(rs.getString("stage"), rs.getLong("stage_done"), rs.getLong("stage_total")),
                rs.getLong("bytes_total"), rs.getBoolean("cancel_requested"), rs.getString("error"),
                read(rs.getString("row_errors"), new TypeReference<List<MonitoringRun.RowProblem>>() {
                }), summary == null ? null : read(summary, new TypeReference<RunSummary>() {
                }), rs.getBoolean("edges_truncated"), rs.getTimestamp("created_at").toInstant(),
                started == null ? null : started.toInstant(), finished == null ? null : finished.toInstant());
    }

    private static Set<UUID> uuids(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> v instanceof UUID u ? u : UUID.fromString(v.toString())).collect(Collectors.toSet());
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
            throw new IllegalStateException("monitoring_runs holds JSON it cannot read", e);
        }
    }
}
