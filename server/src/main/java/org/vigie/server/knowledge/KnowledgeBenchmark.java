package org.vigie.server.knowledge;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vigie.core.organisations.Sector;
import org.vigie.core.sharing.Viewer;
import org.vigie.core.sharing.VisibilityPolicy;
import org.vigie.server.organisations.OrganisationChanges;
import org.vigie.server.organisations.Organisations;

/**
 * {@code vigie bench knowledge}: loads objects with mixed markings through the import path, then
 * measures policy-filtered list and search latency for a viewer who sees about a tenth of them.
 * Run on a throwaway data directory; prints figures and their ratio to the targets.
 */
@Component
public class KnowledgeBenchmark {

    /** Targets from the sharing issue, on a 2-core machine. */
    static final double TARGET_INSERTS_PER_SECOND = 5_000;
    static final double TARGET_P95_MILLIS = 50;


    private final BulkImport imports;
    private final KnowledgeRepository repository;
    private final Organisations organisations;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    KnowledgeBenchmark(BulkImport imports, KnowledgeRepository repository, Organisations organisations, JdbcClient jdbc,
                       ObjectMapper json) {
        this.imports = imports;
        this.repository = repository;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.json = json;
    }

    public void run(int objects, int queries, long seed, PrintStream out) {
        Random random = new Random(seed);
        List<UUID> owners = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            owners.add(organisations.createBySystem(new OrganisationChanges("Benchmark organisation " + i + " " + UUID.randomUUID(),
                    Sector.values()[i % Sector.values().length], "XV", "")).id());
        }
        List<UUID> communities = MixedMarkingIndicators.uuids(10);
        List<UUID> people = MixedMarkingIndicators.uuids(50);
        Viewer viewer = new Viewer(people.get(0), owners.get(0), Set.of(communities.get(0)));

        out.printf("Loading %,d objects with mixed markings (30 organisations, 10 communities, 50 people)...%n", objects);
        double seconds = BenchmarkLoad.load(imports, objects, 2_000, new MixedMarkingIndicators(imports, json, random, owners, communities, people)::plan, out);
        double insertRate = objects / seconds;
        out.printf("%n");
        jdbc.sql("ANALYZE stix_objects").update();

        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        long seen = jdbc.sql("SELECT count(*) FROM stix_objects o WHERE o.is_latest AND " + visible.sql())
                .params(visible.parameters()).query(Long.class).single();

        double[] list = latencies(queries, () -> repository.search(viewer,
                new KnowledgeRepository.Query(random.nextBoolean() ? "indicator" : null, null, null), random.nextInt(5) * 100, 100));
        double[] search = latencies(queries, () -> repository.search(viewer,
                new KnowledgeRepository.Query(null, MixedMarkingIndicators.word(random), null), 0, 100));

        out.printf("%nKnowledge store benchmark (seed %d, %s)%n", seed, Instant.now());
        out.printf("  objects loaded            %,d in %.1f s%n", objects, seconds);
        out.printf("  insert throughput         %,.0f objects/s   (target %,.0f: ratio %.2f)%n", insertRate,
                TARGET_INSERTS_PER_SECOND, insertRate / TARGET_INSERTS_PER_SECOND);
        out.printf("  visible to the viewer     %,d (%.1f %%)%n", seen, 100.0 * seen / objects);
        report(out, "list, page of 100", list);
        report(out, "full-text search, 100", search);
    }

    private static void report(PrintStream out, String what, double[] millis) {
        Arrays.sort(millis);
        double p95 = percentile(millis, 95);
        out.printf("  %-25s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms   (target p95 < %.0f ms: ratio %.2f)%n", what,
                percentile(millis, 50), p95, percentile(millis, 99), TARGET_P95_MILLIS, p95 / TARGET_P95_MILLIS);
    }

    private static double[] latencies(int queries, Supplier<?> query) {
        for (int i = 0; i < Math.min(20, queries); i++) {
            query.get(); // warm-up: JIT and PostgreSQL caches
        }
        double[] millis = new double[queries];
        for (int i = 0; i < queries; i++) {
            long start = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    private static double percentile(double[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }



}
