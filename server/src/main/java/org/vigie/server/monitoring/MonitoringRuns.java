package org.vigie.server.monitoring;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.core.sharing.Distribution;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.sharing.Viewer;
import org.vigie.core.sharing.VisibilityPolicy;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.datasets.Datasets;
import org.vigie.detect.input.InputFormat;
import org.vigie.detect.input.InputReport;
import org.vigie.detect.input.PostInputException;
import org.vigie.detect.input.PostReader;
import org.vigie.detect.input.TooManyRowErrorsException;
import org.vigie.detect.network.NetworkEdge;
import org.vigie.detect.pipeline.Detection;
import org.vigie.detect.pipeline.DetectionCancelledException;
import org.vigie.detect.pipeline.DetectionResult;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.sharing.Viewers;
import org.vigie.server.web.ConflictException;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;
import org.vigie.server.web.PayloadTooLarge;
import org.vigie.server.web.UploadSpool;

/**
 * Detection runs as jobs. Starting one checks who runs it and what they chose before reading anything,
 * then the input (an upload spooled to the data directory, a file of the datasets directory or a dataset
 * shipped with Vigie) is read by {@link Detection} on a small bounded pool, its progress in the job row,
 * its cancellation asked through a flag the detection polls. A run's results are stored in one transaction
 * with its final state; a run that fails or is cancelled stores nothing. Every read goes through the
 * visibility policy on the run (its owner organisation, TLP and distribution): a run one may not see is not
 * found, and neither are its groups, accounts or network. Started, cancel asked, finished and cancelled are
 * audited.
 */
@Service
public class MonitoringRuns implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MonitoringRuns.class);
    /** The network view stays fluid up to a few thousand edges; beyond, the page says it shows the heaviest. */
    public static final int GRAPH_EDGES = 3000;

    private final MonitoringRunRepository runs;
    private final MonitoringResultRepository results;
    private final DatasetSources sources;
    private final Viewers viewers;
    private final org.vigie.server.sharing.Communities communities;
    private final org.vigie.server.organisations.Organisations organisations;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Path directory;
    private final long maxBytes;
    private final int maxStoredEdges;
    private final Map<UUID, Control> controls = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor pool;
    /** Set when Vigie stops: runs it interrupts end failed, not "cancelled by their owner". */
    private volatile boolean stopping;

    MonitoringRuns(MonitoringRunRepository runs, MonitoringResultRepository results, DatasetSources sources, Viewers viewers,
                   org.vigie.server.sharing.Communities communities, org.vigie.server.organisations.Organisations organisations, AuditTrail audit,
                   TransactionTemplate transactions, Clock clock, @Value("${vigie.data}") Path data,
                   @Value("${vigie.monitoring.max-size:2GB}") DataSize maxSize,
                   @Value("${vigie.monitoring.concurrent-runs:1}") int concurrentRuns,
                   @Value("${vigie.monitoring.queued-runs:8}") int queuedRuns,
                   @Value("${vigie.monitoring.max-stored-edges:200000}") int maxStoredEdges) {
        this.runs = runs;
        this.results = results;
        this.sources = sources;
        this.viewers = viewers;
        this.communities = communities;
        this.organisations = organisations;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.directory = data.resolve("monitoring");
        this.maxBytes = maxSize.toBytes();
        this.maxStoredEdges = maxStoredEdges;
        if (maxBytes <= 0 || concurrentRuns < 1 || queuedRuns < 0 || maxStoredEdges < 1) {
            throw new IllegalArgumentException("vigie.monitoring.max-size, concurrent-runs, max-stored-edges must be positive");
        }
        // a detection holds its whole trace table in memory: few at once, a short queue, and a clear refusal beyond
        this.pool = new ThreadPoolExecutor(concurrentRuns, concurrentRuns, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, queuedRuns)), runnable -> {
            Thread thread = new Thread(runnable, "vigie-monitoring");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void afterSingletonsInstantiated() {
        // runs started by this Vigie already (the demo's, started by another initialiser) are not interrupted ones
        int interrupted = runs.failInterrupted(clock.instant(), Set.copyOf(controls.keySet()));
        if (interrupted > 0) {
            log.warn("{} monitoring run(s) were queued or running when Vigie stopped; they are marked failed", interrupted);
        }
    }

    @Override
    public void destroy() {
        stopping = true;
        controls.values().forEach(c -> c.cancelled.set(true));
        pool.shutdownNow();
    }

    /** The largest upload a run takes ({@code vigie.monitoring.max-size}), in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    // ---- starting ----------------------------------------------------------------------------------------

    /**
     * What the analyst chose: the format key (null: detect it), the detection settings, the run's TLP and whom
     * it is shared with beyond its organisation (communities count at TLP:GREEN, organisations at GREEN and AMBER).
     */
    public record Choices(String format, RunSettings settings, Tlp tlp, Set<UUID> communities, Set<UUID> organisations) {

        public Choices {
            communities = communities == null ? Set.of() : Set.copyOf(communities);
            organisations = organisations == null ? Set.of() : Set.copyOf(organisations);
        }

        /** The same choices shared with these communities and organisations. */
        public Choices sharedWith(java.util.Collection<UUID> withCommunities, java.util.Collection<UUID> withOrganisations) {
            return new Choices(format, settings, tlp, withCommunities == null ? Set.of() : Set.copyOf(withCommunities),
                    withOrganisations == null ? Set.of() : Set.copyOf(withOrganisations));
        }
    }

    /**
     * Checks the form's or the API's values, naming the field at fault (400): {@code format} (a format key or
     * "auto"), {@code types} (co-action type keys; none: the defaults), {@code window} (seconds or "auto"; blank:
     * the default), {@code maxErrors} (1% or a count) and {@code tlp} (default AMBER).
     */
    public static Choices choices(String format, List<String> types, String window, String maxErrors, String tlp) {
        String formatKey = format == null || format.isBlank() || format.strip().equalsIgnoreCase("auto") ? null : format.strip();
        if (formatKey != null) {
            try {
                InputFormat.fromKey(formatKey);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("format", "monitoring.format.unknown", e.getMessage() + ", or auto");
            }
        }
        RunSettings defaults = RunSettings.defaults();
        List<String> chosen = types == null ? List.of() : types.stream().flatMap(t -> java.util.Arrays.stream(t.split(",")))
                .map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        for (String type : chosen) {
            try {
                CoActionType.fromKey(type);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("types", "monitoring.types.unknown", "'" + type + "' is not a co-action type; use "
                        + String.join(", ", java.util.Arrays.stream(CoActionType.values()).map(CoActionType::key).toList()) + ".");
            }
        }
        long seconds = defaults.windowSeconds();
        if (window != null && !window.isBlank()) {
            String w = window.strip().toLowerCase(Locale.ROOT);
            if (w.equals("auto")) {
                seconds = org.vigie.detect.pipeline.DetectionSettings.AUTO_WINDOW;
            } else {
                try {
                    seconds = Long.parseLong(w);
                } catch (NumberFormatException e) {
                    seconds = -2;
                }
                if (seconds < 0 || seconds > 31L * 24 * 3600) {
                    throw new InvalidFieldException("window", "monitoring.window.invalid",
                            "The window is a number of seconds between 0 and 2678400 (31 days), or auto; not '" + window + "'.");
                }
            }
        }
        String budget = maxErrors == null || maxErrors.isBlank() ? defaults.maxErrors() : maxErrors.strip();
        try {
            org.vigie.detect.input.ErrorBudget.parse(budget);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("maxErrors", "monitoring.maxErrors.invalid",
                    "The error budget is a percentage of rows (1%) or a number of rows (250); not '" + maxErrors + "'.");
        }
        Tlp level = tlp == null || tlp.isBlank() ? Tlp.AMBER : Tlp.parse(tlp.strip()).orElseThrow(() -> new InvalidFieldException("tlp",
                "monitoring.tlp.unknown", "'" + tlp + "' is not a TLP 2.0 level: CLEAR, GREEN, AMBER, AMBER_STRICT or RED."));
        return new Choices(formatKey, new RunSettings(chosen.isEmpty() ? defaults.types() : chosen, seconds, budget), level, Set.of(),
                Set.of());
    }

    /** A body not read yet, with its declared length (-1 if unknown). */
    public record Upload(String fileName, long declaredLength, InputStream body) {
    }

    /** Starts a run on an uploaded file: 403 before reading anything if the member may not run one, 413 past the limit. */
    public MonitoringRun startUpload(Member member, Upload upload, Choices choices) {
        ensureMayRun(member);
        ensureMayShare(member, choices);
        if (upload.declaredLength() > maxBytes) {
            throw tooLarge();
        }
        ensureRoom();
        UUID id = UUID.randomUUID();
        Path spool = spool(id, upload.body());
        long size = size(spool);
        if (size == 0) {
            delete(spool);
            throw new InvalidFieldException("file", "monitoring.file.empty", "The file is empty: choose a dataset of posts.");
        }
        String name = uploadName(upload.fileName());
        return submit(member, id, MonitoringRun.Source.UPLOAD, name, size, choices, () -> Files.newInputStream(spool), spool);
    }

    /** The name a run shows for an upload: the file's own name, without any directory a client sent, printable, at most 200 characters. */
    static String uploadName(String sent) {
        String name = sent == null ? "" : sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        return name.isEmpty() ? "upload" : name.length() > 200 ? name.substring(0, 200) : name;
    }

    /** Starts a run on a file of the datasets directory, named relative to it (400 naming {@code serverFile} otherwise). */
    public MonitoringRun startServerFile(Member member, String name, Choices choices) {
        ensureMayRun(member);
        ensureMayShare(member, choices);
        Path file = sources.serverFile(name);
        ensureRoom();
        return submit(member, UUID.randomUUID(), MonitoringRun.Source.SERVER_FILE, name.strip(), size(file), choices,
                () -> Files.newInputStream(file), null);
    }

    /** Starts a run on a dataset shipped with Vigie, by key ({@code german-elections-2021}). */
    public MonitoringRun startBundled(Member member, String key, Choices choices) {
        ensureMayRun(member);
        ensureMayShare(member, choices);
        Datasets dataset = sources.bundled(key);
        ensureRoom();
        return submit(member, UUID.randomUUID(), MonitoringRun.Source.BUNDLED, DatasetSources.key(dataset), -1, choices,
                () -> sources.open(dataset), null);
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private MonitoringRun submit(Member member, UUID id, MonitoringRun.Source source, String name, long size, Choices choices,
                                 Opener opener, Path spool) {
        MonitoringRun run = new MonitoringRun(id, member.organisationId(), member.accountId(), choices.tlp(),
                new Distribution(choices.communities(), choices.organisations(), Set.of()), source,
                name, choices.format(), null, choices.settings(), MonitoringRun.State.QUEUED, MonitoringRun.Progress.NONE,
                Math.max(size, 0), false, null, List.of(), null, false, clock.instant(), null, null);
        transactions.executeWithoutResult(tx -> {
            runs.insert(run);
            audit.record(AuditEvent.of("monitoring.run.started", "monitoring-run", id).with("source", source.name())
                    .with("name", name).with("bytes", size).with("format", String.valueOf(choices.format()))
                    .with("types", choices.settings().types()).with("window", choices.settings().windowSeconds())
                    .with("tlp", choices.tlp().name()).with("communities", choices.communities())
                    .with("organisations", choices.organisations()));
        });
        Control control = new Control(size);
        controls.put(id, control);
        try {
            pool.execute(new DelegatingSecurityContextRunnable(() -> execute(run, opener, spool, control)));
        } catch (RejectedExecutionException e) {
            controls.remove(id);
            delete(spool);
            end(run.withState(MonitoringRun.State.FAILED, "Too many runs were waiting; start it again when one has finished.", List.of(),
                    null, false, null, clock.instant()));
            throw busy();
        }
        return run;
    }

    /** What one queued or running job shares with the threads that read it and cancel it. */
    private static final class Control {
        final AtomicBoolean cancelled = new AtomicBoolean();
        final AtomicLong bytesRead = new AtomicLong();
        final long bytesTotal;
        volatile RunProgress progress;

        Control(long bytesTotal) {
            this.bytesTotal = bytesTotal;
        }
    }

    private void execute(MonitoringRun queued, Opener opener, Path spool, Control control) {
        UUID id = queued.id();
        String formatRead = null;
        InputReport report = null;
        try {
            if (control.cancelled.get() || !runs.start(id, clock.instant())) {
                end(queued.withState(MonitoringRun.State.CANCELLED, "Cancelled before it started. Nothing was stored.", List.of(), null, false,
                        null, clock.instant()));
                return;
            }
            RunProgress progress = new RunProgress(control.bytesTotal, control.bytesRead, p -> runs.progress(id, p));
            control.progress = progress;
            DetectionResult result;
            InputFormat format = queued.format() == null ? null : InputFormat.fromKey(queued.format());
            try (PostReader reader = PostReader.open(new Counting(opener.open(), control.bytesRead), format,
                    queued.settings().budget())) {
                formatRead = reader.format() == null ? null : reader.format().key();
                result = new Detection(queued.settings().detection(), progress, control.cancelled::get).run(reader);
                report = result.input();
            }
            if (control.cancelled.get()) {
                throw new DetectionCancelledException(org.vigie.detect.pipeline.Stage.WRITE);
            }
            List<NetworkEdge> edges = MonitoringResultRepository.edgesToStore(result, maxStoredEdges);
            RunSummary summary = summary(result, edges.size());
            MonitoringRun succeeded = queued.withState(MonitoringRun.State.SUCCEEDED, null, problems(report), summary,
                    edges.size() < result.edges().size(), formatRead, clock.instant());
            transactions.executeWithoutResult(tx -> {
                results.store(id, result, edges);
                runs.finish(succeeded);
                audit.record(AuditEvent.of("monitoring.run.finished", "monitoring-run", id).with("state", "SUCCEEDED")
                        .with("posts", summary.posts()).with("edges", summary.edges()).with("groups", summary.groups()));
            });
        } catch (DetectionCancelledException e) {
            end(stopping ? queued.withState(MonitoringRun.State.FAILED, "Vigie stopped while this run was running; nothing was stored. "
                    + "Start it again.", problems(report), null, false, formatRead, clock.instant())
                    : queued.withState(MonitoringRun.State.CANCELLED, "Cancelled by its owner. Nothing was stored.", problems(report), null,
                    false, formatRead, clock.instant()));
        } catch (TooManyRowErrorsException e) {
            end(queued.withState(MonitoringRun.State.FAILED, "Too many rows could not be read: " + e.errors() + " of " + e.rowsRead()
                            + " (budget " + queued.settings().maxErrors() + "). Nothing was stored.",
                    e.firstErrors().stream().map(r -> new MonitoringRun.RowProblem(r.line(), r.reason())).toList(), null, false, formatRead,
                    clock.instant()));
        } catch (PostInputException e) {
            end(queued.withState(MonitoringRun.State.FAILED, "The file cannot be read: " + e.getMessage() + ". Nothing was stored.",
                    List.of(), null, false, formatRead, clock.instant()));
        } catch (IOException | UncheckedIOException e) {
            end(queued.withState(MonitoringRun.State.FAILED, "The file cannot be read (" + e.getMessage() + "). Nothing was stored.",
                    List.of(), null, false, formatRead, clock.instant()));
        } catch (RuntimeException | OutOfMemoryError e) {
            log.error("monitoring run {} failed", id, e);
            end(queued.withState(MonitoringRun.State.FAILED, "The run failed: " + e + ". Nothing was stored.", List.of(), null, false,
                    formatRead, clock.instant()));
        } finally {
            controls.remove(id);
            delete(spool);
        }
    }

    /** Records how a run ended without results (failed, cancelled) with its audit entry. */
    private void end(MonitoringRun ended) {
        transactions.executeWithoutResult(tx -> {
            runs.finish(ended);
            audit.record(AuditEvent.of(ended.state() == MonitoringRun.State.CANCELLED ? "monitoring.run.cancelled" : "monitoring.run.finished",
                    "monitoring-run", ended.id()).with("state", ended.state().name()).with("error", String.valueOf(ended.error())));
        });
    }

    private static List<MonitoringRun.RowProblem> problems(InputReport report) {
        return report == null ? List.of()
                : report.firstErrors().stream().map(r -> new MonitoringRun.RowProblem(r.line(), r.reason())).toList();
    }

    private static RunSummary summary(DetectionResult result, int storedEdges) {
        Map<String, Long> traces = new java.util.LinkedHashMap<>();
        for (CoActionType type : CoActionType.values()) {
            Long n = result.tracesByType().get(type);
            if (n != null) {
                traces.put(type.key(), n);
            }
        }
        InputReport input = result.input();
        return new RunSummary(input == null ? 0 : input.rowsRead(), input == null ? 0 : input.posts(), input == null ? 0 : input.errors(),
                result.traces(), traces, result.windowSeconds(), result.windowEstimated(), result.pairs(), result.weightThreshold(),
                result.edges().size(), storedEdges, result.accounts().size(), result.groupedAccounts(), result.groups().size(),
                result.timings().stream().map(t -> new RunSummary.StageTime(t.stage().label(), t.items(), t.nanos() / 1_000_000)).toList());
    }

    // ---- reading and cancelling ----------------------------------------------------------------------------

    /** A run the member may see, with its live progress while it runs; 404 otherwise. Restricted reads by others are audited. */
    public MonitoringRun get(Member member, UUID id) {
        return visible(member, id, true);
    }

    /** As {@link #get}, for the status block a page polls every second: not audited again. */
    public MonitoringRun status(Member member, UUID id) {
        return visible(member, id, false);
    }

    private MonitoringRun visible(Member member, UUID id, boolean auditRestricted) {
        Viewer viewer = viewers.of(member);
        MonitoringRun run = runs.find(id).filter(r -> VisibilityPolicy.maySee(viewer, r.sharing()))
                .orElseThrow(() -> new NotFoundException("monitoring run", id));
        if (auditRestricted && VisibilityPolicy.readIsAudited(run.tlp()) && !member.belongsTo(run.ownerOrganisation())) {
            audit.record(AuditEvent.of("monitoring.run.read", "monitoring-run", id).with("tlp", run.tlp().name()));
        }
        return live(run);
    }

    private MonitoringRun live(MonitoringRun run) {
        Control control = controls.get(run.id());
        if (control == null || run.state().finished()) {
            return run;
        }
        RunProgress progress = control.progress;
        return run.withLive(progress == null ? run.progress() : progress.current(), run.cancelRequested() || control.cancelled.get());
    }

    /** The runs the member may see, newest first. */
    public List<MonitoringRun> recent(Member member, int limit) {
        return runs.visible(viewers.of(member), Math.max(1, Math.min(limit, 200))).stream().map(this::live).toList();
    }

    /** Whether the member may start and cancel runs: analysts and administrators of an organisation. */
    public static boolean mayRun(Member member) {
        return member.organisationId() != null && Permissions.allows(member, Permission.KNOWLEDGE_SHARE);
    }

    /** Whether the member may cancel this run: an analyst or administrator of its owner organisation. */
    public static boolean mayCancel(Member member, MonitoringRun run) {
        return mayRun(member) && member.belongsTo(run.ownerOrganisation());
    }

    /** Asks a queued or running run to stop; it stores nothing. 404 if not visible, 403 if not its owner's, 409 if finished. */
    public MonitoringRun cancel(Member member, UUID id) {
        MonitoringRun run = get(member, id);
        if (!mayCancel(member, run)) {
            throw new ForbiddenException("Only analysts and administrators of the organisation that owns a run cancel it.");
        }
        if (run.state().finished()) {
            throw new ConflictException("state", "monitoring.run.finished", "The run has already ended (" + run.state() + ").");
        }
        Control control = controls.get(id);
        if (control != null) {
            control.cancelled.set(true);
        }
        transactions.executeWithoutResult(tx -> {
            runs.requestCancel(id);
            audit.record(AuditEvent.of("monitoring.run.cancel-requested", "monitoring-run", id));
        });
        return run.withLive(run.progress(), true);
    }

    /** The groups of a run the member may see, heaviest first; none until it has succeeded. */
    public List<RunResults.Group> groups(Member member, UUID id, int offset, int limit) {
        MonitoringRun run = get(member, id);
        return run.state() == MonitoringRun.State.SUCCEEDED
                ? results.groups(id, Math.max(0, offset), Math.max(1, Math.min(limit, 1000))) : List.of();
    }

    /** One group of a run the member may see; 404 otherwise. */
    public RunResults.Group group(Member member, UUID id, int number) {
        get(member, id);
        return results.group(id, number).orElseThrow(() -> new NotFoundException("group", id + "/" + number));
    }

    /** A group's members by decreasing score (the group must be the member's to see). */
    public List<RunResults.Account> members(Member member, UUID id, int number, int limit) {
        group(member, id, number);
        return results.members(id, number, Math.max(1, Math.min(limit, 10_000)));
    }

    /** The network view of a run (of one group when {@code group} is given): edges inside groups, the heaviest {@link #GRAPH_EDGES}. */
    public RunResults.Network network(Member member, UUID id, Integer group) {
        get(member, id);
        if (group != null) {
            group(member, id, group);
        }
        return results.network(id, group, GRAPH_EDGES);
    }

    // ---- files ----------------------------------------------------------------------------------------------

    /**
     * The run may be shared only with communities the member's organisation is active in and with organisations
     * that exist (400 naming {@code communities} or {@code organisations}).
     */
    private void ensureMayShare(Member member, Choices choices) {
        Set<UUID> active = communities.activeCommunitiesOf(member.organisationId());
        for (UUID community : choices.communities()) {
            if (!active.contains(community)) {
                throw new InvalidFieldException("communities", "monitoring.community.refused", "Your organisation is not an active member "
                        + "of community " + community + ": a run is shared only in communities it is active in.");
            }
        }
        for (UUID organisation : choices.organisations()) {
            if (organisations.find(organisation).isEmpty()) {
                throw new InvalidFieldException("organisations", "monitoring.organisation.unknown", "No organisation " + organisation + ".");
            }
        }
    }

    private void ensureMayRun(Member member) {
        if (!mayRun(member)) {
            throw new ForbiddenException("Only analysts and administrators of an organisation run detections.");
        }
    }

    private void ensureRoom() {
        if (pool.getQueue().remainingCapacity() == 0) {
            throw busy();
        }
    }

    private static ErrorResponseException busy() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Too many detection runs are waiting; start this one when one of them has finished.");
        problem.setTitle("Busy");
        return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
    }

    private ErrorResponseException tooLarge() {
        return new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, PayloadTooLarge.problem("The dataset", maxBytes), null);
    }

    /** Copies the body to the data directory, counting; over the limit, deletes what it wrote and answers 413. */
    private Path spool(UUID id, InputStream body) {
        return UploadSpool.write(directory.resolve(id + ".upload"), body, maxBytes, this::tooLarge);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path spool) {
        if (spool == null) {
            return;
        }
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            log.warn("could not delete the monitoring spool {}", spool, e);
        }
    }

    /** Counts the bytes the reader takes, for the reading stage's progress. */
    private static final class Counting extends FilterInputStream {

        private final AtomicLong read;

        Counting(InputStream in, AtomicLong read) {
            super(in);
            this.read = read;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                read.addAndGet(n);
            }
            return n;
        }
    }

    /** For the demo: the keys of the shipped datasets. */
    public static Set<String> bundledKeys() {
        return java.util.Arrays.stream(Datasets.values()).map(DatasetSources::key).collect(java.util.stream.Collectors.toSet());
    }
}
