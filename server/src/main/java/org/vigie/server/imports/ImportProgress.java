package org.vigie.server.imports;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The live figures of a running import, written by its threads and read by whoever polls the job:
 * bytes read, objects read, validated and written, and how they came out. The cancel flag is checked
 * between batches.
 */
final class ImportProgress {

    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong objectsRead = new AtomicLong();
    final AtomicLong validated = new AtomicLong();
    final AtomicLong written = new AtomicLong();
    final AtomicLong stored = new AtomicLong();
    final AtomicLong newVersions = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong reports = new AtomicLong();
    /** Where the writing thread's time went: waiting for the next validated batch, and writing (for the benchmark). */
    final AtomicLong waitingNanos = new AtomicLong();
    final AtomicLong writingNanos = new AtomicLong();
    private final long bytesTotal;
    private volatile boolean cancelRequested;

    ImportProgress(long bytesTotal) {
        this.bytesTotal = bytesTotal;
    }

    long bytesTotal() {
        return bytesTotal;
    }

    void cancel() {
        cancelRequested = true;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    ImportJob.Counts counts() {
        return new ImportJob.Counts(bytesTotal, bytesRead.get(), objectsRead.get(), validated.get(), written.get(), stored.get(),
                newVersions.get(), unchanged.get(), rejected.get(), reports.get());
    }
}
