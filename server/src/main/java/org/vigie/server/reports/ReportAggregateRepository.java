package org.vigie.server.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.core.sharing.Viewer;
import org.vigie.core.sharing.VisibilityPolicy;

/**
 * The SQL of what is counted over many reports at once: the election overview's facets, the links
 * correlation clusters are built from, and the members of a group of reports (a campaign). Like
 * {@link ReportRepository}, every query starts from the reports the viewer may see: {@code reports r}
 * joined to the incident's latest row {@code stix_objects o} under the visibility policy. Nothing is
 * counted in Java that SQL can count, and no query returns all reports.
 */
@Repository
class ReportAggregateRepository {

    private final JdbcClient jdbc;

    private final org.springframework.transaction.support.TransactionTemplate customPlans;

    ReportAggregateRepository(JdbcClient jdbc, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.customPlans = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.customPlans.setReadOnly(true);
    }

    /**
     * Runs an aggregate with a plan made for its own parameters. The driver prepares a statement run
     * often, and PostgreSQL may then settle on a generic plan that ignores how selective this
     * reader's visibility and this election are: measured at 100,000 reports, one such plan took
     * minutes where the custom plan takes under a second (`vigie bench reports`).
     */
    private <T> T withCustomPlan(java.util.function.Supplier<T> query) {
        return customPlans.execute(tx -> {
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
            return query.get();
        });
    }

    /** One aggregate row: a facet ("outcome", "phase", "type", "technique", "category", "organisation"), a day or none, a key, a count. */
    record FacetCount(String facet, LocalDate day, String key, long count) {
    }

    /**
     * The overview of an election in one statement: the viewer's visible, unrevoked reports of the
     * election are read once (a materialised CTE) and counted by outcome, by day and phase, by day
     * and incident type, by DISARM technique, by target category and by targeted organisation.
     */
    static final String OVERVIEW_SQL = """
            WITH v AS MATERIALIZED (
                SELECT CAST(r.occurred AT TIME ZONE 'UTC' AS date) AS day, r.cycle_phase, r.incident_types, r.outcome,
                       r.disarm_techniques, r.target_categories, r.target_organisations
                FROM reports r JOIN stix_objects o ON o.stix_id = r.stix_id AND o.is_latest
                WHERE r.election_id = :election AND NOT r.revoked AND %s)
            SELECT 'outcome' AS facet, CAST(NULL AS date) AS day, outcome AS key, count(*) AS n FROM v GROUP BY outcome
            UNION ALL
            SELECT 'phase', day, coalesce(cycle_phase, ''), count(*) FROM v GROUP BY day, cycle_phase
            UNION ALL
            SELECT 'type', day, t, count(*) FROM v CROSS JOIN LATERAL unnest(v.incident_types) AS t GROUP BY day, t
            UNION ALL
            SELECT 'technique', NULL, t, count(*) FROM v CROSS JOIN LATERAL unnest(v.disarm_techniques) AS t GROUP BY t
            UNION ALL
            SELECT 'category', NULL, c, count(*) FROM v CROSS JOIN LATERAL unnest(v.target_categories) AS c GROUP BY c
            UNION ALL
            SELECT 'organisation', NULL, CAST(g AS text), count(*) FROM v CROSS JOIN LATERAL unnest(v.target_organisations) AS g GROUP BY g""";

    List<FacetCount> overview(Viewer viewer, UUID election) {
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        return withCustomPlan(() -> jdbc.sql(OVERVIEW_SQL.formatted(visible.sql()))
                .params(visible.parameters())
                .param("election", election)
                .query((rs, n) -> new FacetCount(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getLong(4)))
                .list());
    }

    /** One (report, key) pair of the correlation index, with when the report's event happened. */
    record Link(String reportId, Instant occurred, String kind, String value) {
    }

    /**
     * The links clusters are built from: keys weighted 0.5 or more (observables, actors, narratives;
     * not DISARM techniques, which many unrelated operations share) that at least two of the viewer's
     * visible, unrevoked reports carry (in the election, if one is given), leaving out over-correlating
     * values (carried by more than {@code cap} reports). At most {@code limit} rows.
     */
    static final String CLUSTER_LINKS_SQL = """
            WITH v AS MATERIALIZED (
                SELECT r.stix_id, r.occurred
                FROM reports r JOIN stix_objects o ON o.stix_id = r.stix_id AND o.is_latest
                WHERE %s NOT r.revoked AND %s),
            k AS (
                SELECT cv.kind, cv.value, cv.report_id, v.occurred, count(*) OVER (PARTITION BY cv.kind, cv.value) AS carriers
                FROM v JOIN correlation_values cv ON cv.report_id = v.stix_id
                -- a value no other report carries cannot link (most observables), nor one carried by too many: out early
                JOIN correlation_counts c ON c.kind = cv.kind AND c.value = cv.value AND c.reports BETWEEN 2 AND :cap
                WHERE cv.weight >= :minWeight)
            SELECT k.report_id, k.occurred, k.kind, k.value FROM k
            WHERE k.carriers >= 2
            LIMIT :limit""";

    List<Link> clusterLinks(Viewer viewer, UUID election, float minWeight, int cap, int limit) {
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        Map<String, Object> parameters = new LinkedHashMap<>(visible.parameters());
        parameters.put("minWeight", minWeight);
        parameters.put("cap", cap);
        parameters.put("limit", limit);
        if (election != null) {
            parameters.put("election", election);
        }
        return withCustomPlan(() -> jdbc.sql(CLUSTER_LINKS_SQL.formatted(election == null ? "" : "r.election_id = :election AND", visible.sql()))
                .params(parameters)
                .query((rs, n) -> new Link(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)))
                .list());
    }

    /** The rows of these reports that the viewer may see, oldest event first (revoked ones too: they are flagged). */
    List<ReportRow> rows(Viewer viewer, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        return jdbc.sql("SELECT " + ReportRepository.ROW_COLUMNS + " FROM reports r" + ReportRepository.VISIBLE_JOIN
                        + "WHERE r.stix_id = ANY(CAST(:ids AS text[])) AND " + visible.sql() + " ORDER BY r.occurred, r.stix_id")
                .params(visible.parameters())
                .param("ids", ReportRepository.textArray(ids))
                .query(ReportRepository::row)
                .list();
    }

    /** One aggregate row over a group of reports: a facet, a key (and for observables its type), a count of reports. */
    record GroupCount(String facet, String type, String key, long count) {
    }

    /**
     * What the viewer's visible, unrevoked reports of a group use: DISARM techniques, target
     * categories and organisations, and their normalised observables (from the incident's report
     * extension), each with how many of the reports carry it.
     */
    static final String GROUP_SQL = """
            WITH v AS MATERIALIZED (
                SELECT r.stix_id, r.disarm_techniques, r.target_categories, r.target_organisations,
                       o.object -> 'extensions' -> :extension -> 'observables' AS observables
                FROM reports r JOIN stix_objects o ON o.stix_id = r.stix_id AND o.is_latest
                WHERE r.stix_id = ANY(CAST(:ids AS text[])) AND NOT r.revoked AND %s)
            SELECT 'technique' AS facet, CAST(NULL AS text) AS type, t AS key, count(*) AS n
              FROM v CROSS JOIN LATERAL unnest(v.disarm_techniques) AS t GROUP BY t
            UNION ALL
            SELECT 'category', NULL, c, count(*) FROM v CROSS JOIN LATERAL unnest(v.target_categories) AS c GROUP BY c
            UNION ALL
            SELECT 'organisation', NULL, CAST(g AS text), count(*) FROM v CROSS JOIN LATERAL unnest(v.target_organisations) AS g GROUP BY g
            UNION ALL
            SELECT 'observable', x ->> 'type', coalesce(x ->> 'normalised', x ->> 'value'), count(DISTINCT v.stix_id)
              FROM v CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(v.observables) = 'array'
                                                                  THEN v.observables ELSE '[]'::jsonb END) AS x
              GROUP BY 2, 3""";

    List<GroupCount> group(Viewer viewer, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        return jdbc.sql(GROUP_SQL.formatted(visible.sql()))
                .params(visible.parameters())
                .param("ids", ReportRepository.textArray(ids))
                .param("extension", ReportStix.REPORT)
                .query((rs, n) -> new GroupCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }
}
