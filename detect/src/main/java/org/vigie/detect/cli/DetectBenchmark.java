package org.vigie.detect.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.input.ErrorBudget;
import org.vigie.detect.input.InputReport;
import org.vigie.detect.input.PostReader;
import org.vigie.detect.pipeline.CoordinatedGroup;
import org.vigie.detect.pipeline.Detection;
import org.vigie.detect.pipeline.DetectionResult;
import org.vigie.detect.pipeline.DetectionProgress;
import org.vigie.detect.pipeline.DetectionSettings;
import org.vigie.detect.pipeline.Stage;
import org.vigie.detect.pipeline.StageTiming;
import org.vigie.detect.synthetic.GroupScore;
import org.vigie.detect.synthetic.SyntheticCsv;
import org.vigie.detect.synthetic.SyntheticPosts;
import org.vigie.detect.synthetic.SyntheticSettings;

/**
 * {@code ./vigie bench detect}: synthetic posts ({@link SyntheticPosts}) written to a temporary gzipped Vigie CSV
 * (not timed), then read back through {@link PostReader} and the whole {@link Detection} (timed), as a user's
 * {@code ./vigie detect} would run. Prints posts/s per stage, the total, the peak heap and the ratio to the
 * targets (1 M posts in 10 s, 10 M posts in 60 s with a 4 GB heap), and the group-level precision and recall
 * against the planted groups. {@code --streamed} skips the file and feeds the generator's posts directly
 * (measures detection without parsing).
 */
public final class DetectBenchmark {
    public static final String USAGE = """
              bench detect --rows N [--seed S] [--types co-link,co-text,...] [--days D] [--streamed] [--keep FILE]
                        Generate N synthetic posts with planted groups to a temporary gzipped CSV (not
                        timed), run the detection on it and print posts/s per stage, total time, peak
                        heap, the ratio to the targets (1 M posts < 10 s; 10 M < 60 s with -Xmx4g) and
                        precision/recall on the planted groups. --streamed: no file, posts straight
                        from the generator. --keep FILE: write the CSV there and keep it; an existing
                        FILE is read again instead of generated (same --rows and --seed!). --days: time
                        span of the posts (default 7 days per million posts, at least 7: the density of
                        the 1 M set; a fixed span makes co-action pairs grow with the square of N).
            """;

    private static final double GIB = 1024.0 * 1024 * 1024;

    private final PrintStream out;
    private final PrintStream err;
    private HeapPeak sampler;

    public DetectBenchmark(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) throws IOException {
        long rows = 1_000_000;
        long seed = 42;
        boolean streamed = false;
        Path keep = null;
        Long days = null;
        Set<CoActionType> types = DetectionSettings.defaultTypes();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--rows" -> rows = Options.positiveLong(Options.value(args, ++i, a), a);
                case "--seed" -> seed = Options.parseLong(Options.value(args, ++i, a), a);
                case "--types" -> types = Options.types(Options.value(args, ++i, a));
                case "--streamed" -> streamed = true;
                case "--days" -> days = Options.positiveLong(Options.value(args, ++i, a), a);
                case "--keep" -> keep = Path.of(Options.value(args, ++i, a));
                default -> throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
        }
        long spanDays = days != null ? days : Math.max(7, Math.round(7.0 * rows / 1_000_000));
        SyntheticSettings synthetic = settings(rows, seed, spanDays);
        SyntheticPosts posts = new SyntheticPosts(synthetic);
        DetectionSettings settings = DetectionSettings.defaults().withTypes(types);
        out.printf(Locale.ROOT, "Detection benchmark: %,d synthetic posts over %d days (seed %d), types %s, max heap "
                        + "%.1f GiB, %d cores%n", rows, spanDays, seed, Options.typeKeys(types), Runtime.getRuntime().maxMemory() / GIB,
                Runtime.getRuntime().availableProcessors());
        Path file = null;
        CpuPerStage cpu = new CpuPerStage(TerminalProgress.forStderr(err));
        try {
            DetectionResult result;
            long start;
            if (streamed) {
                resetPeaks();
                start = System.nanoTime();
                long count = synthetic.posts();
                result = new Detection(settings, cpu, () -> false)
                        .runReadingAhead(posts.iterator(), () -> new InputReport(null, count, count, 0, List.of()));
            } else {
                Path input;
                if (keep != null && Files.exists(keep)) {
                    input = keep;
                    out.printf(Locale.ROOT, "Input read again from %s (%,d bytes)%n", keep, Files.size(keep));
                } else {
                    input = keep != null ? keep : Files.createTempFile("vigie-bench-detect-", ".csv.gz");
                    file = keep != null ? null : input;
                    long w = System.nanoTime();
                    SyntheticCsv.writePosts(posts.iterator(), input);
                    out.printf(Locale.ROOT, "Input written to %s (%,d bytes) in %.1f s (not timed)%n", input,
                            Files.size(input), (System.nanoTime() - w) / 1e9);
                }
                // a user's run has no generator in its heap (its ground truth alone is hundreds of megabytes at
                // 10 M posts): made again, identical from its seed, to score the groups once the run is over
                posts = null;
                System.gc();
                resetPeaks();
                start = System.nanoTime();
                try (PostReader reader = PostReader.open(input, null, ErrorBudget.DEFAULT)) {
                    result = new Detection(settings, cpu, () -> false).run(reader);
                }
            }
            long nanos = System.nanoTime() - start;
            sampler.stop();
            if (posts == null) {
                posts = new SyntheticPosts(synthetic);
            }
            print(rows, result, nanos, posts, cpu);
            return 0;
        } catch (OutOfMemoryError e) {
            out.printf(Locale.ROOT, "%nOut of heap (max %.1f GiB) after %.1f s of process CPU: %s%n",
                    Runtime.getRuntime().maxMemory() / GIB, cpuSeconds(), e.getMessage());
            return 1;
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * The default synthetic mix, with accounts and content pools growing with the number of posts, over
     * {@code days}: with a fixed span, the shares of a popular object within one window grow with N, and the
     * co-action pairs with N² (a 10 M set over 7 days has ten times the density of a 1 M one, and ≈ 40 M edges).
     */
    static SyntheticSettings settings(long rows, long seed, long days) {
        return SyntheticSettings.builder().seed(seed).posts(rows).durationSeconds(days * 86_400L)
                .organicAccounts((int) Math.max(20_000, rows / 5))
                .contentPoolSize((int) Math.max(10_000, rows / 10))
                .build();
    }

    private void print(long rows, DetectionResult result, long nanos, SyntheticPosts posts, CpuPerStage cpu) {
        out.println();
        out.printf(Locale.ROOT, "%-24s %12s %10s %14s %10s%n", "stage", "items", "seconds", "items/s", "CPU s");
        for (StageTiming t : result.timings()) {
            out.printf(Locale.ROOT, "%-24s %,12d %10.2f %,14.0f %10.2f%n", t.stage().label(), t.items(), t.seconds(),
                    t.itemsPerSecond(), cpu.seconds(t.stage()));
        }
        double seconds = nanos / 1e9;
        out.printf(Locale.ROOT, "%-24s %,12d %10.2f %,14.0f posts/s%n", "total", rows, seconds, rows / seconds);
        out.printf(Locale.ROOT, "traces %,d, pairs %,d, edges %,d, groups %d, peak heap in use %.2f GiB (before any collection), process CPU %.1f s "
                        + "(all threads, incl. GC and JIT, since the JVM started)%n", result.traces(), result.pairs(),
                result.edges().size(), result.groups().size(), sampler.peak() / GIB, cpuSeconds());
        GroupScore score = GroupScore.score(result.groups().stream().map(CoordinatedGroup::members).toList(),
                posts.truth().memberSets());
        out.printf(Locale.ROOT, "planted groups: precision %.2f, recall %.2f (%s)%n", score.precision(),
                score.recall(), "group-level, see docs/detect/synthetic.md");
        if (rows >= 10_000_000) {
            out.printf(Locale.ROOT, "target 10 M posts < 60 s (-Xmx4g): %.2f of the budget%s%n",
                    seconds * 10_000_000 / rows / 60, Runtime.getRuntime().maxMemory() > 4 * GIB ? " (max heap above 4 GiB: run with -Xmx4g)" : "");
        } else {
            out.printf(Locale.ROOT, "target 1 M posts < 10 s: %.2f of the budget (scaled to 1 M posts)%n",
                    seconds * 1_000_000 / rows / 10);
        }
    }

    private static double cpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /**
     * Process CPU time (all threads: the reading thread, parallel signatures, GC, JIT) spent in each stage: on a
     * machine shared with other work, wall time says how busy the machine was, CPU time what the stage costs.
     */
    private static final class CpuPerStage implements DetectionProgress {
        private final DetectionProgress inner;
        private final java.util.Map<Stage, Double> seconds = new java.util.EnumMap<>(Stage.class);
        private double startedAt;

        CpuPerStage(DetectionProgress inner) {
            this.inner = inner;
        }

        @Override
        public void started(Stage stage, long total) {
            startedAt = cpuSeconds();
            inner.started(stage, total);
        }

        @Override
        public void advanced(Stage stage, long done) {
            inner.advanced(stage, done);
        }

        @Override
        public void finished(Stage stage, long items, long nanos) {
            seconds.put(stage, cpuSeconds() - startedAt);
            inner.finished(stage, items, nanos);
        }

        double seconds(Stage stage) {
            return seconds.getOrDefault(stage, Double.NaN);
        }
    }

    /**
     * The largest heap in use (live objects and garbage not yet collected): the heap is fullest just before a
     * collection, and each collection reports its usage then. Told by the collectors, not polled: asking for the heap's
     * usage every few milliseconds from another thread slowed the reading stage, whose threads allocate all the time.
     */
    private static final class HeapPeak implements NotificationListener {
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private final Set<String> heapPools = new HashSet<>();
        private final AtomicLong peak = new AtomicLong();

        HeapPeak() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapPools.add(pool.getName());
                }
            }
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(this, null, null);
                    emitters.add(emitter);
                }
            }
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
            long used = 0;
            for (var pool : info.getMemoryUsageBeforeGc().entrySet()) {
                if (heapPools.contains(pool.getKey())) {
                    used += pool.getValue().getUsed();
                }
            }
            peak.accumulateAndGet(used, Math::max);
        }

        /** Stops listening; the heap in use now counts too (the run may end between collections). */
        void stop() {
            peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(this);
                } catch (ListenerNotFoundException e) {
                    // already removed
                }
            }
        }

        long peak() {
            return peak.get();
        }
    }

    private void resetPeaks() {
        sampler = new HeapPeak();
    }
}
