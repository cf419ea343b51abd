package org.vigie.server.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.vigie.core.sharing.Tlp;
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

    private static final java.time.format.DateTimeFormatter STIX_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
    private static final String[] WORDS = ("ballot fraud polling station phishing candidate deepfake leak campaign voter registration "
            + "bureau de vote fraude électorale hameçonnage candidat rumeur fuite campagne électeurs inscription urne dépouillement "
            + "typosquatting impersonation commission results counting harassment journalist narrative bot network").split(" ");

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
        List<UUID> communities = uuids(10);
        List<UUID> people = uuids(50);
        Viewer viewer = new Viewer(people.get(0), owners.get(0), Set.of(communities.get(0)));

        out.printf("Loading %,d objects with mixed markings (30 organisations, 10 communities, 50 people)...%n", objects);
        double seconds = BenchmarkLoad.load(imports, objects, 2_000, size -> batchPlan(random, size, owners, communities, people), out);
        double insertRate = objects / seconds;
        out.printf("%n");
        jdbc.sql("ANALYZE stix_objects").update();

        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        long seen = jdbc.sql("SELECT count(*) FROM stix_objects o WHERE o.is_latest AND " + visible.sql())
                .params(visible.parameters()).query(Long.class).single();

        double[] list = latencies(queries, () -> repository.search(viewer,
                new KnowledgeRepository.Query(random.nextBoolean() ? "indicator" : null, null, null), random.nextInt(5) * 100, 100));
        double[] search = latencies(queries, () -> repository.search(viewer,
                new KnowledgeRepository.Query(null, WORDS[random.nextInt(WORDS.length)], null), 0, 100));

        out.printf("%nKnowledge store benchmark (seed %d, %s)%n", seed, Instant.now());
        out.printf("  objects loaded            %,d in %.1f s%n", objects, seconds);
        out.printf("  insert throughput         %,.0f objects/s   (target %,.0f: ratio %.2f)%n", insertRate,
                TARGET_INSERTS_PER_SECOND, insertRate / TARGET_INSERTS_PER_SECOND);
        out.printf("  visible to the viewer     %,d (%.1f %%)%n", seen, 100.0 * seen / objects);
        report(out, "list, page of 100", list);
        report(out, "full-text search, 100", search);
    }

    /** Draws the batch's choices and seed now (so a seed replays the same data); the batch is built and validated later, on the pool. */
    private Supplier<BulkImport.Batch> batchPlan(Random random, int size, List<UUID> owners, List<UUID> communities, List<UUID> people) {
        UUID owner = owners.get(random.nextInt(owners.size()));
        SharingRequest sharing = new SharingRequest(null, null, pick(random, communities, 1),
                pick(random, owners, 1 + random.nextInt(2)), pick(random, people, 1 + random.nextInt(3)));
        long chunkSeed = random.nextLong();
        return () -> {
            Random chunkRandom = new Random(chunkSeed);
            List<JsonNode> chunk = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                chunk.add(indicator(chunkRandom));
            }
            return imports.prepare(owner, people.get(1), chunk, sharing);
        };
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

    /** Markings: 2 % CLEAR, 20 % GREEN, 30 % AMBER, 10 % AMBER+STRICT, 38 % RED; the viewer sees about a tenth. */
    private ObjectNode indicator(Random random) {
        int roll = random.nextInt(100);
        Tlp tlp = roll < 2 ? Tlp.CLEAR : roll < 22 ? Tlp.GREEN : roll < 52 ? Tlp.AMBER : roll < 62 ? Tlp.AMBER_STRICT : Tlp.RED;
        String timestamp = STIX_TIME.format(Instant.parse("2027-01-01T00:00:00Z").plusMillis(random.nextInt(1_000_000_000) * 10L));
        ObjectNode indicator = json.createObjectNode();
        indicator.put("type", "indicator");
        indicator.put("spec_version", "2.1");
        indicator.put("id", "indicator--" + randomUuid(random));
        indicator.put("created", timestamp);
        indicator.put("modified", timestamp);
        indicator.put("name", words(random, 3));
        indicator.put("description", words(random, 12));
        indicator.put("pattern", "[domain-name:value = 'site-" + random.nextInt(1_000_000) + ".example']");
        indicator.put("pattern_type", "stix");
        indicator.put("valid_from", timestamp);
        indicator.putArray("object_marking_refs").add(tlp.markingDefinitionId());
        return indicator;
    }

    /** A version-4 UUID from the seeded generator (STIX identifiers must be RFC 4122 UUIDs). */
    private static UUID randomUuid(Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private static List<UUID> uuids(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    private static Set<UUID> pick(Random random, List<UUID> from, int count) {
        Set<UUID> picked = new java.util.HashSet<>();
        while (picked.size() < count) {
            picked.add(from.get(random.nextInt(from.size())));
        }
        return picked;
    }
}
