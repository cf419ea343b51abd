package org.vigie.server.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the import jobs. Each call runs in its own transaction, never in an import's. */
@Repository
class ImportJobRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ImportJobRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(ImportJob job) {
        jdbc.sql("""
                INSERT INTO import_jobs (id, format, organisation_id, account_id, file_name, sharing, partial, state, bytes_total, created_at)
                VALUES (:id, :format, :organisation, :account, :fileName, CAST(:sharing AS jsonb), :partial, :state, :bytesTotal, :createdAt)""")
                .param("id", job.id())
                .param("format", job.format())
                .param("organisation", job.organisationId())
                .param("account", job.accountId())
                .param("fileName", job.fileName())
                .param("sharing", write(job.sharing()))
                .param("partial", job.partial())
                .param("state", job.state().name())
                .param("bytesTotal", job.counts().bytesTotal())
                .param("createdAt", Timestamp.from(job.createdAt()))
                .update();
    }

    void finish(ImportJob job) {
        ImportJob.Counts c = job.counts();
        jdbc.sql("""
                UPDATE import_jobs SET state = :state, committed = :committed, bytes_total = :bytesTotal, bytes_read = :bytesRead,
                       objects_read = :read, objects_validated = :validated, objects_written = :written, stored = :stored,
                       new_versions = :newVersions, unchanged = :unchanged, rejected = :rejected, reports = :reports, error = :error,
                       problems = CAST(:problems AS jsonb), finished_at = :finishedAt
                WHERE id = :id""")
                .param("id", job.id())
                .param("state", job.state().name())
                .param("committed", job.committed())
                .param("bytesTotal", c.bytesTotal())
                .param("bytesRead", c.bytesRead())
                .param("read", c.objectsRead())
                .param("validated", c.objectsValidated())
                .param("written", c.objectsWritten())
                .param("stored", c.stored())
                .param("newVersions", c.newVersions())
                .param("unchanged", c.unchanged())
                .param("rejected", c.rejected())
                .param("reports", c.reports())
                .param("error", job.error())
                .param("problems", write(job.problems()))
                .param("finishedAt", job.finishedAt() == null ? null : Timestamp.from(job.finishedAt()))
                .update();
    }

    Optional<ImportJob> find(UUID id) {
        return jdbc.sql("SELECT * FROM import_jobs WHERE id = :id").param("id", id).query(this::map).optional();
    }

    List<ImportJob> recent(UUID organisation, int limit) {
        return jdbc.sql("SELECT * FROM import_jobs WHERE organisation_id = :organisation ORDER BY created_at DESC, id LIMIT :limit")
                .param("organisation", organisation).param("limit", limit).query(this::map).list();
    }

    /** Jobs left running by a Vigie that stopped: their transaction is gone, so nothing of them was stored. */
    int failInterrupted(Instant now) {
        return jdbc.sql("""
                UPDATE import_jobs SET state = 'FAILED', committed = false, finished_at = :now,
                       error = 'Vigie stopped while this import ran; its transaction was rolled back and nothing was stored.'
                WHERE state = 'RUNNING'""")
                .param("now", Timestamp.from(now)).update();
    }

    private ImportJob map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportJob(rs.getObject("id", UUID.class), rs.getString("format"), rs.getObject("organisation_id", UUID.class),
                rs.getObject("account_id", UUID.class), rs.getString("file_name"), read(rs.getString("sharing"), new TypeReference<>() {
                }), rs.getBoolean("partial"), ImportJob.State.valueOf(rs.getString("state")), rs.getBoolean("committed"),
                new ImportJob.Counts(rs.getLong("bytes_total"), rs.getLong("bytes_read"), rs.getLong("objects_read"),
                        rs.getLong("objects_validated"), rs.getLong("objects_written"), rs.getLong("stored"), rs.getLong("new_versions"),
                        rs.getLong("unchanged"), rs.getLong("rejected"), rs.getLong("reports")),
                rs.getString("error"), read(rs.getString("problems"), new TypeReference<List<ImportJob.RejectedObject>>() {
                }), rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
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
            throw new IllegalStateException("import_jobs holds JSON it cannot read", e);
        }
    }
}
