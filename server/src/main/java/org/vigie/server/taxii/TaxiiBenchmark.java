package org.vigie.server.taxii;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vigie.core.organisations.Sector;
import org.vigie.core.sharing.Viewer;
import org.vigie.server.knowledge.BenchmarkLoad;
import org.vigie.server.knowledge.MixedMarkingIndicators;
import org.vigie.server.knowledge.BulkImport;
import org.vigie.server.organisations.OrganisationChanges;
import org.vigie.server.organisations.Organisations;

/**
 * {@code vigie bench taxii}: loads objects with mixed markings through the knowledge store's bulk
 * import path, then walks TAXII {@code GET objects} pages of 1,000 through the same service code the
 * endpoint runs (SQL with the visibility policy and TLP ceiling, keyset cursor, envelope), for a
 * client whose organisation sees a few per cent of the store. Prints p50/p95/p99 per page and the
 * ratio to the target. Run on a throwaway data directory.
 */
@Component
public class TaxiiBenchmark {

    /** Target from the exchange issue: a page of 1,000 with 1,000,000 stored objects, on 2 cores. */
    static final double TARGET_P95_MILLIS = 100;
    static final int PAGE = 1_000;


    private final BulkImport imports;
    private final TaxiiService taxii;
    private final TaxiiRepository repository;
    private final TaxiiSettings settings;
    private final Organisations organisations;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    TaxiiBenchmark(BulkImport imports, TaxiiService taxii, TaxiiRepository repository, TaxiiSettings settings,
                   Organisations organisations, JdbcClient jdbc, ObjectMapper json) {
        this.imports = imports;
        this.taxii = taxii;
        this.repository = repository;
        this.settings = settings;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Settings(int objects, int pages, long seed) {
    }

    public void run(Settings run, PrintStream out) {
        Random random = new Random(run.seed());
        List<UUID> owners = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            owners.add(organisations.createBySystem(new OrganisationChanges("TAXII benchmark organisation " + i + " " + UUID.randomUUID(),
                    Sector.values()[i % Sector.values().length], "XV", "")).id());
        }
        List<UUID> communities = MixedMarkingIndicators.uuids(10);
        List<UUID> people = MixedMarkingIndicators.uuids(50);
        load(run.objects(), random, owners, communities, people, out);
        // what autovacuum does after a bulk load (statistics, and the visibility map that index-only scans need)
        jdbc.sql("VACUUM (ANALYZE) stix_objects").update();

        Viewer viewer = new Viewer(people.get(0), owners.get(0), Set.of(communities.get(0)));
        TaxiiCollection everything = new TaxiiCollection(TaxiiCollection.EVERYTHING_ID, TaxiiCollection.Kind.EVERYTHING, "", "", true, false);
        TaxiiCollection community = new TaxiiCollection(communities.get(0), TaxiiCollection.Kind.COMMUNITY, "", "", true, true);
        TaxiiCollection organisation = new TaxiiCollection(owners.get(0), TaxiiCollection.Kind.ORGANISATION, "", "", true, true);

        out.printf("%nTAXII server benchmark (seed %d, %s)%n", run.seed(), Instant.now());
        out.printf("  objects stored            %,d%n", run.objects());
        for (TaxiiCollection collection : List.of(everything, community, organisation)) {
            out.printf("  %-25s %,d objects served to the client (TLP ceiling %s)%n", name(collection) + ":",
                    served(viewer, collection), settings.maxTlp().label());
        }
        Result headline = walk(viewer, everything, run.pages(), null, out);
        walk(viewer, community, run.pages(), null, out);
        walk(viewer, organisation, run.pages(), null, out);
        String midpoint = jdbc.sql("SELECT added_at FROM stix_objects ORDER BY added_at OFFSET :half LIMIT 1")
                .param("half", run.objects() / 2).query(java.sql.Timestamp.class).optional()
                .map(t -> TaxiiTimestamps.dateAdded(t.toInstant())).orElse(null);
        if (midpoint != null) {
            walk(viewer, everything, run.pages(), midpoint, out);
        }
        out.printf("%n  Plan of a page of %,d from the '%s' collection (after its first page):%n", PAGE, name(everything));
        TaxiiQuery query = TaxiiQuery.parse(Map.of("limit", new String[] {String.valueOf(PAGE)}), settings);
        List<TaxiiRepository.Row> first = repository.page(new TaxiiRepository.Listing(viewer, everything, settings.maxTlp(), query, "last",
                null, null, false));
        PageCursors.Position after = first.size() < 2 ? null : new PageCursors.Position(first.get(first.size() - 2).addedAt(),
                first.get(first.size() - 2).stixId(), first.get(first.size() - 2).modified());
        out.println(indent(repository.explain(new TaxiiRepository.Listing(viewer, everything, settings.maxTlp(), query, "last", null, after, true))));
        out.printf("%n  Plan of a page of %,d from a community collection:%n", PAGE);
        out.println(indent(repository.explain(new TaxiiRepository.Listing(viewer, community, settings.maxTlp(), query, "last", null, null, true))));
        out.printf("%n  Headline: GET objects, page of %,d, %,d objects stored: p95 %.1f ms (target < %.0f ms: ratio %.2f)%n",
                PAGE, run.objects(), headline.p95(), TARGET_P95_MILLIS, headline.p95() / TARGET_P95_MILLIS);
    }

    private static String name(TaxiiCollection collection) {
        return switch (collection.kind()) {
            case EVERYTHING -> "everything I may read";
            case COMMUNITY -> "community";
            case ORGANISATION -> "own organisation";
        };
    }

    private long served(Viewer viewer, TaxiiCollection collection) {
        long count = 0;
        PageCursors.Position after = null;
        TaxiiQuery big = new TaxiiQuery(null, Set.of(), Set.of(), Set.of(), Set.of(), 100_000, null);
        while (true) {
            List<TaxiiRepository.Row> rows = repository.page(new TaxiiRepository.Listing(viewer, collection, settings.maxTlp(), big, "last",
                    null, after, false));
            count += Math.min(rows.size(), big.limit());
            if (rows.size() <= big.limit()) {
                return count;
            }
            TaxiiRepository.Row last = rows.get(big.limit() - 1);
            after = new PageCursors.Position(last.addedAt(), last.stixId(), last.modified());
        }
    }

    record Result(double p50, double p95, double p99) {
    }

    /** Follows {@code next} page after page (starting over at the end), timing each page. */
    private Result walk(Viewer viewer, TaxiiCollection collection, int pages, String addedAfter, PrintStream out) {
        Map<String, String[]> start = new HashMap<>();
        start.put("limit", new String[] {String.valueOf(PAGE)});
        if (addedAfter != null) {
            start.put("added_after", new String[] {addedAfter});
        }
        String next = null;
        for (int i = 0; i < Math.min(10, pages); i++) { // warm-up: JIT and PostgreSQL caches
            next = nextOf(taxii.objects(viewer, collection, with(start, next)));
        }
        next = null;
        double[] millis = new double[pages];
        long bytes = 0;
        int full = 0;
        for (int i = 0; i < pages; i++) {
            long begin = System.nanoTime();
            TaxiiService.Page page = taxii.objects(viewer, collection, with(start, next));
            millis[i] = (System.nanoTime() - begin) / 1e6;
            bytes += page.body().length();
            next = nextOf(page);
            full += next != null ? 1 : 0;
        }
        Arrays.sort(millis);
        Result result = new Result(percentile(millis, 50), percentile(millis, 95), percentile(millis, 99));
        out.printf("  %-25s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms   (target p95 < %.0f ms: ratio %.2f)  %d pages, %d full, %.0f KB/page%n",
                name(collection) + (addedAfter == null ? "" : " +added_after"), result.p50(), result.p95(), result.p99(),
                TARGET_P95_MILLIS, result.p95() / TARGET_P95_MILLIS, pages, full, bytes / 1024.0 / pages);
        return result;
    }

    private static Map<String, String[]> with(Map<String, String[]> start, String next) {
        if (next == null) {
            return start;
        }
        Map<String, String[]> parameters = new HashMap<>(start);
        parameters.put("next", new String[] {next});
        return parameters;
    }

    /** The envelope starts with {"more":true,"next":"..."} as the service writes it. */
    private static String nextOf(TaxiiService.Page page) {
        String body = page.body();
        int at = body.indexOf("\"next\":\"");
        if (at < 0 || at > 40) {
            return null;
        }
        return body.substring(at + 8, body.indexOf('"', at + 8));
    }

    private static double percentile(double[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }

    // ---- loading ---------------------------------------------------------------------------------

    /** As {@code bench knowledge} loads: batches validated on the pool while two writers store earlier ones. */
    private void load(int objects, Random random, List<UUID> owners, List<UUID> communities, List<UUID> people, PrintStream out) {
        out.printf("Loading %,d objects with mixed markings (30 organisations, 10 communities, 50 people)...%n", objects);
        double seconds = BenchmarkLoad.load(imports, objects, 1_000,
                new MixedMarkingIndicators(imports, json, random, owners, communities, people)::plan, out);
        out.printf("%n  loaded in %.1f s (%,.0f objects/s)%n", seconds, objects / seconds);
    }



}
