package org.vigie.server.reports;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.reports.Outcome;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.sharing.Viewer;
import org.vigie.core.sharing.VisibilityPolicy;
import org.vigie.core.taxonomy.CyclePhase;

/**
 * SQL of the reports table. Its rows carry no sharing: every read joins the incident's latest row in
 * {@code stix_objects} and applies the visibility policy there (ADR 0006). There is no read method
 * here without a {@link Viewer}.
 */
@Repository
class ReportRepository {

    static final String VISIBLE_JOIN = " JOIN stix_objects o ON o.stix_id = r.stix_id AND o.is_latest ";

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the row of a report's newest version (insert or replace). */
    void save(String id, Instant created, Instant modified, java.util.UUID owner, boolean revoked, ReportDraft draft) {
        Instant occurred = draft.firstSeen() != null ? draft.firstSeen() : created;
        jdbc.sql("""
                INSERT INTO reports (stix_id, modified, created, owner_organisation, title, election_id, cycle_phase, incident_types,
                                     outcome, first_seen, last_seen, target_categories, target_organisations, disarm_techniques,
                                     confidence, revoked, occurred)
                VALUES (:id, :modified, :created, :owner, :title, :election, :phase, CAST(:types AS text[]), :outcome, :firstSeen,
                        :lastSeen, CAST(:categories AS text[]), CAST(:organisations AS uuid[]), CAST(:disarm AS text[]), :confidence,
                        :revoked, :occurred)
                ON CONFLICT (stix_id) DO UPDATE SET modified = excluded.modified, title = excluded.title,
                    election_id = excluded.election_id, cycle_phase = excluded.cycle_phase, incident_types = excluded.incident_types,
                    outcome = excluded.outcome, first_seen = excluded.first_seen, last_seen = excluded.last_seen,
                    target_categories = excluded.target_categories, target_organisations = excluded.target_organisations,
                    disarm_techniques = excluded.disarm_techniques, confidence = excluded.confidence, revoked = excluded.revoked,
                    occurred = excluded.occurred""")
                .param("id", id)
                .param("modified", Timestamp.from(modified))
                .param("created", Timestamp.from(created))
                .param("owner", owner)
                .param("title", draft.title())
                .param("election", draft.electionId())
                .param("phase", draft.phase() == null ? null : draft.phase().name())
                .param("types", textArray(draft.types().stream().map(Enum::name).sorted().toList()))
                .param("outcome", draft.outcome().name())
                .param("firstSeen", draft.firstSeen() == null ? null : Timestamp.from(draft.firstSeen()))
                .param("lastSeen", draft.lastSeen() == null ? null : Timestamp.from(draft.lastSeen()))
                .param("categories", textArray(draft.targets().stream().map(t -> t.category().name()).distinct().sorted().toList()))
                .param("organisations", VisibilityPolicy.arrayLiteral(draft.targets().stream().map(Target::organisationId)
                        .filter(java.util.Objects::nonNull).collect(Collectors.toSet())))
                .param("disarm", textArray(draft.disarmTechniques()))
                .param("confidence", draft.confidence())
                .param("revoked", revoked)
                .param("occurred", Timestamp.from(occurred))
                .update();
    }

    /** The newest stored version of an incident and its owner, for the write path only (no content is read). */
    record Head(String id, Instant modified, UUID owner) {
    }

    Map<String, Head> heads(Collection<String> incidentIds) {
        Map<String, Head> heads = new java.util.HashMap<>();
        jdbc.sql("SELECT stix_id, modified, owner_organisation FROM stix_objects WHERE is_latest AND stix_id = ANY(CAST(:ids AS text[]))")
                .param("ids", textArray(incidentIds))
                .query(rs -> {
                    heads.put(rs.getString(1), new Head(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getObject(3, UUID.class)));
                });
        return heads;
    }

    /** The report's newest version, its row locked until the transaction ends: edits of one report queue here. */
    /** The organisation that owns a report, for permission checks that read no content (victim-notice review). */
    Optional<UUID> owner(String id) {
        return jdbc.sql("SELECT owner_organisation FROM reports WHERE stix_id = :id").param("id", id)
                .query((rs, n) -> rs.getObject(1, UUID.class)).optional();
    }

    Instant lockModified(String id) {
        return jdbc.sql("SELECT modified FROM reports WHERE stix_id = :id FOR UPDATE").param("id", id)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
    }

    /** One page of the reports the viewer may see, most recent first (plus one row, to tell if there is more). */
    List<ReportRow> search(Viewer viewer, ReportFilter filter, int offset, int limit) {
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        Map<String, Object> parameters = new LinkedHashMap<>(visible.parameters());
        String where = where(filter, parameters);
        parameters.put("limit", limit);
        parameters.put("offset", offset);
        return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM reports r" + VISIBLE_JOIN + "WHERE " + visible.sql() + where
                        + " ORDER BY r.occurred DESC, r.stix_id LIMIT :limit OFFSET :offset")
                .params(parameters).query(ReportRepository::row).list();
    }

    /**
     * One keyset page of the ids of the reports the viewer may see that match the filter, in id order
     * after {@code afterId} (null for the first): exports walk millions of reports without OFFSET.
     */
    List<String> visibleIdsAfter(Viewer viewer, ReportFilter filter, String afterId, int limit) {
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        Map<String, Object> parameters = new LinkedHashMap<>(visible.parameters());
        String where = where(filter, parameters);
        if (afterId != null) {
            where += " AND r.stix_id > :after";
            parameters.put("after", afterId);
        }
        parameters.put("limit", limit);
        return jdbc.sql("SELECT r.stix_id FROM reports r" + VISIBLE_JOIN + "WHERE " + visible.sql() + where
                        + " ORDER BY r.stix_id LIMIT :limit")
                .params(parameters).query(String.class).list();
    }

    static final String ROW_COLUMNS = """
            r.stix_id, r.title, r.modified, r.occurred, r.election_id, r.cycle_phase, r.incident_types, r.outcome, o.tlp,
            r.owner_organisation, r.revoked, r.target_categories""";

    /** The filter as SQL conditions over {@code reports r} and {@code stix_objects o}; adds its parameters. */
    static String where(ReportFilter filter, Map<String, Object> parameters) {
        StringBuilder sql = new StringBuilder();
        if (!filter.includeRevoked()) {
            sql.append(" AND NOT r.revoked");
        }
        if (StringUtils.hasText(filter.text())) {
            sql.append(" AND o.search @@ (websearch_to_tsquery('english', :q) || websearch_to_tsquery('french', :q))");
            parameters.put("q", filter.text().trim());
        }
        if (filter.electionId() != null) {
            sql.append(" AND r.election_id = :election");
            parameters.put("election", filter.electionId());
        }
        if (filter.phase() != null) {
            sql.append(" AND r.cycle_phase = :phase");
            parameters.put("phase", filter.phase().name());
        }
        if (!filter.types().isEmpty()) {
            sql.append(" AND r.incident_types && CAST(:types AS text[])");
            parameters.put("types", textArray(filter.types().stream().map(IncidentType::name).toList()));
        }
        if (filter.outcome() != null) {
            sql.append(" AND r.outcome = :outcome");
            parameters.put("outcome", filter.outcome().name());
        }
        if (filter.targetCategory() != null) {
            sql.append(" AND r.target_categories @> ARRAY[CAST(:category AS text)]");
            parameters.put("category", filter.targetCategory().name());
        }
        if (filter.targetOrganisation() != null) {
            sql.append(" AND r.target_organisations @> ARRAY[CAST(:target AS uuid)]");
            parameters.put("target", filter.targetOrganisation().toString());
        }
        if (StringUtils.hasText(filter.disarmTechnique())) {
            sql.append(" AND r.disarm_techniques @> ARRAY[CAST(:technique AS text)]");
            parameters.put("technique", filter.disarmTechnique().trim().toUpperCase(java.util.Locale.ROOT));
        }
        if (StringUtils.hasText(filter.actorRef())) {
            sql.append(" AND EXISTS (SELECT 1 FROM correlation_values ca WHERE ca.report_id = r.stix_id AND ca.kind = 'actor' AND ca.value = :actor)");
            parameters.put("actor", filter.actorRef().trim());
        }
        if (StringUtils.hasText(filter.narrativeRef())) {
            sql.append(" AND EXISTS (SELECT 1 FROM correlation_values cn WHERE cn.report_id = r.stix_id AND cn.kind = 'narrative' AND cn.value = :narrative)");
            parameters.put("narrative", filter.narrativeRef().trim());
        }
        if (StringUtils.hasText(filter.observable())) {
            sql.append(" AND EXISTS (SELECT 1 FROM correlation_values cv WHERE cv.report_id = r.stix_id AND cv.value = :observable)");
            parameters.put("observable", filter.observable().trim());
        }
        if (filter.tlp() != null) {
            sql.append(" AND o.tlp = :tlp");
            parameters.put("tlp", filter.tlp().name());
        }
        if (filter.owner() != null) {
            sql.append(" AND r.owner_organisation = :owner");
            parameters.put("owner", filter.owner());
        }
        if (filter.from() != null) {
            sql.append(" AND r.occurred >= :from");
            parameters.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND r.occurred < :to");
            parameters.put("to", Timestamp.from(filter.to()));
        }
        if (filter.minConfidence() != null) {
            sql.append(" AND r.confidence >= :confidence");
            parameters.put("confidence", filter.minConfidence());
        }
        return sql.toString();
    }

    static ReportRow row(ResultSet rs, int n) throws SQLException {
        return new ReportRow(rs.getString("stix_id"), rs.getString("title"), rs.getTimestamp("modified").toInstant(),
                rs.getTimestamp("occurred").toInstant(), rs.getObject("election_id", UUID.class), rs.getString("cycle_phase"),
                strings(rs.getArray("incident_types")), Outcome.valueOf(rs.getString("outcome")), Tlp.valueOf(rs.getString("tlp")),
                rs.getObject("owner_organisation", UUID.class), rs.getBoolean("revoked"), strings(rs.getArray("target_categories")));
    }

    // ---- correlation keys ----------------------------------------------------------------------

    /** The correlation keys a report has now. */
    List<CorrelationKeyRow> keysOf(String reportId) {
        return jdbc.sql("SELECT kind, value, weight FROM correlation_values WHERE report_id = :id")
                .param("id", reportId)
                .query((rs, n) -> new CorrelationKeyRow(rs.getString(1), rs.getString(2), rs.getFloat(3)))
                .list();
    }

    record CorrelationKeyRow(String kind, String value, float weight) {
        boolean sameKey(CorrelationKeyRow other) {
            return kind.equals(other.kind) && value.equals(other.value);
        }
    }

    /**
     * Replaces a report's keys with the given ones and keeps each value's report count: one
     * statement per direction, however many keys.
     */
    void replaceKeys(String reportId, Collection<CorrelationKeyRow> keys) {
        List<CorrelationKeyRow> before = keysOf(reportId);
        List<CorrelationKeyRow> removed = before.stream().filter(b -> keys.stream().noneMatch(b::sameKey)).toList();
        List<CorrelationKeyRow> added = keys.stream().filter(k -> before.stream().noneMatch(k::sameKey)).toList();
        if (!removed.isEmpty()) {
            jdbc.sql("""
                    WITH gone AS (
                        DELETE FROM correlation_values WHERE report_id = :id
                        AND (kind, value) IN (SELECT * FROM unnest(CAST(:kinds AS text[]), CAST(:values AS text[])))
                        RETURNING kind, value)
                    UPDATE correlation_counts c SET reports = c.reports - 1 FROM gone WHERE c.kind = gone.kind AND c.value = gone.value""")
                    .param("id", reportId)
                    .param("kinds", textArray(removed.stream().map(CorrelationKeyRow::kind).toList()))
                    .param("values", textArray(removed.stream().map(CorrelationKeyRow::value).toList()))
                    .update();
        }
        if (!added.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO correlation_values (kind, value, report_id, weight)
                    SELECT k, v, :id, w FROM unnest(CAST(:kinds AS text[]), CAST(:values AS text[]), CAST(:weights AS real[])) AS t(k, v, w)""")
                    .param("id", reportId)
                    .param("kinds", textArray(added.stream().map(CorrelationKeyRow::kind).toList()))
                    .param("values", textArray(added.stream().map(CorrelationKeyRow::value).toList()))
                    .param("weights", added.stream().map(k -> Float.toString(k.weight())).collect(Collectors.joining(",", "{", "}")))
                    .update();
            // sorted, so that two reports filed at once lock shared counters in the same order
            List<CorrelationKeyRow> sorted = added.stream()
                    .sorted(java.util.Comparator.comparing(CorrelationKeyRow::kind).thenComparing(CorrelationKeyRow::value)).toList();
            jdbc.sql("""
                    INSERT INTO correlation_counts (kind, value, reports)
                    SELECT k, v, 1 FROM unnest(CAST(:kinds AS text[]), CAST(:values AS text[])) WITH ORDINALITY AS t(k, v, i) ORDER BY i
                    ON CONFLICT (kind, value) DO UPDATE SET reports = correlation_counts.reports + 1""")
                    .param("kinds", textArray(sorted.stream().map(CorrelationKeyRow::kind).toList()))
                    .param("values", textArray(sorted.stream().map(CorrelationKeyRow::value).toList()))
                    .update();
        }
    }

    /** A report of the viewer's sharing the given keys with another report (never the report itself). */
    record Match(String reportId, String title, Instant occurred, Outcome outcome, Tlp tlp, String kind, String value, float weight) {
    }

    /**
     * The visible, unrevoked reports that share one of these keys, leaving out values carried by more
     * than {@code cap} reports (over-correlating). Each row is one shared key.
     */
    List<Match> matches(Viewer viewer, Collection<CorrelationKeyRow> keys, String excluded, int cap) {
        if (keys.isEmpty()) {
            return List.of();
        }
        MatchesQuery query = matchesQuery(viewer, keys, excluded, cap);
        return jdbc.sql(query.sql()).params(query.parameters())
                .query((rs, n) -> new Match(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        Outcome.valueOf(rs.getString(4)), Tlp.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getFloat(8)))
                .list();
    }

    /** The SQL of {@link #matches} and its named parameters, for the benchmark to explain it. */
    record MatchesQuery(String sql, Map<String, Object> parameters) {
    }

    MatchesQuery matchesQuery(Viewer viewer, Collection<CorrelationKeyRow> keys, String excluded, int cap) {
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        Map<String, Object> parameters = new LinkedHashMap<>(visible.parameters());
        parameters.put("kinds", textArray(keys.stream().map(CorrelationKeyRow::kind).toList()));
        parameters.put("values", textArray(keys.stream().map(CorrelationKeyRow::value).toList()));
        parameters.put("cap", cap);
        parameters.put("excluded", excluded == null ? "" : excluded);
        return new MatchesQuery("""
                        -- MATERIALIZED: over-correlating values are dropped before any report is read. Inlined, the
                        -- planner may join every key's rows first and apply the cap last, so that a value in 5,000
                        -- reports costs 5,000 index probes per lookup (measured: vigie bench reports, README)
                        WITH wanted AS MATERIALIZED (
                            SELECT k.kind, k.value FROM unnest(CAST(:kinds AS text[]), CAST(:values AS text[])) AS k(kind, value)
                            WHERE NOT EXISTS (SELECT 1 FROM correlation_counts c
                                              WHERE c.kind = k.kind AND c.value = k.value AND c.reports > :cap))
                        SELECT cv.report_id, r.title, r.occurred, r.outcome, o.tlp, cv.kind, cv.value, cv.weight
                        FROM wanted w
                        JOIN correlation_values cv ON cv.kind = w.kind AND cv.value = w.value
                        JOIN reports r ON r.stix_id = cv.report_id
                        """ + VISIBLE_JOIN.replace("r.stix_id", "cv.report_id") + """
                        WHERE cv.report_id <> :excluded AND NOT r.revoked AND """ + " " + visible.sql(), parameters);
    }

    /** Of these keys, those carried by more than {@code cap} reports: flagged, and not used for linking. */
    List<CorrelationKeyRow> overCorrelating(Collection<CorrelationKeyRow> keys, int cap) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT c.kind, c.value FROM correlation_counts c
                        JOIN unnest(CAST(:kinds AS text[]), CAST(:values AS text[])) AS k(kind, value) ON c.kind = k.kind AND c.value = k.value
                        WHERE c.reports > :cap""")
                .param("kinds", textArray(keys.stream().map(CorrelationKeyRow::kind).toList()))
                .param("values", textArray(keys.stream().map(CorrelationKeyRow::value).toList()))
                .param("cap", cap)
                .query((rs, n) -> new CorrelationKeyRow(rs.getString(1), rs.getString(2), 0f))
                .list();
    }

    // ---- evidence uploads ----------------------------------------------------------------------

    void recordUpload(String sha256, UUID organisation, Instant at) {
        jdbc.sql("INSERT INTO evidence_uploads (sha256, organisation_id, uploaded_at) VALUES (:sha, :org, :at) ON CONFLICT DO NOTHING")
                .param("sha", sha256).param("org", organisation).param("at", Timestamp.from(at)).update();
    }

    boolean uploadedBy(String sha256, UUID organisation) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM evidence_uploads WHERE sha256 = :sha AND organisation_id = :org)")
                .param("sha", sha256).param("org", organisation).query(Boolean.class).single();
    }

    // ---- helpers -------------------------------------------------------------------------------

    static String textArray(Collection<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    static CyclePhase phaseOf(String name) {
        return name == null ? null : CyclePhase.valueOf(name);
    }
}
