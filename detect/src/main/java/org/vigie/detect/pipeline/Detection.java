package org.vigie.detect.pipeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.vigie.detect.coaction.CoActionExtractor;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.coaction.TextNormalizer;
import org.vigie.detect.input.InputReport;
import org.vigie.detect.input.Post;
import org.vigie.detect.input.PostReader;
import org.vigie.detect.neardup.NearDupParams;
import org.vigie.detect.neardup.NearDuplicateDetector;
import org.vigie.detect.network.CoorTweetCompat;
import org.vigie.detect.network.CoordinationNetwork;
import org.vigie.detect.network.NetworkEdge;
import org.vigie.detect.network.TraceTable;
import org.vigie.detect.network.WindowEstimator;

/**
 * Runs one detection: posts → traces → (near-duplicate clusters) → window → pairs and network → filters →
 * groups. Pure computation: no files, no threads of its own; the caller reads the input and writes the
 * outputs, reports progress where it wants and asks for cancellation through {@code cancelled}, which is
 * polled between batches of work.
 */
public final class Detection {
    private static final int CHECK_EVERY = 16_384;

    private final DetectionSettings settings;
    private final DetectionProgress progress;
    private final BooleanSupplier cancelled;
    private final List<StageTiming> timings = new ArrayList<>();

    public Detection(DetectionSettings settings, DetectionProgress progress, BooleanSupplier cancelled) {
        this.settings = settings;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    public Detection(DetectionSettings settings) {
        this(settings, DetectionProgress.NONE, () -> false);
    }

    /** Runs on a reader's posts; the reader's report (rows, errors) goes into the result. */
    public DetectionResult run(PostReader reader) {
        return run(reader, reader::report);
    }

    /** Runs on posts from anywhere (a generator, a test); {@code report} is asked once the posts are read. */
    public DetectionResult run(Iterator<Post> posts, Supplier<InputReport> report) {
        Accounts accounts = new Accounts();
        TraceTable table = new TraceTable();
        Map<CoActionType, Long> tracesByType = new EnumMap<>(CoActionType.class);
        List<Post> texts = read(posts, accounts, table, tracesByType);
        InputReport input = report.get();
        if (settings.types().contains(CoActionType.CO_TEXT_NEAR) && !settings.coortweetCompat()) {
            nearDuplicates(texts, table, accounts, tracesByType);
        }
        texts = null; // the near-duplicate pass is the only reader of the texts: let them go before pairing

        long window = settings.windowSeconds();
        boolean estimated = false;
        if (settings.autoWindow()) {
            long start = start(Stage.WINDOW, table.size());
            window = Math.max(0, WindowEstimator.estimateSeconds(table));
            estimated = true;
            finish(Stage.WINDOW, table.size(), start);
        }

        long start = start(Stage.PAIR, table.size());
        Network network = settings.coortweetCompat() ? coortweet(table, window) : native_(table, window);
        finish(Stage.PAIR, network.pairs, start);
        check(Stage.PAIR);

        start = start(Stage.GROUPS, network.edges.size());
        Groups groups = Groups.find(network.edges, table, accounts, settings);
        finish(Stage.GROUPS, network.edges.size(), start);

        return new DetectionResult(settings, input, table.size(), tracesByType, window, estimated, network.pairs,
                network.threshold, network.edges, network.fastEdges, groups.accounts(), groups.groups(), timings);
    }

    private List<Post> read(Iterator<Post> posts, Accounts accounts, TraceTable table,
            Map<CoActionType, Long> tracesByType) {
        long start = start(Stage.READ, -1);
        boolean near = settings.types().contains(CoActionType.CO_TEXT_NEAR) && !settings.coortweetCompat();
        Set<CoActionType> perPost = EnumSet.copyOf(settings.types());
        perPost.remove(CoActionType.CO_TEXT_NEAR);
        CoActionExtractor extractor = perPost.isEmpty() ? null
                : new CoActionExtractor(perPost, TextNormalizer.DEFAULT_MIN_LENGTH);
        List<Post> texts = new ArrayList<>();
        long n = 0;
        while (posts.hasNext()) {
            Post post = posts.next();
            accounts.saw(post);
            if (settings.coortweetCompat()) {
                // CooRTweet compares object_id with content_id to drop loops: keep its raw ids, no prefix
                if (post.repostOf() != null) {
                    table.add(post.accountId(), post.repostOf(), post.epochSecond(), post.postId(), CoActionType.CO_REPOST);
                    accounts.traced(post.accountId());
                    tracesByType.merge(CoActionType.CO_REPOST, 1L, Long::sum);
                }
            } else if (extractor != null) {
                extractor.extract(post, t -> {
                    table.add(t);
                    accounts.traced(t.accountId());
                    tracesByType.merge(t.type(), 1L, Long::sum);
                });
            }
            if (near && post.text() != null) {
                texts.add(post);
            }
            if (++n % CHECK_EVERY == 0) {
                progress.advanced(Stage.READ, n);
                check(Stage.READ);
            }
        }
        progress.advanced(Stage.READ, n);
        finish(Stage.READ, n, start);
        return texts;
    }

    private void nearDuplicates(List<Post> texts, TraceTable table, Accounts accounts,
            Map<CoActionType, Long> tracesByType) {
        long start = start(Stage.NEAR_DUPLICATES, texts.size());
        NearDuplicateDetector detector = new NearDuplicateDetector(
                NearDupParams.defaults().withThreshold(settings.nearDuplicateThreshold()));
        detector.traces(texts, t -> {
            table.add(t);
            accounts.traced(t.accountId());
            tracesByType.merge(t.type(), 1L, Long::sum);
        });
        progress.advanced(Stage.NEAR_DUPLICATES, texts.size());
        finish(Stage.NEAR_DUPLICATES, texts.size(), start);
        check(Stage.NEAR_DUPLICATES);
    }

    private record Network(long pairs, double threshold, List<NetworkEdge> edges, List<NetworkEdge> fastEdges) {
    }

    private Network native_(TraceTable table, long window) {
        CoordinationNetwork.Options options = CoordinationNetwork.Options.window(window)
                .withMinParticipation(settings.minParticipation()).withIdf(settings.idf());
        CoordinationNetwork all = CoordinationNetwork.build(table, options);
        EdgeFilter filter = EdgeFilter.of(settings, table);
        CoordinationNetwork kept = filter.apply(all);
        List<NetworkEdge> fast = List.of();
        if (settings.fastWindowSeconds() > 0) {
            check(Stage.PAIR);
            fast = filter.apply(CoordinationNetwork.build(table, options.withWindow(settings.fastWindowSeconds())))
                    .edges();
        }
        return new Network(all.pairCount(), filter.threshold(all), kept.edges(), fast);
    }

    private Network coortweet(TraceTable table, long window) {
        CoorTweetCompat.Result result = CoorTweetCompat.run(table, window, settings.minParticipation(),
                Double.isNaN(settings.weightQuantile()) ? 0.5 : settings.weightQuantile());
        List<NetworkEdge> edges = new ArrayList<>();
        int types = CoActionType.values().length;
        for (CoorTweetCompat.Edge e : result.edges()) {
            if (e.weightThreshold() == 1) {
                long[] byType = new long[types];
                byType[CoActionType.CO_REPOST.ordinal()] = e.weight();
                edges.add(new NetworkEdge(e.accountId(), e.accountIdY(), e.weight(), e.weight(), -1,
                        e.avgTimeDelta(), e.nContentId(), e.nContentIdY(), e.edgeSymmetryScore(), byType));
            }
        }
        double q = result.weightQuantile();
        return new Network(result.pairCount(), Double.isNaN(q) ? 0 : q, edges, List.of());
    }

    private long start(Stage stage, long total) {
        check(stage);
        progress.started(stage, total);
        return System.nanoTime();
    }

    private void finish(Stage stage, long items, long start) {
        long nanos = System.nanoTime() - start;
        timings.add(new StageTiming(stage, items, nanos));
        progress.finished(stage, items, nanos);
    }

    private void check(Stage stage) {
        if (cancelled.getAsBoolean()) {
            throw new DetectionCancelledException(stage);
        }
    }

    /** Per-account facts gathered while reading: the platform and the number of posts and traces. */
    static final class Accounts {
        private final Map<String, long[]> counts = new HashMap<>();
        private final Map<String, String> platforms = new HashMap<>();

        void saw(Post post) {
            counts.computeIfAbsent(post.accountId(), k -> new long[2])[0]++;
            if (post.platform() != null) {
                platforms.putIfAbsent(post.accountId(), post.platform());
            }
        }

        void traced(String accountId) {
            counts.computeIfAbsent(accountId, k -> new long[2])[1]++;
        }

        long posts(String accountId) {
            long[] c = counts.get(accountId);
            return c == null ? 0 : c[0];
        }

        long traces(String accountId) {
            long[] c = counts.get(accountId);
            return c == null ? 0 : c[1];
        }

        String platform(String accountId) {
            return platforms.get(accountId);
        }
    }
}
