package org.vigie.server.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.knowledge.BulkImport;
import org.vigie.server.knowledge.StoreOutcome;
import org.vigie.server.campaigns.Campaigns;
import org.vigie.server.reports.Reports;

/**
 * Imports a STIX 2.1 bundle from a stream, object by object: the file is never held in memory.
 *
 * <p>Three stages run at once. A reader parses the bundle with Jackson's streaming parser and cuts it
 * into batches of {@link #BATCH} objects; each batch is validated and marked by the knowledge store on
 * the pool ({@link BulkImport.Session#prepare}); the calling thread writes the batches in order through
 * the store's batched path, and makes reports of the incidents that carry Vigie's incident-report
 * extension ({@link Reports#indexStoredIncidents}). At most {@link #IN_FLIGHT} batches wait, so memory
 * stays bounded whatever the file's size.
 *
 * <p>The whole import is one transaction. All or nothing (the default): at the first refused object
 * writing stops, the rest of the file is still validated so that the report lists every problem, and
 * the transaction is rolled back. With {@code partial}, the valid objects are committed and the refused
 * ones reported. A file that is not JSON, not a bundle, or a cancel, rolls everything back.
 */
@Service
class StixImport implements DisposableBean {

    static final int BATCH = 1_000;
    static final int IN_FLIGHT = 4;
    /** Rejected objects kept in the job (the per-object report has them all). */
    static final int MAX_LISTED = 1_000;
    private static final int MAX_PROBLEMS_PER_OBJECT = 20;

    /** How an import ended. */
    record Outcome(ImportJob.State state, boolean committed, String error, List<ImportJob.RejectedObject> problems) {
    }

    /** The file cannot be imported as a whole: not JSON (with where), not a bundle. */
    static final class UnreadableBundle extends RuntimeException {
        UnreadableBundle(String message) {
            super(message);
        }
    }

    private final ObjectMapper json;
    private final TransactionTemplate transactions;
    private final Reports reports;
    private final Campaigns campaigns;
    private final AuditTrail audit;
    private final ExecutorService readers = Executors.newCachedThreadPool(daemon("vigie-import-reader"));
    private final ExecutorService validators = Executors.newFixedThreadPool(2, daemon("vigie-import-validate"));

    StixImport(ObjectMapper json, TransactionTemplate transactions, Reports reports, Campaigns campaigns, AuditTrail audit) {
        this.json = json;
        this.transactions = transactions;
        this.reports = reports;
        this.campaigns = campaigns;
        this.audit = audit;
    }

    /**
     * Imports the bundle in {@code in} (counted into {@code progress.bytesRead} by the caller) for the
     * session's importer, writing one line per object to {@code report}. Runs on the calling thread,
     * which holds the import's transaction; returns when it has committed or rolled back.
     *
     * @param finished what to audit with the commit, given the outcome (import.finished); recorded in the
     *                 import's transaction so that the entry and the objects commit together
     */
    Outcome run(BulkImport.Session session, InputStream in, boolean partial, ImportProgress progress, ImportReportFile report,
                java.util.function.Function<Outcome, AuditEvent> finished) {
        List<ImportJob.RejectedObject> listed = new ArrayList<>();
        Outcome outcome = transactions.execute(tx -> {
            Outcome result = pipeline(session, in, partial, progress, report, listed);
            if (result.committed()) {
                session.recordStored();
                audit.record(finished.apply(result));
            } else {
                tx.setRollbackOnly();
            }
            return result;
        });
        return outcome;
    }

    private record Item(CompletableFuture<BulkImport.Batch> batch, int first, RuntimeException failure) {

        static final Item END = new Item(null, -1, null);
    }

    private Outcome pipeline(BulkImport.Session session, InputStream in, boolean partial, ImportProgress progress, ImportReportFile report,
                             List<ImportJob.RejectedObject> listed) {
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(IN_FLIGHT);
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> read(session, in, progress, queue, stop), readers);
        boolean writing = true;
        String error = null;
        try {
            while (true) {
                long waitStart = System.nanoTime();
                Item item = queue.take();
                if (item == Item.END) {
                    break;
                }
                if (item.failure() != null) {
                    error = item.failure().getMessage();
                    break;
                }
                BulkImport.Batch batch;
                try {
                    batch = item.batch().join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
                progress.validated.addAndGet(batch.size());
                long writeStart = System.nanoTime();
                progress.waitingNanos.addAndGet(writeStart - waitStart);
                if (progress.cancelRequested()) {
                    break;
                }
                List<StoreOutcome.ObjectResult> refused = batch.refused();
                if (writing && !partial && !refused.isEmpty()) {
                    writing = false; // all or nothing: the transaction will be rolled back; keep validating for the report
                }
                if (writing) {
                    StoreOutcome outcome = session.write(batch);
                    progress.written.addAndGet(batch.size());
                    List<JsonNode> storedNow = new ArrayList<>();
                    for (StoreOutcome.ObjectResult result : outcome.results()) {
                        count(result, progress, listed);
                        report.write(result.index(), result.id(), result.modified(), ImportReportFile.status(result.status()), result.problems());
                        if (result.status() == StoreOutcome.Status.CREATED || result.status() == StoreOutcome.Status.NEW_VERSION) {
                            storedNow.add(batch.object(result.index() - item.first()));
                        }
                    }
                    progress.reports.addAndGet(reports.indexStoredIncidents(storedNow));
                    campaigns.indexStoredCampaigns(storedNow);
                    if (!partial && outcome.anyRejected()) {
                        writing = false; // refused at write time (another organisation's object): same as above
                    }
                    progress.writingNanos.addAndGet(System.nanoTime() - writeStart);
                } else {
                    java.util.Map<Integer, StoreOutcome.ObjectResult> byIndex = new java.util.HashMap<>();
                    refused.forEach(r -> byIndex.put(r.index(), r));
                    for (int i = 0; i < batch.size(); i++) {
                        StoreOutcome.ObjectResult result = byIndex.get(item.first() + i);
                        if (result != null) {
                            count(result, progress, listed);
                            report.write(result.index(), result.id(), result.modified(), ImportReportFile.REJECTED, result.problems());
                        } else {
                            JsonNode object = batch.object(i);
                            report.write(item.first() + i, object.path("id").asText(null),
                                    object.path("modified").asText(object.path("created").asText(null)), ImportReportFile.NOT_STORED, List.of());
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "The import was interrupted.";
        } finally {
            stop.set(true);
            queue.clear(); // unblocks the reader if it waits to hand over a batch
            try {
                reading.get(30, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the reader reports its own failure through the queue; a late one changes nothing now
            }
        }
        if (progress.cancelRequested()) {
            return new Outcome(ImportJob.State.CANCELLED, false, "Cancelled by the importer: rolled back, nothing was stored.", listed);
        }
        if (error != null) {
            return new Outcome(ImportJob.State.FAILED, false, error + " Nothing was stored.", listed);
        }
        if (!partial && progress.rejected.get() > 0) {
            return new Outcome(ImportJob.State.REJECTED, false, progress.rejected.get() + " of " + progress.objectsRead.get()
                    + " objects were refused; the import is all or nothing, so nothing was stored (partial=true stores the valid ones).",
                    listed);
        }
        return new Outcome(ImportJob.State.SUCCEEDED, true, null, listed);
    }

    private static void count(StoreOutcome.ObjectResult result, ImportProgress progress, List<ImportJob.RejectedObject> listed) {
        switch (result.status()) {
            case CREATED -> progress.stored.incrementAndGet();
            case NEW_VERSION -> progress.newVersions.incrementAndGet();
            case UNCHANGED -> progress.unchanged.incrementAndGet();
            case REJECTED -> {
                progress.rejected.incrementAndGet();
                if (listed.size() < MAX_LISTED) {
                    List<StoreOutcome.Problem> problems = result.problems().size() > MAX_PROBLEMS_PER_OBJECT
                            ? result.problems().subList(0, MAX_PROBLEMS_PER_OBJECT) : result.problems();
                    listed.add(new ImportJob.RejectedObject(result.index(), result.id(), result.modified(), List.copyOf(problems)));
                }
            }
        }
    }

    /** The reader: parses the bundle, hands batches over to be validated; ends the queue with END or a failure. */
    private void read(BulkImport.Session session, InputStream in, ImportProgress progress, BlockingQueue<Item> queue, AtomicBoolean stop) {
        Item last = Item.END;
        try (JsonParser parser = json.getFactory().createParser(in)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                throw new UnreadableBundle(token == null ? "The file is empty: send a STIX 2.1 bundle."
                        : "The file is not a STIX bundle: a bundle is a JSON object with \"type\": \"bundle\", this starts with "
                        + describe(token) + ".");
            }
            boolean sawType = false;
            List<JsonNode> pending = new ArrayList<>(BATCH);
            int next = 0;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME && !stop.get()) {
                String field = parser.currentName();
                token = parser.nextToken();
                switch (field) {
                    case "type" -> {
                        if (token != JsonToken.VALUE_STRING || !"bundle".equals(parser.getText())) {
                            throw new UnreadableBundle("The file is not a STIX bundle: its \"type\" is "
                                    + (token == JsonToken.VALUE_STRING ? "\"" + parser.getText() + "\"" : describe(token))
                                    + ", not \"bundle\" (at /type). Wrap objects in {\"type\": \"bundle\", \"id\": \"bundle--…\", \"objects\": […]}.");
                        }
                        sawType = true;
                    }
                    case "objects" -> {
                        if (token != JsonToken.START_ARRAY) {
                            throw new UnreadableBundle("The bundle's \"objects\" must be an array, not " + describe(token) + " (at /objects).");
                        }
                        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && !stop.get()) {
                            pending.add(parser.readValueAsTree());
                            progress.objectsRead.incrementAndGet();
                            if (pending.size() == BATCH) {
                                hand(session, pending, next, queue, stop);
                                next += pending.size();
                                pending = new ArrayList<>(BATCH);
                            }
                        }
                    }
                    default -> parser.skipChildren(); // "id", "spec_version" of STIX 2.0 bundles, custom properties
                }
            }
            if (stop.get()) {
                return;
            }
            if (token != JsonToken.END_OBJECT) {
                throw new UnreadableBundle("The file is not valid JSON: unexpected " + describe(token) + where(parser.currentLocation()) + ".");
            }
            if (parser.nextToken() != null) {
                throw new UnreadableBundle("The file is not valid JSON: content after the bundle's closing brace"
                        + where(parser.currentLocation()) + ".");
            }
            if (!sawType) {
                throw new UnreadableBundle("The file is not a STIX bundle: it has no \"type\": \"bundle\" (at /type).");
            }
            if (!pending.isEmpty()) {
                hand(session, pending, next, queue, stop);
            }
        } catch (JsonProcessingException e) {
            last = new Item(null, -1, new UnreadableBundle("The file is not valid JSON" + where(e.getLocation()) + ": "
                    + e.getOriginalMessage().split("\n")[0]));
        } catch (UnreadableBundle e) {
            last = new Item(null, -1, e);
        } catch (IOException e) {
            last = new Item(null, -1, new UnreadableBundle("The file could not be read: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            last = new Item(null, -1, e);
        }
        try {
            while (!stop.get() && !queue.offer(last, 100, TimeUnit.MILLISECONDS)) {
                // the writer is busy with earlier batches
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void hand(BulkImport.Session session, List<JsonNode> objects, int first, BlockingQueue<Item> queue, AtomicBoolean stop)
            throws InterruptedException {
        Item item = new Item(CompletableFuture.supplyAsync(() -> session.prepare(objects, first), validators), first, null);
        while (!stop.get() && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
            // back-pressure: at most IN_FLIGHT batches wait for the writer
        }
    }

    static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void destroy() {
        readers.shutdownNow();
        validators.shutdownNow();
    }
}
