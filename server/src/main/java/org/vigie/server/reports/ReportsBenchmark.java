package org.vigie.server.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.OrganisationRole;
import org.vigie.core.organisations.Sector;
import org.vigie.core.sharing.Distribution;
import org.vigie.core.sharing.Sharing;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.sharing.Viewer;
import org.vigie.core.sharing.VisibilityPolicy;
import org.vigie.core.taxonomy.ElectionType;
import org.vigie.server.accounts.Account;
import org.vigie.server.accounts.Accounts;
import org.vigie.server.accounts.NewAccount;
import org.vigie.server.elections.ElectionDetails;
import org.vigie.server.elections.Elections;
import org.vigie.server.knowledge.BulkImport;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.knowledge.StoreOutcome;
import org.vigie.server.organisations.OrganisationChanges;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.sharing.Charter;
import org.vigie.server.sharing.Communities;
import org.vigie.server.sharing.CommunityChanges;
import org.vigie.server.sharing.Viewers;

/**
 * {@code vigie bench reports}: loads reports whose observables are skewed as on a real platform
 * ({@link ReportsBenchmarkData}), with mixed markings over 20 organisations, then times the
 * correlation lookup for a new report of 50 observables, as the report form runs it
 * ({@link Correlations#related}, through the visibility policy), for an analyst of one organisation in
 * one community; then the election overview of the same reports. Every answer is checked against the
 * generated data; each step's queries are explained once ({@code EXPLAIN (ANALYZE, BUFFERS)}). Run on
 * a throwaway data directory; prints figures and their ratio to the targets of the reports issue.
 */
@Component
public class ReportsBenchmark {

    /** Targets from the reports issue, on a 2-core machine. */
    static final double TARGET_LOOKUP_P99_MILLIS = 20;
    static final double TARGET_OVERVIEW_MILLIS = 500;
    static final int DRAFT_OBSERVABLES = 50;
    static final int RELATED_LIMIT = 50;
    private static final int BATCH = 500;
    private static final int ORGANISATIONS = 20;
    private static final int COMMUNITIES = 6;
    private static final int PEOPLE = 50;
    /** Indexes the matches query should use; a sequential scan of these tables would not scale. */
    static final List<String> EXPECTED_INDEXES = List.of("correlation_counts_pkey", "correlation_values_pkey", "reports_pkey",
            "stix_objects_one_latest");

    public record Settings(int reports, int observablesPerReport, int lookups, long seed) {
        public Settings {
            if (reports < 1 || observablesPerReport < 1 || lookups < 1) {
                throw new IllegalArgumentException("--reports, --observables-per-report and --lookups must be at least 1");
            }
        }
    }

    /** What was loaded, with whom the lookups read. The overview, when it exists, reads the same. */
    record World(Settings settings, ReportsBenchmarkData data, UUID election, List<UUID> organisations, Member analyst, Viewer viewer,
                 String[] ids, Map<String, Integer> indexOf, boolean[] visible, Map<String, Set<Integer>> sharedKeys,
                 Set<String> preexisting) {
    }

    /** One call of a step: what is timed, and (untimed) what its answer should be: null when right, else why not. */
    record Call(Supplier<Object> timed, Function<Object, String> check) {
    }

    /**
     * A measured step: {@code iterations} calls after a short warm-up, the i-th built by {@code call}
     * (untimed). Its target, if any, is on the {@code percentile}-th percentile.
     */
    record Step(String name, int iterations, int percentile, double targetMillis, java.util.function.BiFunction<World, Integer, Call> call,
                Function<World, List<Plan>> plans) {
    }

    /**
     * A query plan, printed whole, with what it reads: the step's queries are explained once, after its
     * timed calls. {@code expectedIndexes}: indexes the plan must use (named in the summary if not).
     */
    record Plan(String title, List<String> lines, List<String> expectedIndexes) {
        Set<String> indexesUsed() {
            return ReportsBenchmark.indexesUsed(lines);
        }
    }

    record StepResult(String name, int calls, double p50, double p95, double p99, double max, int percentile, double targetMillis,
                      int checked, List<String> mismatches, double averageAnswers, List<Plan> plans, List<Double> inOrder) {
        double atTarget() {
            return percentile == 50 ? p50 : percentile == 95 ? p95 : percentile == 99 ? p99 : max;
        }
    }

    record Result(int reports, List<UUID> organisations, long observables, long keys, double loadSeconds, long visible, long visibleInDatabase,
                  List<StepResult> steps) {
    }

    /** Where the load's time goes, summed over threads: generating, validating, and each write. */
    enum Phase {
        GENERATE("generate drafts, keys and STIX (pool)"), VALIDATE("validate and mark (pool)"), STORE("store incidents"),
        ROWS("insert report rows"), KEYS("insert correlation keys"), COMMIT("commit"),
        COUNTS("count the keys (one statement, at the end)");

        final String label;

        Phase(String label) {
            this.label = label;
        }
    }

    private final java.util.EnumMap<Phase, AtomicLong> phaseNanos = new java.util.EnumMap<>(Phase.class);

    private <T> T timed(Phase phase, Supplier<T> work) {
        long begin = System.nanoTime();
        try {
            return work.get();
        } finally {
            phaseNanos.get(phase).addAndGet(System.nanoTime() - begin);
        }
    }

    private final BulkImport bulkImport;
    private final ElectionOverviews overviews;
    private final CorrelationClusters clusters;
    private final ReportStix stix;
    private final Correlations correlations;
    private final ReportRepository repository;
    private final ReportBulkRepository bulk;
    private final Organisations organisations;
    private final Accounts accounts;
    private final Communities communities;
    private final Elections elections;
    private final Viewers viewers;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final JdbcTemplate plainJdbc;

    ReportsBenchmark(BulkImport bulkImport, ElectionOverviews overviews, CorrelationClusters clusters, ReportStix stix, Correlations correlations, ReportRepository repository,
                     ReportBulkRepository bulk, Organisations organisations, Accounts accounts, Communities communities,
                     Elections elections, Viewers viewers, TransactionTemplate transactions, JdbcClient jdbc, JdbcTemplate plainJdbc) {
        this.bulkImport = bulkImport;
        this.overviews = overviews;
        this.clusters = clusters;
        this.stix = stix;
        this.correlations = correlations;
        this.repository = repository;
        this.bulk = bulk;
        this.organisations = organisations;
        this.accounts = accounts;
        this.communities = communities;
        this.elections = elections;
        this.viewers = viewers;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.plainJdbc = plainJdbc;
        for (Phase phase : Phase.values()) {
            phaseNanos.put(phase, new AtomicLong());
        }
    }

    /** The measured steps, in order: each is timed, and each answer checked against the generated data. */
    List<Step> steps(Settings settings) {
        return List.of(
                new Step("correlation lookup, " + DRAFT_OBSERVABLES + " observables", settings.lookups(), 99, TARGET_LOOKUP_P99_MILLIS,
                        (world, i) -> lookup(world, world.data().lookupDraft(i, DRAFT_OBSERVABLES, world.election())), this::matchesPlans),
                // the same drafts without their over-correlating values: if the cap works, no faster than the line above
                new Step("same, without the over-cap values", settings.lookups(), 99, 0,
                        (world, i) -> lookup(world, withoutOverCap(world, world.data().lookupDraft(i, DRAFT_OBSERVABLES, world.election()))),
                        world -> List.of()),
                // every benchmark report is in this one election: the overview reads all the analyst may see (the worst case)
                new Step("election overview (counts, clusters)", Math.max(5, settings.lookups() / 50), 95, TARGET_OVERVIEW_MILLIS,
                        (world, i) -> new Call(() -> overviews.of(world.analyst(), world.election()), answer -> {
                            long expected = IntStream.range(0, world.ids().length).filter(r -> world.visible()[r]).count();
                            long counted = ((ElectionOverviews.Overview) answer).reports();
                            return counted == expected ? null : counted + " reports counted where " + expected + " are visible";
                        }), this::overviewPlans));
    }

    public Result run(Settings settings, PrintStream out) {
        phaseNanos.values().forEach(nanos -> nanos.set(0));
        int cap = correlations.cap();
        out.printf("Drawing %,d reports of %d observables (seed %d, over-correlation cap %d)...%n", settings.reports(),
                settings.observablesPerReport(), settings.seed(), cap);
        ReportsBenchmarkData data = new ReportsBenchmarkData(settings.reports(), settings.observablesPerReport(), settings.seed(), cap);
        out.printf("  %s; %d values over the cap%n", data.campaignSummary(), data.commonValues.length);

        Setup setup = setUp(settings.seed());
        Random random = new Random(settings.seed());
        Profile[] profiles = profiles(random, setup);
        int[] profileOf = new int[settings.reports()];
        Tlp[] tlpOf = new Tlp[settings.reports()];
        String[] ids = new String[settings.reports()];
        Map<String, Integer> indexOf = new HashMap<>(settings.reports() * 2);
        boolean[] visible = new boolean[settings.reports()];
        double[] ownerWeights = ownerWeights();
        for (int i = 0; i < settings.reports(); i++) {
            profileOf[i] = 3 * pickWeighted(random, ownerWeights) + random.nextInt(3);
            tlpOf[i] = tlp(random);
            ids[i] = "incident--" + randomUuid(random);
            indexOf.put(ids[i], i);
            visible[i] = VisibilityPolicy.maySee(setup.viewer(), profiles[profileOf[i]].sharing(tlpOf[i]));
        }
        // reports already in the database (none in the bench's own; other tests' in a test database) are not the benchmark's to check
        Set<String> preexisting = new HashSet<>(jdbc.sql("SELECT stix_id FROM reports").query(String.class).list());
        World world = new World(settings, data, setup.election(), setup.organisations(), setup.analyst(), setup.viewer(), ids, indexOf,
                visible, sharedKeys(data), preexisting);

        // ---- load ------------------------------------------------------------------------------
        List<int[]> batches = batches(random, profileOf, profiles.length);
        out.printf("Loading %,d reports (%,d batches) as STIX incidents through the import path, with their rows and correlation keys...%n",
                settings.reports(), batches.size());
        Instant start = LocalDate.now(ZoneOffset.UTC).minusDays(200).atStartOfDay().toInstant(ZoneOffset.UTC);
        long started = System.nanoTime();
        AtomicLong keys = new AtomicLong();
        AtomicLong observables = new AtomicLong();
        load(batches, out, settings.reports(), batch -> prepare(batch, data, world, profiles, profileOf, tlpOf, start, observables), keys);
        timed(Phase.COUNTS, () -> {
            bulk.countKeysOfReportsOwnedBy(Set.copyOf(setup.organisations()));
            return null;
        });
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        for (String table : List.of("stix_objects", "reports", "correlation_values", "correlation_counts")) {
            jdbc.sql("ANALYZE " + table).update();
        }
        long seen = Arrays.stream(ids).filter(id -> visible[indexOf.get(id)]).count();
        VisibilityPolicy.SqlPredicate predicate = VisibilityPolicy.sqlPredicate(world.viewer(), "o");
        long seenInDatabase = jdbc.sql("SELECT count(*) FROM reports r" + ReportRepository.VISIBLE_JOIN
                        + "WHERE r.owner_organisation = ANY (CAST(:owners AS uuid[])) AND " + predicate.sql())
                .params(predicate.parameters()).param("owners", VisibilityPolicy.arrayLiteral(Set.copyOf(setup.organisations())))
                .query(Long.class).single();
        out.printf("%n  loaded in %.1f s: %,.0f reports/s, %,.0f observables/s, %,.0f correlation keys/s%n", loadSeconds,
                settings.reports() / loadSeconds, observables.get() / loadSeconds, keys.get() / loadSeconds);
        out.printf("  time per phase, summed over threads (the pool and two writers run at once until the count):");
        phaseNanos.forEach((phase, nanos) -> out.printf(" %s %.1f s;", phase.label, nanos.get() / 1e9));
        out.printf("%n");
        out.printf("  the analyst may see %,d reports (%.1f %%)%s%n", seen, 100.0 * seen / settings.reports(),
                seen == seenInDatabase ? "" : "; THE DATABASE SAYS " + seenInDatabase);
        printKeyCounts(out, cap);

        // ---- measured steps --------------------------------------------------------------------
        List<StepResult> results = new ArrayList<>();
        for (Step step : steps(settings)) {
            out.printf("Timing %s: %,d calls...%n", step.name(), step.iterations());
            results.add(measure(step, world, out));
        }

        Result result = new Result(settings.reports(), setup.organisations(), observables.get(), keys.get(), loadSeconds, seen,
                seenInDatabase, results);
        print(out, settings, result, cap);
        return result;
    }

    private static final Pattern INDEX_SCAN = Pattern.compile("(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\\S+)");
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\S+)");

    /** The indexes a plan reads. */
    static Set<String> indexesUsed(List<String> plan) {
        return matches(plan, INDEX_SCAN);
    }

    /** The tables a plan reads whole. */
    static Set<String> sequentialScans(List<String> plan) {
        return matches(plan, SEQ_SCAN);
    }

    private static Set<String> matches(List<String> plan, Pattern pattern) {
        Set<String> found = new TreeSet<>();
        for (String line : plan) {
            Matcher matcher = pattern.matcher(line);
            while (matcher.find()) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }

    private static String executionTime(List<String> plan) {
        return plan.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("planned only, not run");
    }

    // ---- setting up ----------------------------------------------------------------------------

    private record Setup(List<UUID> organisations, List<UUID> communities, List<UUID> people, UUID election, Member analyst,
                         Viewer viewer) {
    }

    /**
     * 20 organisations; six communities, each founded by one organisation's administrator (the first
     * by the analyst's organisation, which is therefore its active member); the analyst; fifty people
     * (the analyst is the first); one election.
     */
    private Setup setUp(long seed) {
        String run = Long.toString(seed, 36) + "-" + UUID.randomUUID().toString().substring(0, 8);
        Sector[] sectors = Sector.values();
        List<UUID> orgs = new ArrayList<>();
        for (int i = 0; i < ORGANISATIONS; i++) {
            orgs.add(organisations.createBySystem(new OrganisationChanges("Benchmark organisation " + i + " " + run,
                    sectors[i % sectors.length], "XV", "")).id());
        }
        String password = "Bench-" + UUID.randomUUID();
        List<UUID> community = new ArrayList<>();
        for (int i = 0; i < COMMUNITIES; i++) {
            Account founder = accounts.createBySystem(new NewAccount("bench-admin-" + i + "-" + run, password, "Benchmark administrator " + i,
                    null, orgs.get(i), OrganisationRole.ADMINISTRATOR, false));
            community.add(communities.create(founder.member(), new CommunityChanges("Benchmark community " + i + " " + run,
                    "Benchmark data", Charter.text("Members share what they see."))).id());
        }
        Account analyst = accounts.createBySystem(new NewAccount("bench-analyst-" + run, password, "Benchmark analyst", null, orgs.get(0),
                OrganisationRole.ANALYST, false));
        List<UUID> people = new ArrayList<>(List.of(analyst.id()));
        for (int i = 1; i < PEOPLE; i++) {
            people.add(UUID.randomUUID());
        }
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        UUID election = elections.createBySystem(new ElectionDetails("Benchmark legislative election " + run, "XV",
                ElectionType.LEGISLATIVE, day, day.plusDays(14), day.minusDays(60), day.minusDays(1), "")).id();
        Viewer viewer = viewers.of(analyst.member());
        return new Setup(List.copyOf(orgs), List.copyOf(community), List.copyOf(people), election, analyst.member(), viewer);
    }

    /** An owner and a distribution; each report adds its TLP. */
    private record Profile(UUID owner, Set<UUID> communities, Set<UUID> organisations, Set<UUID> users) {
        Sharing sharing(Tlp tlp) {
            return new Sharing(owner, tlp, null, new Distribution(communities, organisations, users));
        }

        SharingRequest request() {
            return new SharingRequest(null, null, communities, organisations, users);
        }
    }

    /** Three distributions per organisation: 1–2 of the 6 communities, 1–3 of the 20 organisations, 1–3 of 50 people. */
    private static Profile[] profiles(Random random, Setup setup) {
        Profile[] profiles = new Profile[ORGANISATIONS * 3];
        for (int p = 0; p < profiles.length; p++) {
            profiles[p] = new Profile(setup.organisations().get(p / 3), pick(random, setup.communities(), 1 + random.nextInt(2)),
                    pick(random, setup.organisations(), 1 + random.nextInt(3)), pick(random, setup.people(), 1 + random.nextInt(3)));
        }
        return profiles;
    }

    /** A few organisations report much more than others; the analyst's is sixth. */
    private static double[] ownerWeights() {
        double[] weights = new double[ORGANISATIONS];
        for (int i = 0; i < ORGANISATIONS; i++) {
            int rank = i == 0 ? 5 : i <= 5 ? i - 1 : i;
            weights[i] = 1.0 / (rank + 1);
        }
        return weights;
    }

    /** 5 % CLEAR, 35 % GREEN, 35 % AMBER, 8 % AMBER+STRICT, 17 % RED. */
    private static Tlp tlp(Random random) {
        int roll = random.nextInt(100);
        return roll < 5 ? Tlp.CLEAR : roll < 40 ? Tlp.GREEN : roll < 75 ? Tlp.AMBER : roll < 83 ? Tlp.AMBER_STRICT : Tlp.RED;
    }

    /** Reports grouped by profile (one import request each), at most {@link #BATCH} a batch, batches shuffled. */
    private static List<int[]> batches(Random random, int[] profileOf, int profiles) {
        List<List<Integer>> byProfile = new ArrayList<>();
        for (int p = 0; p < profiles; p++) {
            byProfile.add(new ArrayList<>());
        }
        for (int i = 0; i < profileOf.length; i++) {
            byProfile.get(profileOf[i]).add(i);
        }
        List<int[]> batches = new ArrayList<>();
        for (List<Integer> reports : byProfile) {
            for (int from = 0; from < reports.size(); from += BATCH) {
                batches.add(reports.subList(from, Math.min(reports.size(), from + BATCH)).stream().mapToInt(Integer::intValue).toArray());
            }
        }
        Collections.shuffle(batches, random);
        return batches;
    }

    /** For each key a campaign value, a very common value or a DISARM technique gives: the reports carrying it. */
    private static Map<String, Set<Integer>> sharedKeys(ReportsBenchmarkData data) {
        ObservableKeys observableKeys = new ObservableKeys();
        List<Set<Integer>> carriers = new ArrayList<>();
        data.pool.forEach(v -> carriers.add(new HashSet<>()));
        Map<String, Set<Integer>> keys = new HashMap<>();
        for (int i = 0; i < data.reports; i++) {
            for (int value : data.poolValuesOf[i]) {
                carriers.get(value).add(i);
            }
            for (int technique : data.techniquesOf[i]) {
                keys.computeIfAbsent("disarm\u0000" + ReportsBenchmarkData.TECHNIQUES.get(technique), k -> new HashSet<>()).add(i);
            }
        }
        for (ReportsBenchmarkData.PoolValue value : data.pool) {
            ReportObservable canonical = ReportsBenchmarkData.observable(value.type(), value.canonical());
            // every way of entering the value gives these keys (ReportsBenchmarkTest checks it); a page on a
            // very common domain gives the domain's key and a URL key of its own, in no other report
            for (ObservableKeys.Key key : observableKeys.keysOf(canonical)) {
                keys.computeIfAbsent(key.kind() + "\u0000" + key.value(), k -> new HashSet<>()).addAll(carriers.get(value.id()));
            }
        }
        return keys;
    }

    // ---- loading -------------------------------------------------------------------------------

    /** A batch generated and validated, not written yet. */
    private record Prepared(BulkImport.Batch stix, List<ReportBulkRepository.NewReport> reports) {
    }

    private Prepared prepare(int[] batch, ReportsBenchmarkData data, World world, Profile[] profiles, int[] profileOf, Tlp[] tlpOf,
                             Instant start, AtomicLong observables) {
        long begin = System.nanoTime();
        Profile profile = profiles[profileOf[batch[0]]];
        List<JsonNode> incidents = new ArrayList<>(batch.length);
        List<ReportBulkRepository.NewReport> reports = new ArrayList<>(batch.length);
        List<UUID> targets = world.organisations();
        for (int index : batch) {
            ReportDraft draft = data.draft(index, world.election(), targets, start);
            // filed some minutes after the first sighting, milliseconds included
            Instant created = ReportStix.stixTime(draft.firstSeen().plus(Duration.ofMinutes(30 + index % 600)).plusMillis(1 + index % 999));
            ObjectNode incident = stix.toIncident(world.ids()[index], created, created, false, draft);
            incident.putArray("object_marking_refs").add(tlpOf[index].markingDefinitionId());
            incidents.add(incident);
            reports.add(new ReportBulkRepository.NewReport(world.ids()[index], created, created, profile.owner(), draft,
                    correlations.keysOf(draft)));
            observables.addAndGet(draft.observables().size());
        }
        phaseNanos.get(Phase.GENERATE).addAndGet(System.nanoTime() - begin);
        return new Prepared(timed(Phase.VALIDATE, () -> bulkImport.prepare(profile.owner(), world.analyst().accountId(), incidents,
                profile.request())), reports);
    }

    /**
     * As a bulk import runs: batches are generated and validated on the pool while two writers, each
     * with its own connection and transaction, store earlier ones (incidents, then the reports' rows
     * and keys, in one transaction per batch); at most four in flight.
     */
    private void load(List<int[]> batches, PrintStream out, int total, Function<int[], Prepared> prepare, AtomicLong keys) {
        ExecutorService writers = Executors.newFixedThreadPool(2);
        Semaphore inFlight = new Semaphore(4);
        AtomicInteger written = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        int[] lastPercent = {-1};
        try {
            for (int[] batch : batches) {
                if (failure.get() != null) {
                    break;
                }
                inFlight.acquireUninterruptibly();
                pending.add(CompletableFuture.supplyAsync(() -> prepare.apply(batch))
                        .thenApplyAsync(this::write, writers)
                        .thenAccept(written1 -> {
                            keys.addAndGet(written1);
                            int percent = (int) (100L * written.addAndGet(batch.length) / total);
                            synchronized (lastPercent) {
                                if (percent / 5 != lastPercent[0] / 5) {
                                    lastPercent[0] = percent;
                                    out.printf("\r  [%-20s] %3d %%", "#".repeat(percent / 5), percent);
                                }
                            }
                        })
                        .whenComplete((ignored, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                            inFlight.release();
                        }));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        } finally {
            writers.shutdown();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the benchmark load failed", failure.get());
        }
    }

    /** One transaction: the incidents through the store, then the reports' rows and keys. Returns the keys written. */
    private int write(Prepared prepared) {
        long[] committing = new long[1];
        Integer keys = transactions.execute(tx -> {
            StoreOutcome outcome = timed(Phase.STORE, () -> bulkImport.write(prepared.stix()));
            if (outcome.anyRejected()) {
                throw new IllegalStateException("the benchmark's own incidents were refused: " + outcome.results().stream()
                        .filter(r -> r.status() == StoreOutcome.Status.REJECTED).findFirst().orElseThrow());
            }
            timed(Phase.ROWS, () -> {
                bulk.insertRows(prepared.reports());
                return null;
            });
            int written = timed(Phase.KEYS, () -> bulk.insertKeys(prepared.reports()));
            committing[0] = System.nanoTime();
            return written;
        });
        phaseNanos.get(Phase.COMMIT).addAndGet(System.nanoTime() - committing[0]);
        return keys == null ? 0 : keys;
    }

    // ---- plans ---------------------------------------------------------------------------------

    /** The matches query of lookup 0, planned for its values and as a generic plan (which a prepared statement may settle on). */
    private List<Plan> matchesPlans(World world) {
        ReportRepository.MatchesQuery query = repository.matchesQuery(world.viewer(),
                correlations.keysOf(world.data().lookupDraft(0, DRAFT_OBSERVABLES, world.election())), null, correlations.cap());
        return List.of(new Plan("the matches query of lookup 0 (EXPLAIN (ANALYZE, BUFFERS), cap " + correlations.cap() + ")",
                        explain(ANALYZE, query.sql(), query.parameters()), EXPECTED_INDEXES),
                new Plan("the same, generic plan (PREPARE, then EXPLAIN (ANALYZE, BUFFERS) EXECUTE with plan_cache_mode = force_generic_plan)",
                        explainGeneric(ANALYZE, query.sql(), query.parameters()), EXPECTED_INDEXES));
    }

    /**
     * The overview's two queries, bound as {@link ReportAggregateRepository} binds them. Their generic
     * plans are only planned (EXPLAIN without ANALYZE): a bad one may take minutes to run.
     */
    private List<Plan> overviewPlans(World world) {
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(world.viewer(), "o");
        Map<String, Object> counts = new LinkedHashMap<>(visible.parameters());
        counts.put("election", world.election());
        String countsSql = ReportAggregateRepository.OVERVIEW_SQL.formatted(visible.sql());
        Map<String, Object> links = new LinkedHashMap<>(visible.parameters());
        links.put("minWeight", CorrelationClusters.MIN_WEIGHT);
        links.put("cap", correlations.cap());
        links.put("limit", clusters.linkLimit() + 1);
        links.put("election", world.election());
        String linksSql = ReportAggregateRepository.CLUSTER_LINKS_SQL.formatted("r.election_id = :election AND", visible.sql());
        return List.of(new Plan("the overview's counts (ReportAggregateRepository.OVERVIEW_SQL, EXPLAIN (ANALYZE, BUFFERS))",
                        explain(ANALYZE, countsSql, counts), List.of()),
                new Plan("the same, generic plan (PREPARE, then EXPLAIN EXECUTE with plan_cache_mode = force_generic_plan)",
                        explainGeneric("EXPLAIN ", countsSql, counts), List.of()),
                new Plan("the overview's cluster links (ReportAggregateRepository.CLUSTER_LINKS_SQL, EXPLAIN (ANALYZE, BUFFERS))",
                        explain(ANALYZE, linksSql, links), List.of()),
                new Plan("the same, generic plan (PREPARE, then EXPLAIN EXECUTE with plan_cache_mode = force_generic_plan)",
                        explainGeneric("EXPLAIN ", linksSql, links), List.of()));
    }

    private static final String ANALYZE = "EXPLAIN (ANALYZE, BUFFERS) ";

    /** The plan of a statement run once with its values: PostgreSQL plans it for them. */
    private List<String> explain(String explain, String sql, Map<String, Object> parameters) {
        return jdbc.sql(explain + sql).params(parameters).query(String.class).list();
    }

    /**
     * The generic plan: what PostgreSQL may switch to for a statement the JDBC driver has prepared on
     * the server (from its fifth execution, by default) once five custom plans cost no less on average.
     * A one-shot EXPLAIN always plans for the values given, so the statement is prepared with numbered
     * parameters and executed with the same values as literals.
     */
    private List<String> explainGeneric(String explain, String sql, Map<String, Object> parameters) {
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
        MapSqlParameterSource source = new MapSqlParameterSource(parameters);
        String positional = NamedParameterUtils.substituteNamedParameters(parsed, source);
        Object[] values = NamedParameterUtils.buildValueArray(parsed, source, null);
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : positional.toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(++n);
            } else {
                numbered.append(c);
            }
        }
        if (n != values.length) {
            throw new IllegalStateException("a '?' in the SQL itself: cannot number its parameters");
        }
        String arguments = Arrays.stream(values).map(ReportsBenchmark::literal).collect(java.util.stream.Collectors.joining(", "));
        return transactions.execute(tx -> {
            plainJdbc.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            plainJdbc.execute("PREPARE vigie_bench_plan AS " + numbered);
            try {
                return plainJdbc.queryForList(explain + "EXECUTE vigie_bench_plan(" + arguments + ")", String.class);
            } finally {
                plainJdbc.execute("DEALLOCATE vigie_bench_plan");
            }
        });
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        return value instanceof Number || value instanceof Boolean ? value.toString() : "'" + value.toString().replace("'", "''") + "'";
    }

    // ---- measuring -----------------------------------------------------------------------------

    private Call lookup(World world, ReportDraft draft) {
        return new Call(() -> correlations.related(world.viewer(), draft, null, RELATED_LIMIT), answer -> check(world, draft, answer));
    }

    /** The draft without the observables whose keys are over the cap. */
    private ReportDraft withoutOverCap(World world, ReportDraft draft) {
        ObservableKeys observableKeys = new ObservableKeys();
        List<ReportObservable> kept = draft.observables().stream().filter(o -> observableKeys.keysOf(o).stream()
                .noneMatch(k -> count(world, k.kind() + "\u0000" + k.value()) > correlations.cap())).toList();
        return new ReportDraft(draft.title(), draft.summary(), draft.firstSeen(), draft.lastSeen(), draft.electionId(), draft.phase(),
                draft.types(), draft.outcome(), draft.targets(), draft.disarmTechniques().stream()
                        .filter(t -> count(world, "disarm\u0000" + t) <= correlations.cap()).toList(), draft.attackTechniques(), draft.actorRefs(),
                draft.narrativeRefs(), draft.viginum(), draft.confidence(), draft.admiralty(), kept, draft.evidence());
    }

    private static int count(World world, String key) {
        Set<Integer> carriers = world.sharedKeys().get(key);
        return carriers == null ? 0 : carriers.size();
    }

    /**
     * Compares a lookup's answer with the generated data: the reports it should link are the visible
     * carriers of its keys that are at most {@code cap} reports' (over-correlating values link
     * nothing); the answer is the best {@link #RELATED_LIMIT} of them, never another report.
     */
    private String check(World world, ReportDraft draft, Object answer) {
        @SuppressWarnings("unchecked")
        List<RelatedReport> related = (List<RelatedReport>) answer;
        int cap = correlations.cap();
        Set<Integer> expected = new HashSet<>();
        Set<String> overCap = new HashSet<>();
        for (ReportRepository.CorrelationKeyRow key : correlations.keysOf(draft)) {
            String name = key.kind() + "\u0000" + key.value();
            Set<Integer> carriers = world.sharedKeys().getOrDefault(name, Set.of());
            if (carriers.size() > cap) {
                overCap.add(name);
            } else {
                carriers.stream().filter(i -> world.visible()[i]).forEach(expected::add);
            }
        }
        for (RelatedReport report : related) {
            Integer index = world.indexOf().get(report.id());
            if (index == null && world.preexisting().contains(report.id())) {
                continue;
            }
            if (index == null || !expected.contains(index)) {
                return report.id() + (index == null ? " is not a benchmark report" : world.visible()[index]
                        ? " shares no key under the cap with the draft" : " is not visible to the analyst");
            }
            for (RelatedReport.SharedKey shared : report.shared()) {
                if (overCap.contains(shared.kind() + "\u0000" + shared.value())) {
                    return report.id() + " is linked through the over-correlating " + shared.kind() + " " + shared.value();
                }
            }
        }
        long own = related.stream().filter(r -> !world.preexisting().contains(r.id())).count();
        boolean complete = related.size() < RELATED_LIMIT; // else other reports may have taken places in the best 50
        if (complete ? own != expected.size() : own > Math.min(RELATED_LIMIT, expected.size())) {
            return own + " related reports where " + expected.size() + " were expected (at most " + RELATED_LIMIT + ")";
        }
        return null;
    }

    /** A step stops early, after at least {@link #MIN_CALLS} calls, once its timed calls have taken this long. */
    static final Duration STEP_BUDGET = Duration.ofMinutes(5);
    static final int MIN_CALLS = 3;

    private static StepResult measure(Step step, World world, PrintStream out) {
        int warmUp = Math.min(20, Math.max(1, step.iterations() / 4));
        long warming = System.nanoTime();
        for (int i = 0; i < warmUp && System.nanoTime() - warming < STEP_BUDGET.toNanos() / 20; i++) {
            step.call().apply(world, step.iterations() + i).timed().get(); // JIT and PostgreSQL caches, on other calls than those timed
        }
        double[] millis = new double[step.iterations()];
        List<String> mismatches = new ArrayList<>();
        long answers = 0;
        int lastPercent = -1;
        int calls = 0;
        long spent = 0;
        for (int i = 0; i < step.iterations() && (i < MIN_CALLS || spent < STEP_BUDGET.toNanos()); i++) {
            Call call = step.call().apply(world, i);
            long begin = System.nanoTime();
            Object answer = call.timed().get();
            long took = System.nanoTime() - begin;
            spent += took;
            calls++;
            millis[i] = took / 1e6;
            answers = answer instanceof List<?> list && answers >= 0 ? answers + list.size() : -1;
            String mismatch = call.check().apply(answer);
            if (mismatch != null) {
                mismatches.add("call " + i + ": " + mismatch);
            }
            int percent = (int) (100L * (i + 1) / step.iterations());
            if (percent / 5 != lastPercent / 5) {
                lastPercent = percent;
                out.printf("\r  [%-20s] %3d %%", "#".repeat(percent / 5), percent);
            }
        }
        out.printf("%n");
        if (calls < step.iterations()) {
            out.printf("  stopped after %d of %d calls: the step's time budget (%d min) ran out%n", calls, step.iterations(),
                    STEP_BUDGET.toMinutes());
        }
        double[] sorted = Arrays.copyOf(millis, calls);
        Arrays.sort(sorted);
        List<Plan> plans = step.plans().apply(world);
        return new StepResult(step.name(), calls, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted[sorted.length - 1], step.percentile(), step.targetMillis(), calls, List.copyOf(mismatches),
                answers < 0 ? -1 : (double) answers / calls, plans,
                calls <= 30 ? Arrays.stream(millis, 0, calls).boxed().toList() : List.of());
    }

    static double percentile(double[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1))];
    }

    // ---- printing ------------------------------------------------------------------------------

    private void printKeyCounts(PrintStream out, int cap) {
        Map<String, Object> counts = jdbc.sql("""
                        SELECT count(*) AS keys, count(*) FILTER (WHERE reports = 1) AS unique_keys,
                               count(*) FILTER (WHERE reports BETWEEN 2 AND :cap) AS linking,
                               count(*) FILTER (WHERE reports > :cap) AS over_cap, max(reports) AS largest
                        FROM correlation_counts""")
                .param("cap", cap).query().singleRow();
        out.printf("  distinct correlation values in the database: %,d (%,d in one report, %,d linking 2 to %d reports, "
                        + "%,d over the cap, the largest in %,d reports)%n", counts.get("keys"), counts.get("unique_keys"),
                counts.get("linking"), cap, counts.get("over_cap"), counts.get("largest"));
    }

    private static void print(PrintStream out, Settings settings, Result result, int cap) {
        out.printf("%nReports correlation benchmark (seed %d, %s, %d CPUs)%n", settings.seed(), Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors());
        out.printf("  reports loaded            %,d with %,d observables (%,d correlation keys) in %.1f s%n", result.reports(),
                result.observables(), result.keys(), result.loadSeconds());
        out.printf("  load throughput           %,.0f reports/s, %,.0f keys/s%n", result.reports() / result.loadSeconds(),
                result.keys() / result.loadSeconds());
        out.printf("  visible to the analyst    %,d (%.1f %%)%n", result.visible(), 100.0 * result.visible() / result.reports());
        for (StepResult step : result.steps()) {
            String target = step.targetMillis() <= 0 ? "" : String.format("   (target p%d < %.0f ms: ratio %.2f)", step.percentile(),
                    step.targetMillis(), step.atTarget() / step.targetMillis());
            out.printf("  %-36s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%s%n", step.name(), step.p50(), step.p95(),
                    step.p99(), step.max(), target);
            out.printf("  %-36s %,d of %,d answers as expected%s%n", "", step.calls() - step.mismatches().size(), step.calls(),
                    step.averageAnswers() < 0 ? "" : String.format(", %.1f related reports on average", step.averageAnswers()));
            step.mismatches().stream().limit(5).forEach(m -> out.println("    MISMATCH " + m));
            if (!step.inOrder().isEmpty()) {
                out.printf("  %-36s calls in order: %s ms%n", "", step.inOrder().stream().map(m -> String.format("%,.0f", m))
                        .collect(java.util.stream.Collectors.joining(", ")));
            }
        }
        for (StepResult step : result.steps()) {
            for (Plan plan : step.plans()) {
                out.printf("%nPlan of %s:%n", plan.title());
                plan.lines().forEach(line -> out.println("  | " + line));
            }
        }
        out.printf("%nPlans in short:%n");
        result.steps().forEach(step -> step.plans().forEach(plan -> summarise(out, plan)));
    }

    private static void summarise(PrintStream out, Plan plan) {
        Set<String> indexes = plan.indexesUsed();
        Set<String> scans = sequentialScans(plan.lines());
        List<String> missing = plan.expectedIndexes().stream().filter(i -> !indexes.contains(i)).toList();
        out.printf("  - %s%n      %s; indexes used: %s; sequential scans: %s%s%n", plan.title(), executionTime(plan.lines()),
                indexes.isEmpty() ? "none" : String.join(", ", indexes), scans.isEmpty() ? "none" : String.join(", ", scans),
                plan.expectedIndexes().isEmpty() ? "" : "; expected indexes not used: " + (missing.isEmpty() ? "none" : String.join(", ", missing)));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static int pickWeighted(Random random, double[] weights) {
        double total = Arrays.stream(weights).sum();
        double roll = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static Set<UUID> pick(Random random, List<UUID> from, int count) {
        Set<UUID> chosen = new HashSet<>();
        while (chosen.size() < Math.min(count, from.size())) {
            chosen.add(from.get(random.nextInt(from.size())));
        }
        return Set.copyOf(chosen);
    }

    /** A version-4 UUID from the seeded generator (STIX identifiers must be RFC 4122 UUIDs). */
    private static UUID randomUuid(Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
