package org.vigie.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.core.sharing.VisibilityPolicy;
import org.vigie.server.support.VigieTest;

/**
 * The reports benchmark at a tiny scale: it runs, every lookup finds exactly the visible reports of
 * the clusters it hits (and none through an over-correlating value), and what it loads in bulk is
 * what filing stores. Timings are the {@code vigie bench reports} command's business, never a test's.
 */
@VigieTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsBenchmarkTest {

    @Autowired
    ReportsBenchmark benchmark;
    @Autowired
    ReportRepository repository;
    @Autowired
    Correlations correlations;
    @Autowired
    ReportStix stix;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    ReportsBenchmark.Result result;
    String output;

    @BeforeAll
    void runTheBenchmark() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        result = benchmark.run(new ReportsBenchmark.Settings(300, 10, 20, 42), new PrintStream(printed, true, StandardCharsets.UTF_8));
        output = printed.toString(StandardCharsets.UTF_8);
        System.out.print(output);
    }

    @Test
    void everyLookupFindsTheVisibleMembersOfTheClustersItHits() {
        assertThat(result.reports()).isEqualTo(300);
        assertThat(result.observables()).isEqualTo(3_000);
        assertThat(result.steps()).extracting(ReportsBenchmark.StepResult::name)
                .containsExactly("correlation lookup, 50 observables", "same, without the over-cap values", "election overview (counts, clusters)");
        assertThat(result.steps()).allSatisfy(step -> assertThat(step.mismatches()).as(step.name()).isEmpty());
        assertThat(result.steps().get(0).calls()).isEqualTo(20);
        assertThat(result.steps().get(2).calls()).isEqualTo(5); // the overview counted every visible report, five times
        // the drafts hit clusters: most lookups link something, and the analyst sees part of the reports only
        assertThat(result.steps().get(0).averageAnswers()).isGreaterThan(1);
        assertThat(result.visible()).isEqualTo(result.visibleInDatabase()).isBetween(30L, 150L);
        assertThat(output).contains("correlation lookup, 50 observables", "p99", "ratio", "20 of 20 answers as expected", "5 of 5 answers as expected",
                "Execution Time");
    }

    @Test
    void theMatchesQueryIsExplained() {
        // which indexes the planner picks depends on the tables' sizes: the full-scale run reports them, not this one
        List<ReportsBenchmark.Plan> plans = result.steps().stream().flatMap(step -> step.plans().stream()).toList();
        assertThat(plans).extracting(ReportsBenchmark.Plan::title).anySatisfy(title -> assertThat(title).startsWith("the matches query"))
                .anySatisfy(title -> assertThat(title).startsWith("the overview's cluster links"));
        assertThat(plans.get(0).lines()).anySatisfy(line -> assertThat(line).contains("Execution Time"));
        assertThat(output).contains("indexes used", "CTE wanted");
    }

    @Test
    void overCorrelatingValuesAreCountedAboveTheCap() {
        long overCap = jdbc.sql("""
                        SELECT count(*) FROM correlation_counts c WHERE c.reports > :cap AND EXISTS (
                            SELECT 1 FROM correlation_values v JOIN reports r ON r.stix_id = v.report_id
                            WHERE v.kind = c.kind AND v.value = c.value AND r.owner_organisation = ANY (CAST(:owners AS uuid[])))""")
                .param("cap", correlations.cap()).param("owners", owners()).query(Long.class).single();
        assertThat(overCap).isGreaterThanOrEqualTo(2);
        long wrongCounts = jdbc.sql("""
                        SELECT count(*) FROM correlation_counts c WHERE EXISTS (
                            SELECT 1 FROM correlation_values v JOIN reports r ON r.stix_id = v.report_id
                            WHERE v.kind = c.kind AND v.value = c.value AND r.owner_organisation = ANY (CAST(:owners AS uuid[])))
                        AND c.reports <> (SELECT count(*) FROM correlation_values v WHERE v.kind = c.kind AND v.value = c.value)""")
                .param("owners", owners()).query(Long.class).single();
        assertThat(wrongCounts).isZero();
    }

    @Test
    void aBulkLoadedReportIsStoredAsFilingStoresIt() throws Exception {
        List<String> loaded = jdbc.sql("""
                        SELECT r.stix_id FROM reports r WHERE r.owner_organisation = ANY (CAST(:owners AS uuid[]))
                        AND cardinality(r.target_organisations) > 0 AND cardinality(r.disarm_techniques) > 0 ORDER BY r.stix_id LIMIT 3""")
                .param("owners", owners()).query(String.class).list();
        assertThat(loaded).isNotEmpty();
        for (String id : loaded) {
            Map<String, Object> stored = jdbc.sql("SELECT object::text AS object, modified, owner_organisation FROM stix_objects WHERE stix_id = :id AND is_latest")
                    .param("id", id).query().singleRow();
            ReportDraft draft = stix.fromIncident(json.readTree((String) stored.get("object")));
            String filed = ReportStix.newId();
            transactions.executeWithoutResult(tx -> {
                Timestamp at = (Timestamp) stored.get("modified");
                repository.save(filed, at.toInstant(), at.toInstant(), (UUID) stored.get("owner_organisation"), false, draft);
                correlations.index(filed, draft, false);
            });
            assertThat(row(filed)).isEqualTo(row(id));
            assertThat(keys(filed)).isEqualTo(keys(id)).isNotEmpty();
        }
    }

    private Map<String, Object> row(String id) {
        Map<String, Object> row = new HashMap<>(jdbc.sql("SELECT * FROM reports WHERE stix_id = :id").param("id", id).query().singleRow());
        row.remove("stix_id");
        row.replaceAll((column, value) -> value instanceof java.sql.Array array ? arrayText(array) : value);
        return row;
    }

    private static String arrayText(java.sql.Array array) {
        try {
            return List.of((Object[]) array.getArray()).toString();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> keys(String id) {
        return repository.keysOf(id).stream().map(k -> k.kind() + " " + k.value() + " " + k.weight()).collect(Collectors.toSet());
    }

    private String owners() {
        return VisibilityPolicy.arrayLiteral(Set.copyOf(result.organisations()));
    }
}
