package org.vigie.server.reports;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.core.sharing.VisibilityPolicy;

/**
 * Batched writes of report rows and correlation keys, for loading many new reports at once (the
 * benchmark). Together they write exactly what {@link ReportRepository#save} and
 * {@link ReportRepository#replaceKeys} write for new reports, in JDBC batches (the embedded
 * database's URL sets {@code reWriteBatchedInserts}, so a batch goes as multi-row INSERTs);
 * {@code ReportsBenchmarkTest} holds the two paths to the same rows.
 */
@Repository
class ReportBulkRepository {

    /** A new report's row and its correlation keys. */
    record NewReport(String id, Instant created, Instant modified, UUID owner, ReportDraft draft,
                     List<ReportRepository.CorrelationKeyRow> keys) {
    }

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    ReportBulkRepository(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    /** Inserts the reports' rows and their keys, in the caller's transaction; returns the number of keys written. */
    int insert(List<NewReport> reports) {
        insertRows(reports);
        return insertKeys(reports);
    }

    void insertRows(List<NewReport> reports) {
        jdbc.batchUpdate("""
                INSERT INTO reports (stix_id, modified, created, owner_organisation, title, election_id, cycle_phase, incident_types,
                                     outcome, first_seen, last_seen, target_categories, target_organisations, disarm_techniques,
                                     confidence, revoked, occurred)
                VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS text[]), ?, ?, ?, CAST(? AS text[]), CAST(? AS uuid[]), CAST(? AS text[]), ?, ?, ?)""",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        NewReport report = reports.get(i);
                        ReportDraft draft = report.draft();
                        Instant occurred = draft.firstSeen() != null ? draft.firstSeen() : report.created();
                        ps.setString(1, report.id());
                        ps.setTimestamp(2, Timestamp.from(report.modified()));
                        ps.setTimestamp(3, Timestamp.from(report.created()));
                        ps.setObject(4, report.owner());
                        ps.setString(5, draft.title());
                        ps.setObject(6, draft.electionId());
                        ps.setString(7, draft.phase() == null ? null : draft.phase().name());
                        ps.setString(8, ReportRepository.textArray(draft.types().stream().map(Enum::name).sorted().toList()));
                        ps.setString(9, draft.outcome().name());
                        ps.setTimestamp(10, draft.firstSeen() == null ? null : Timestamp.from(draft.firstSeen()));
                        ps.setTimestamp(11, draft.lastSeen() == null ? null : Timestamp.from(draft.lastSeen()));
                        ps.setString(12, ReportRepository.textArray(draft.targets().stream().map(t -> t.category().name())
                                .distinct().sorted().toList()));
                        ps.setString(13, VisibilityPolicy.arrayLiteral(draft.targets().stream().map(Target::organisationId)
                                .filter(Objects::nonNull).collect(Collectors.toSet())));
                        ps.setString(14, ReportRepository.textArray(draft.disarmTechniques()));
                        if (draft.confidence() == null) {
                            ps.setNull(15, Types.SMALLINT);
                        } else {
                            ps.setInt(15, draft.confidence());
                        }
                        ps.setBoolean(16, false);
                        ps.setTimestamp(17, Timestamp.from(occurred));
                    }

                    @Override
                    public int getBatchSize() {
                        return reports.size();
                    }
                });
    }

    int insertKeys(List<NewReport> reports) {
        record Row(String reportId, ReportRepository.CorrelationKeyRow key) {
        }
        List<Row> rows = new ArrayList<>();
        reports.forEach(r -> r.keys().forEach(k -> rows.add(new Row(r.id(), k))));
        jdbc.batchUpdate("INSERT INTO correlation_values (kind, value, report_id, weight) VALUES (?, ?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        Row row = rows.get(i);
                        ps.setString(1, row.key().kind());
                        ps.setString(2, row.key().value());
                        ps.setString(3, row.reportId());
                        ps.setFloat(4, row.key().weight());
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                });
        return rows.size();
    }

    /**
     * Counts, in {@code correlation_counts}, the keys of every report owned by these organisations,
     * as {@link ReportRepository#replaceKeys} counts them one report at a time: one set-based
     * statement once all are loaded, rather than per batch, where concurrent loaders would queue on
     * the counters of the commonest values. The organisations' reports must not have been counted yet.
     */
    void countKeysOfReportsOwnedBy(Set<UUID> organisations) {
        client.sql("""
                        INSERT INTO correlation_counts (kind, value, reports)
                        SELECT v.kind, v.value, count(*) FROM correlation_values v JOIN reports r ON r.stix_id = v.report_id
                        WHERE r.owner_organisation = ANY (CAST(:owners AS uuid[]))
                        GROUP BY v.kind, v.value
                        ON CONFLICT (kind, value) DO UPDATE SET reports = correlation_counts.reports + excluded.reports""")
                .param("owners", VisibilityPolicy.arrayLiteral(organisations))
                .update();
    }
}
