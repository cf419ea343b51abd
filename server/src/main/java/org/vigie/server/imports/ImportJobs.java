package org.vigie.server.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.Permission;
import org.vigie.core.accounts.Permissions;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.knowledge.BulkImport;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.web.ConflictException;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.NotFoundException;
import org.vigie.server.web.PayloadTooLarge;
import org.vigie.server.web.UploadSpool;

/**
 * Import jobs: an upload is checked (who imports, with which sharing) before its body is read, spooled
 * to the data directory (at most {@code vigie.import.max-size}), then imported by {@link StixImport},
 * on the request's thread or, asked for, on the import pool while the client polls the job. A job is
 * read, cancelled and its report downloaded by its organisation only. Every import is audited when it
 * starts and when it ends (finished or cancelled, with its counts).
 */
@Service
public class ImportJobs implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    /** Imports run side by side at most; more wait their turn (each holds one database connection while it writes). */
    static final int CONCURRENT_IMPORTS = 2;

    private final StixImport stixImport;
    private final BulkImport bulk;
    private final ImportJobRepository repository;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final Path directory;
    private final long maxBytes;
    private final Map<UUID, ImportProgress> running = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_IMPORTS, runnable -> {
        Thread thread = new Thread(runnable, "vigie-import");
        thread.setDaemon(true);
        return thread;
    });

    ImportJobs(StixImport stixImport, BulkImport bulk, ImportJobRepository repository, AuditTrail audit, ObjectMapper json, Clock clock,
               @Value("${vigie.data}") Path data, @Value("${vigie.import.max-size:1GB}") DataSize maxSize) {
        this.stixImport = stixImport;
        this.bulk = bulk;
        this.repository = repository;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.directory = data.resolve("imports");
        this.maxBytes = maxSize.toBytes();
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("vigie.import.max-size must be positive, not " + maxSize);
        }
    }

    /** The largest file an import takes ({@code vigie.import.max-size}), in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int interrupted = repository.failInterrupted(clock.instant());
        if (interrupted > 0) {
            log.warn("{} import(s) were running when Vigie stopped; they were rolled back and are marked failed", interrupted);
        }
    }

    /** What to import: a body not read yet, with its declared length (-1 if unknown). */
    public record Upload(String fileName, long declaredLength, InputStream body) {
    }

    /**
     * Imports a STIX bundle for the member. Throws before reading anything if the member may not
     * import or the sharing is not theirs to give (403, 400), and 413 if the upload is larger than the
     * limit. Synchronous: returns the finished job. Asynchronous: returns the running job at once.
     */
    public ImportJob importStix(Member member, Upload upload, SharingRequest sharing, boolean partial, boolean async) {
        BulkImport.Session session = bulk.session(member, sharing);
        if (upload.declaredLength() > maxBytes) {
            throw tooLarge();
        }
        UUID id = UUID.randomUUID();
        Path spool = spool(id, upload.body());
        long size;
        try {
            size = Files.size(spool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportJob job = new ImportJob(id, "stix", member.organisationId(), member.accountId(), name(upload.fileName()), sharing(sharing),
                partial, ImportJob.State.RUNNING, false, new ImportJob.Counts(size, 0, 0, 0, 0, 0, 0, 0, 0, 0), null, List.of(),
                clock.instant(), null);
        repository.insert(job);
        audit.record(AuditEvent.of("import.started", "import", id).with("format", "stix").with("file", String.valueOf(job.fileName()))
                .with("bytes", size).with("partial", partial).with("sharing", job.sharing()));
        ImportProgress progress = new ImportProgress(size);
        running.put(id, progress);
        if (async) {
            Runnable task = new org.springframework.security.concurrent.DelegatingSecurityContextRunnable(
                    () -> run(job, session, spool, progress));
            pool.submit(task);
            return job.withCounts(progress.counts());
        }
        return run(job, session, spool, progress);
    }

    private ImportJob run(ImportJob job, BulkImport.Session session, Path spool, ImportProgress progress) {
        Path reportPath = reportPath(job.id());
        StixImport.Outcome outcome;
        try (InputStream in = new Counting(Files.newInputStream(spool), progress);
             ImportReportFile report = new ImportReportFile(reportPath, json)) {
            outcome = stixImport.run(session, new java.io.BufferedInputStream(in, 1 << 16), job.partial(), progress, report,
                    result -> finishedEvent(job, progress.counts(), ImportJob.State.SUCCEEDED));
        } catch (RuntimeException | IOException e) {
            log.error("import {} failed", job.id(), e);
            outcome = new StixImport.Outcome(ImportJob.State.FAILED, false, "The import failed: " + e.getMessage() + " Nothing was stored.",
                    List.of());
        } finally {
            try {
                Files.deleteIfExists(spool);
            } catch (IOException e) {
                log.warn("could not delete the import spool {}", spool, e);
            }
        }
        ImportJob.Counts counts = progress.counts();
        if (!outcome.committed()) {
            counts = new ImportJob.Counts(counts.bytesTotal(), counts.bytesRead(), counts.objectsRead(), counts.objectsValidated(),
                    counts.objectsWritten(), 0, 0, counts.unchanged(), counts.rejected(), 0);
            try {
                if (Files.exists(reportPath)) {
                    ImportReportFile.rolledBack(reportPath, json);
                }
            } catch (RuntimeException e) {
                log.warn("could not mark the report of import {} as rolled back", job.id(), e);
            }
        }
        ImportJob finished = job.with(outcome.state(), outcome.committed(), counts, outcome.error(), outcome.problems(), clock.instant());
        repository.finish(finished);
        running.remove(job.id());
        if (!outcome.committed()) {
            // the import's own entry was rolled back with it: this one says what happened
            audit.record(finishedEvent(finished, counts, outcome.state()).with("error", String.valueOf(outcome.error())));
        }
        return finished;
    }

    private static AuditEvent finishedEvent(ImportJob job, ImportJob.Counts counts, ImportJob.State state) {
        return AuditEvent.of(state == ImportJob.State.CANCELLED ? "import.cancelled" : "import.finished", "import", job.id())
                .with("state", state.name()).with("objects", counts.objectsRead()).with("stored", counts.stored())
                .with("newVersions", counts.newVersions()).with("unchanged", counts.unchanged()).with("rejected", counts.rejected())
                .with("reports", counts.reports());
    }

    /** Copies the body to the data directory, counting; over the limit, deletes what it wrote and answers 413. */
    private Path spool(UUID id, InputStream body) {
        return UploadSpool.write(directory.resolve(id + ".upload"), body, maxBytes, this::tooLarge);
    }

    private ErrorResponseException tooLarge() {
        return new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, PayloadTooLarge.problem("The import", maxBytes), null);
    }

    // ---- reading, cancelling -------------------------------------------------------------------

    /** A job of the member's organisation, with its live progress if it runs; 404 otherwise. */
    public ImportJob get(Member member, UUID id) {
        ImportJob job = repository.find(id).filter(j -> sameOrganisation(member, j)).orElseThrow(() -> new NotFoundException("import", id));
        ImportProgress progress = running.get(id);
        return progress != null && job.state() == ImportJob.State.RUNNING ? job.withCounts(progress.counts()) : job;
    }

    /** Whether a cancel was asked for this running job. */
    public boolean cancelRequested(UUID id) {
        ImportProgress progress = running.get(id);
        return progress != null && progress.cancelRequested();
    }

    /** The most recent imports of the member's organisation, newest first. */
    public List<ImportJob> recent(Member member, int limit) {
        if (member.organisationId() == null) {
            return List.of();
        }
        return repository.recent(member.organisationId(), Math.max(1, Math.min(limit, 100))).stream()
                .map(j -> Optional.ofNullable(running.get(j.id())).filter(p -> j.state() == ImportJob.State.RUNNING)
                        .map(p -> j.withCounts(p.counts())).orElse(j))
                .toList();
    }

    /** Asks a running import to stop: it rolls back and its report says so. 409 if it has finished. */
    public ImportJob cancel(Member member, UUID id) {
        ImportJob job = get(member, id);
        if (!Permissions.allows(member, Permission.KNOWLEDGE_SHARE)) {
            throw new ForbiddenException("Only analysts and administrators of the organisation cancel its imports.");
        }
        ImportProgress progress = running.get(id);
        if (job.state().finished() || progress == null) {
            throw new ConflictException("state", "imports.cancel.finished",
                    "The import has already finished (" + job.state() + "); there is nothing to cancel.");
        }
        progress.cancel();
        return job.withCounts(progress.counts());
    }

    /** The per-object report (JSON Lines) of a finished job of the member's organisation. */
    public Path report(Member member, UUID id) {
        ImportJob job = get(member, id);
        Path path = reportPath(id);
        if (!job.state().finished()) {
            throw new ConflictException("state", "imports.report.running", "The import is still running; its report is ready when it ends.");
        }
        if (!Files.exists(path)) {
            throw new NotFoundException("import report", id);
        }
        return path;
    }

    private Path reportPath(UUID id) {
        return directory.resolve(id + ".report.jsonl");
    }

    private static boolean sameOrganisation(Member member, ImportJob job) {
        return member != null && member.organisationId() != null && member.organisationId().equals(job.organisationId());
    }

    private static String name(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return null;
        }
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    private static ImportJob.Sharing sharing(SharingRequest request) {
        return new ImportJob.Sharing(request.tlp() == null ? null : request.tlp().name(), request.pap() == null ? null : request.pap().name(),
                List.copyOf(request.communities()), List.copyOf(request.organisations()), List.copyOf(request.users()));
    }

    @Override
    public void destroy() {
        running.values().forEach(ImportProgress::cancel);
        pool.shutdownNow();
    }

    /** Counts the bytes the import has read, for its progress. */
    private static final class Counting extends FilterInputStream {

        private final ImportProgress progress;

        Counting(InputStream in, ImportProgress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.bytesRead.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                progress.bytesRead.addAndGet(n);
            }
            return n;
        }
    }
}
