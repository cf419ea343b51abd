package org.vigie.detect.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.input.ErrorBudget;
import org.vigie.detect.input.InputFormat;
import org.vigie.detect.input.InputReport;
import org.vigie.detect.input.PostInputException;
import org.vigie.detect.input.PostReader;
import org.vigie.detect.input.RowError;
import org.vigie.detect.output.DetectionOutput;
import org.vigie.detect.pipeline.CoordinatedGroup;
import org.vigie.detect.pipeline.Detection;
import org.vigie.detect.pipeline.DetectionCancelledException;
import org.vigie.detect.pipeline.DetectionProgress;
import org.vigie.detect.pipeline.DetectionResult;
import org.vigie.detect.pipeline.DetectionSettings;
import org.vigie.detect.pipeline.SharedObject;
import org.vigie.detect.pipeline.Stage;
import org.vigie.detect.pipeline.StageTiming;

/**
 * {@code ./vigie detect}: reads a file of posts, runs the {@link Detection} and writes its outputs
 * ({@link DetectionOutput}), with progress on stderr and a summary table on stdout. Ctrl-C cancels: a shutdown
 * hook raises the cancellation flag the detection polls, and waits (a few seconds at most) for the run to stop
 * and remove its partial files. Exit statuses follow sysexits: 0 done, 64 bad options, 65 bad input data,
 * 66 input missing or unreadable, 73 outputs cannot be written, 130 cancelled.
 */
public final class DetectCommand {
    public static final int OK = 0;
    public static final int USAGE_ERROR = 64;
    public static final int DATA_ERROR = 65;
    public static final int NO_INPUT = 66;
    public static final int CANNOT_WRITE = 73;
    public static final int CANCELLED = 130;

    public static final String USAGE = """
              detect --input FILE --out DIR [--format vigie-csv|vigie-jsonl|coortweet|multi-platform|network-toolkit]
                     [--types co-repost,co-link,co-domain,co-hashtag,co-image,co-text,co-text-near,co-reply]
                     [--window S|auto] [--fast-window S] [--min-participation M] [--min-weight W]
                     [--weight-quantile Q] [--min-objects N] [--min-rarity R] [--no-idf]
                     [--near-threshold J] [--compat coortweet] [--max-errors 1%|N]
                        Find accounts that acted together (same repost, link, hashtag, image, exact or
                        near-duplicate text within the window) in a file of posts (plain or gzipped, format
                        detected from the header unless given); write nodes.csv, edges.csv, groups.csv,
                        network.gexf, network.graphml and summary.json to DIR. Progress on stderr; Ctrl-C
                        cancels. --compat coortweet --window W --min-participation M reproduces CooRTweet.
            """;

    private static final int TOP_GROUPS = 10;

    private final PrintStream out;
    private final PrintStream err;
    private final DetectionProgress progress;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public DetectCommand(PrintStream out, PrintStream err) {
        this(out, err, TerminalProgress.forStderr(err));
    }

    public DetectCommand(PrintStream out, PrintStream err, DetectionProgress progress) {
        this.out = out;
        this.err = err;
        this.progress = progress;
    }

    /** Asks a running {@link #run} to stop at its next check (what Ctrl-C does). */
    public void cancel() {
        cancelled.set(true);
    }

    /** The parsed command line. */
    record Request(Path input, InputFormat format, Path out, DetectionSettings settings, ErrorBudget budget) {
    }

    public int run(List<String> args) {
        Request request;
        try {
            request = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("vigie detect: " + e.getMessage());
            err.println("Usage: ./vigie detect --input FILE --out DIR [options]  (./vigie help lists the options)");
            return USAGE_ERROR;
        }
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel();
            try {
                done.await(10, TimeUnit.SECONDS); // let the run stop and delete its partial files
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vigie-detect-cancel");
        boolean hooked = addHook(hook);
        try {
            return execute(request);
        } finally {
            done.countDown();
            if (hooked) {
                removeHook(hook);
            }
        }
    }

    private int execute(Request r) {
        if (!Files.exists(r.input())) {
            err.println("vigie detect: input file not found: " + r.input());
            return NO_INPUT;
        }
        if (!Files.isRegularFile(r.input()) || !Files.isReadable(r.input())) {
            err.println("vigie detect: cannot read the input " + r.input() + " (not a readable file)");
            return NO_INPUT;
        }
        if (Files.exists(r.out()) && !Files.isDirectory(r.out())) {
            err.println("vigie detect: --out " + r.out() + " exists and is not a directory");
            return CANNOT_WRITE;
        }
        long start = System.nanoTime();
        DetectionResult result;
        try (PostReader reader = PostReader.open(r.input(), r.format(), r.budget())) {
            result = new Detection(r.settings(), progress, cancelled::get).run(reader);
        } catch (DetectionCancelledException e) {
            err.println();
            err.println("vigie detect: cancelled; nothing was written.");
            return CANCELLED;
        } catch (PostInputException e) {
            err.println();
            err.println("vigie detect: " + r.input() + ": " + e.getMessage());
            return DATA_ERROR;
        } catch (NoSuchFileException e) {
            err.println("vigie detect: input file not found: " + r.input());
            return NO_INPUT;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("vigie detect: cannot read " + r.input() + ": " + e.getMessage());
            return NO_INPUT;
        }
        if (cancelled.get()) {
            err.println("vigie detect: cancelled; nothing was written.");
            return CANCELLED;
        }
        List<Path> files;
        long writeStart = System.nanoTime();
        try {
            progress.started(Stage.WRITE, -1);
            files = DetectionOutput.write(result, r.out());
            progress.finished(Stage.WRITE, files.size(), System.nanoTime() - writeStart);
        } catch (IOException | RuntimeException e) {
            err.println("vigie detect: cannot write the outputs to " + r.out() + ": " + e.getMessage());
            return CANNOT_WRITE;
        }
        summary(result, files, System.nanoTime() - writeStart, System.nanoTime() - start);
        return OK;
    }

    Request parse(List<String> args) {
        Path input = null;
        Path outDir = null;
        InputFormat format = null;
        DetectionSettings settings = DetectionSettings.defaults();
        ErrorBudget budget = ErrorBudget.DEFAULT;
        boolean compat = false;
        Long window = null;
        Integer minParticipation = null;
        Double quantile = null;
        List<String> nativeOnly = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--input", "-i" -> input = Path.of(Options.value(args, ++i, a));
                case "--out", "-o" -> outDir = Path.of(Options.value(args, ++i, a));
                case "--format" -> format = InputFormat.fromKey(Options.value(args, ++i, a).trim());
                case "--types" -> {
                    settings = settings.withTypes(Options.types(Options.value(args, ++i, a)));
                    nativeOnly.add(a);
                }
                case "--window" -> window = window(Options.value(args, ++i, a));
                case "--fast-window" -> {
                    settings = settings.withFastWindow(seconds(Options.value(args, ++i, a), a));
                    nativeOnly.add(a);
                }
                case "--min-participation" -> {
                    long m = Options.positiveLong(Options.value(args, ++i, a), a);
                    minParticipation = (int) Math.min(Integer.MAX_VALUE, m);
                }
                case "--min-weight" -> {
                    double w = Options.parseDouble(Options.value(args, ++i, a), a);
                    if (w < 0) {
                        throw new IllegalArgumentException("--min-weight must be >= 0, was " + w);
                    }
                    settings = settings.withMinWeight(w);
                    nativeOnly.add(a);
                }
                case "--weight-quantile" -> {
                    double q = Options.parseDouble(Options.value(args, ++i, a), a);
                    if (q < 0 || q >= 1) {
                        throw new IllegalArgumentException("--weight-quantile must be in [0, 1), was " + q);
                    }
                    quantile = q;
                }
                case "--min-objects" -> {
                    long m = Options.positiveLong(Options.value(args, ++i, a), a);
                    settings = settings.withMinObjects((int) Math.min(Integer.MAX_VALUE, m));
                    nativeOnly.add(a);
                }
                case "--min-rarity" -> {
                    double r = Options.parseDouble(Options.value(args, ++i, a), a);
                    if (r < 0 || r > 1) {
                        throw new IllegalArgumentException("--min-rarity must be in [0, 1], was " + r);
                    }
                    settings = settings.withMinRarity(r);
                    nativeOnly.add(a);
                }
                case "--no-idf" -> {
                    settings = settings.withIdf(false);
                    nativeOnly.add(a);
                }
                case "--near-threshold" -> {
                    double j = Options.parseDouble(Options.value(args, ++i, a), a);
                    if (!(j > 0 && j <= 1)) {
                        throw new IllegalArgumentException("--near-threshold must be in (0, 1], was " + j);
                    }
                    settings = settings.withNearDuplicateThreshold(j);
                    nativeOnly.add(a);
                }
                case "--compat" -> {
                    String v = Options.value(args, ++i, a);
                    if (!v.equals("coortweet")) {
                        throw new IllegalArgumentException("--compat: only 'coortweet' is known, was '" + v + "'");
                    }
                    compat = true;
                }
                case "--max-errors" -> budget = ErrorBudget.parse(Options.value(args, ++i, a));
                default -> throw new IllegalArgumentException(a.startsWith("-") ? "unknown option '" + a + "'"
                        : "unexpected argument '" + a + "'");
            }
        }
        if (input == null) {
            throw new IllegalArgumentException("--input FILE is required");
        }
        if (outDir == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        if (compat) {
            if (!nativeOnly.isEmpty()) {
                throw new IllegalArgumentException("--compat coortweet pairs co-repost with CooRTweet's own rules; "
                        + "it does not take " + String.join(", ", nativeOnly));
            }
            if (window == null || window == DetectionSettings.AUTO_WINDOW) {
                throw new IllegalArgumentException("--compat coortweet needs --window SECONDS (CooRTweet's time_window)");
            }
            settings = DetectionSettings.coortweet(window, minParticipation == null ? 2 : minParticipation);
        } else {
            if (window != null) {
                settings = settings.withWindow(window);
            }
            if (minParticipation != null) {
                settings = settings.withMinParticipation(minParticipation);
            }
        }
        if (quantile != null) {
            settings = settings.withWeightQuantile(quantile);
        }
        return new Request(input, format, outDir, settings, budget);
    }

    private static long window(String value) {
        if (value.trim().equalsIgnoreCase("auto")) {
            return DetectionSettings.AUTO_WINDOW;
        }
        return seconds(value, "--window");
    }

    private static long seconds(String value, String option) {
        try {
            long s = Long.parseLong(value.trim());
            if (s < 0) {
                throw new NumberFormatException();
            }
            return s;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number of seconds >= 0"
                    + (option.equals("--window") ? " or 'auto'" : "") + ", was '" + value + "'");
        }
    }

    private void summary(DetectionResult r, List<Path> files, long writeNanos, long totalNanos) {
        InputReport in = r.input();
        out.println();
        row("input format", in.format() == null ? "(empty input)" : in.format().key());
        row("rows read", count(in.rowsRead()));
        row("posts", count(in.posts()));
        row("rows with errors", count(in.errors()) + (in.errors() > 0 ? " (skipped)" : ""));
        for (RowError e : in.firstErrors().subList(0, Math.min(5, in.firstErrors().size()))) {
            row("", e.toString());
        }
        if (in.errors() > 5) {
            row("", "... all first " + in.firstErrors().size() + " in summary.json");
        }
        row("traces", count(r.traces()));
        for (CoActionType t : EnumSet.allOf(CoActionType.class)) {
            Long n = r.tracesByType().get(t);
            if (n != null) {
                row("  " + t.key(), count(n));
            }
        }
        row("window", r.windowSeconds() + " s" + (r.windowEstimated() ? " (estimated from the data)" : ""));
        row("co-action pairs", count(r.pairs()));
        row("edges kept", count(r.edges().size()) + (r.weightThreshold() > 0
                ? String.format(Locale.ROOT, " (weight threshold %.3f)", r.weightThreshold()) : ""));
        if (r.settings().fastWindowSeconds() > 0) {
            row("fast edges", count(r.fastEdges().size()) + " (window " + r.settings().fastWindowSeconds() + " s)");
        }
        row("accounts", count(r.accounts().size()) + " in the network, " + count(r.groupedAccounts()) + " in groups");
        row("groups", count(r.groups().size()));
        r.groups().stream().sorted(Comparator.comparingInt(CoordinatedGroup::id)).limit(TOP_GROUPS)
                .forEach(g -> row("  #" + g.id(), topGroup(g)));
        for (StageTiming t : r.timings()) {
            row("time: " + t.stage().label(), String.format(Locale.ROOT, "%.2f s (%,.0f items/s)", t.seconds(),
                    t.itemsPerSecond()));
        }
        row("time: write", String.format(Locale.ROOT, "%.2f s", writeNanos / 1e9));
        row("time: total", String.format(Locale.ROOT, "%.2f s", totalNanos / 1e9));
        for (Path f : files) {
            row("output", f.toString());
        }
    }

    private static String topGroup(CoordinatedGroup g) {
        String top = g.topObjects().stream().limit(2).map(SharedObject::value)
                .map(v -> v.length() > 40 ? v.substring(0, 39) + "…" : v).reduce((a, b) -> a + ", " + b).orElse("");
        return String.format(Locale.ROOT, "%d accounts, weight %.1f%s%s", g.size(), g.weight(),
                g.platforms().isEmpty() ? "" : ", " + String.join("/", g.platforms()), top.isEmpty() ? "" : ", top: " + top)
                + (g.evidence().isEmpty() ? "" : ", " + Instant.ofEpochSecond(g.firstSeen()));
    }

    private void row(String label, String value) {
        out.printf(Locale.ROOT, "%-26s %s%n", label, value);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) { // already shutting down
            return false;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) { // shutting down: the hook is running and ends with us
        }
    }

}
