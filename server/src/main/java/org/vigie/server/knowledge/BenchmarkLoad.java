package org.vigie.server.knowledge;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * How benchmarks load a throwaway store, as a bulk import runs: batches are built and validated on
 * the pool while two writers, each with its own connection and transaction, store earlier ones; at
 * most four batches in flight. Prints a progress bar. Never reachable from a request.
 */
public final class BenchmarkLoad {

    private BenchmarkLoad() {
    }

    /**
     * Loads {@code objects} objects in batches of {@code batchSize}. {@code plan} is called on the
     * caller's thread for each batch (so a seeded generator replays the same data) and returns the
     * work that builds and validates it on the pool.
     *
     * @return the seconds the load took
     */
    public static double load(BulkImport imports, int objects, int batchSize, IntFunction<Supplier<BulkImport.Batch>> plan,
                              PrintStream out) {
        long started = System.nanoTime();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        Semaphore inFlight = new Semaphore(4);
        AtomicInteger written = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        int[] lastPercent = {-1};
        for (int done = 0; done < objects && failure.get() == null; done += batchSize) {
            int size = Math.min(batchSize, objects - done);
            inFlight.acquireUninterruptibly();
            pending.add(CompletableFuture.supplyAsync(plan.apply(size))
                    .thenApplyAsync(imports::write, writers)
                    .thenAccept(outcome -> {
                        if (outcome.anyRejected()) {
                            throw new IllegalStateException("the benchmark's own objects were refused: " + outcome.results().stream()
                                    .filter(r -> r.status() == StoreOutcome.Status.REJECTED).findFirst().orElseThrow());
                        }
                        int percent = (int) (100L * written.addAndGet(size) / objects);
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
        writers.shutdown();
        if (failure.get() != null) {
            throw new IllegalStateException("the benchmark load failed", failure.get());
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
