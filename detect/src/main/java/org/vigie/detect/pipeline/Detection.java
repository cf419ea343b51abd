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
import java.util.function.Function;
import java.util.function.Supplier;
import org.vigie.detect.coaction.CoActionExtractor;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.coaction.TextNormalizer;
import org.vigie.detect.input.InputReport;
import org.vigie.detect.input.Post;
import org.vigie.detect.input.PostReader;
import org.vigie.detect.neardup.NearDupParams;
import org.vigie.detect.neardup.NearDupTexts;
import org.vigie.detect.neardup.NearDuplicateDetector;
import org.vigie.detect.network.CoorTweetCompat;
import org.vigie.detect.network.CoordinationNetwork;
import org.vigie.detect.network.IdInterner;
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

    /**
     * Runs on a reader's posts; the reader's report (rows, errors) goes into the result. The reader is read on
     * a second thread ({@link ReadAhead}) while this one extracts traces; the caller still owns and closes it.
     */
    public DetectionResult run(PostReader reader) {
        // the reading thread numbers each post's account (a hash table lookup per post, a third of the extracting
        // thread's work before), from the bytes read: the extracting thread reads the numbers, never that thread's
        // table, until it has ended
        IdInterner accountIds = new IdInterner();
        reader.numberAccounts(accountIds);
        Iterator<NumberedPost> posts = mapped(reader, post -> new NumberedPost(post, reader.accountNumber()));
        return runReadingAhead(posts, accountIds, reader::report);
    }

    /**
     * Runs on posts produced by a second thread ({@link ReadAhead}: parsing or generating the posts there,
     * extracting traces here); {@code report} is asked once that thread has ended.
     */
    public DetectionResult runReadingAhead(Iterator<Post> posts, Supplier<InputReport> report) {
        // the reading thread also numbers each post's account (a hash table lookup per post, a third of the extracting
        // thread's work before): the extracting thread reads the numbers, never that thread's table, until it has ended
        IdInterner accountIds = new IdInterner();
        return runReadingAhead(numbered(posts, accountIds), accountIds, report);
    }

    /**
     * Three threads for two cores when texts are read: the reading thread, a thread for the texts ({@link
     * TextStep}) and this one. Whichever step is slowest, the two cores stay busy: with two threads, the one with
     * more work set the pace while the other waited.
     */
    private DetectionResult runReadingAhead(Iterator<NumberedPost> posts, IdInterner accountIds,
            Supplier<InputReport> report) {
        long start = start(Stage.READ, -1);
        TraceTable table = newTable();
        ReadPlan plan = plan(table);
        try (ReadAhead<NumberedPost> ahead = new ReadAhead<>(posts, "vigie-detect-reader")) {
            if (!plan.texts().needed()) {
                return run(plan.texts().prepared(ahead), plan, table, accountIds, start, () -> {
                    ahead.close(); // the reading thread has ended: its counts are final and visible here
                    return report.get();
                });
            }
            try (ReadAhead<PreparedPost> prepared = new ReadAhead<>(plan.texts().prepared(ahead), "vigie-detect-texts")) {
                return run(prepared, plan, table, accountIds, start, () -> {
                    prepared.close(); // both threads have ended: their counts and tables are final and visible here
                    ahead.close();
                    return report.get();
                });
            }
        }
    }

    /** Runs on posts from anywhere (a generator, a test); {@code report} is asked once the posts are read. */
    public DetectionResult run(Iterator<Post> posts, Supplier<InputReport> report) {
        long start = start(Stage.READ, -1);
        IdInterner accountIds = new IdInterner();
        TraceTable table = newTable();
        ReadPlan plan = plan(table);
        return run(plan.texts().prepared(numbered(posts, accountIds)), plan, table, accountIds, start, report);
    }

    /** A post and the number of its account (in order of first appearance). */
    private record NumberedPost(Post post, int account) {
    }

    /**
     * A post ready for extraction: its account's number, its normalised text ({@code null} when no type reads it)
     * and the number of that text among the near-duplicate texts (-1 when not kept there, or kept by this thread).
     */
    private record PreparedPost(Post post, int account, String normalized, int text) {
    }

    /**
     * What reading keeps, as the settings ask: the per-post extractor, the text step, and the texts for near-duplicates,
     * which {@link #takeNearDupTexts()} hands over once (then nothing here holds them: they are let go before pairing).
     */
    private static final class ReadPlan {
        private final CoActionExtractor extractor;
        private final boolean shareTexts;
        private final TextStep texts;
        private NearDupTexts nearDupTexts;

        ReadPlan(CoActionExtractor extractor, NearDupTexts nearDupTexts, boolean shareTexts, TextStep texts) {
            this.extractor = extractor;
            this.nearDupTexts = nearDupTexts;
            this.shareTexts = shareTexts;
            this.texts = texts;
        }

        CoActionExtractor extractor() {
            return extractor;
        }

        boolean shareTexts() {
            return shareTexts;
        }

        TextStep texts() {
            return texts;
        }

        NearDupTexts nearDupTexts() {
            return nearDupTexts;
        }

        /** The near-duplicate texts, forgotten here and by the text step: the caller holds the only reference. */
        NearDupTexts takeNearDupTexts() {
            NearDupTexts taken = nearDupTexts;
            nearDupTexts = null;
            texts.interning = null;
            return taken;
        }
    }

    private TraceTable newTable() {
        // CooRTweet's mode compares content ids as values (loops): intern them; else number the posts
        return settings.coortweetCompat() ? new TraceTable() : TraceTable.ofPosts();
    }

    private ReadPlan plan(TraceTable table) {
        boolean near = settings.types().contains(CoActionType.CO_TEXT_NEAR) && !settings.coortweetCompat();
        Set<CoActionType> perPost = EnumSet.copyOf(settings.types());
        perPost.remove(CoActionType.CO_TEXT_NEAR);
        CoActionExtractor extractor = perPost.isEmpty() ? null
                : new CoActionExtractor(perPost, TextNormalizer.DEFAULT_MIN_LENGTH);
        // with co-text on, a text's co-text object ("text:" + normalised text) is the string near-duplicates read
        boolean shareTexts = near && perPost.contains(CoActionType.CO_TEXT)
                && nearDupParams().minLength() >= TextNormalizer.DEFAULT_MIN_LENGTH;
        NearDupTexts texts = !near ? null : shareTexts
                ? NearDupTexts.sharing(nearDupParams(), table.objects(), CoActionExtractor.TEXT_PREFIX)
                : new NearDupTexts(nearDupParams());
        boolean normalize = !settings.coortweetCompat() && (texts != null || perPost.contains(CoActionType.CO_TEXT));
        return new ReadPlan(extractor, texts, shareTexts,
                new TextStep(normalize, texts != null && !shareTexts ? texts : null));
    }

    /**
     * Prepares each post's text, a pure step on one post at a time: normalised once (co-text and near-duplicates both
     * read it) and, when the near-duplicate texts are kept apart from the co-text objects, interned among them. It
     * runs on a thread of its own ({@link #runReadingAhead}) or inline, on the thread that calls {@code next()}.
     */
    private static final class TextStep {
        private final boolean normalize;
        /** Where texts are interned; let go once reading has ended ({@link ReadPlan#takeNearDupTexts()}). */
        private NearDupTexts interning;

        TextStep(boolean normalize, NearDupTexts interning) {
            this.normalize = normalize;
            this.interning = interning;
        }

        boolean needed() {
            return normalize;
        }

        Iterator<PreparedPost> prepared(Iterator<NumberedPost> posts) {
            return mapped(posts, numbered -> {
                Post post = numbered.post();
                String normalized = normalize ? TextNormalizer.normalize(post.text()) : null;
                NearDupTexts into = interning;
                int text = into == null ? -1 : into.internText(normalized);
                return new PreparedPost(post, numbered.account(), normalized, text);
            });
        }
    }

    /** The posts with their accounts numbered by {@code accountIds}, on the thread that calls {@code next()}. */
    private static Iterator<NumberedPost> numbered(Iterator<Post> posts, IdInterner accountIds) {
        return mapped(posts, post -> new NumberedPost(post, accountIds.intern(post.accountId())));
    }

    /** {@code source}'s items through {@code step}, on the thread that calls {@code next()}. */
    private static <A, B> Iterator<B> mapped(Iterator<A> source, Function<A, B> step) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public B next() {
                return step.apply(source.next());
            }
        };
    }

    private DetectionResult run(Iterator<PreparedPost> posts, ReadPlan plan, TraceTable table, IdInterner accountIds,
            long readStart, Supplier<InputReport> report) {
        Accounts accounts = new Accounts(accountIds);
        Map<CoActionType, Long> tracesByType = new EnumMap<>(CoActionType.class);
        NearDupTexts texts = read(posts, plan, accounts, table, tracesByType, readStart);
        InputReport input = report.get();
        if (texts != null) {
            nearDuplicates(texts, table, accounts, tracesByType);
        }
        texts = null; // the near-duplicate pass is the only reader of the texts: let them go before pairing
        if (!settings.coortweetCompat()) {
            forgetObjectsSharedOnce(table);
        }

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

    private NearDupTexts read(Iterator<PreparedPost> posts, ReadPlan plan, Accounts accounts, TraceTable table,
            Map<CoActionType, Long> tracesByType, long start) {
        CoActionExtractor extractor = plan.extractor();
        NearDupTexts texts = plan.nearDupTexts();
        boolean shareTexts = plan.shareTexts();
        long[] byType = new long[CoActionType.values().length];
        PostTraces traces = new PostTraces(table, accounts, byType);
        long n = 0;
        while (posts.hasNext()) {
            PreparedPost prepared = posts.next();
            Post post = prepared.post();
            int who = accounts.saw(post, prepared.account());
            int traced;
            if (settings.coortweetCompat()) {
                traced = 0;
                // CooRTweet compares object_id with content_id to drop loops: keep its raw ids, no prefix
                if (post.repostOf() != null) {
                    table.add(post.accountId(), post.repostOf(), post.epochSecond(), post.postId(), CoActionType.CO_REPOST);
                    byType[CoActionType.CO_REPOST.ordinal()]++;
                    traced = 1;
                }
            } else {
                String normalized = prepared.normalized(); // once for co-text and near-duplicates
                traced = extractor == null ? 0 : traces.of(post, who, normalized, extractor);
                if (texts != null && normalized != null && normalized.length() >= texts.minLength()) {
                    if (shareTexts) {
                        texts.addShared(traces.textObject(), who, post.epochSecond(), traces.content(post));
                    } else {
                        texts.addInterned(prepared.text(), who, post.epochSecond(), traces.content(post));
                    }
                }
            }
            accounts.traced(who, traced);
            if (++n % CHECK_EVERY == 0) {
                progress.advanced(Stage.READ, n);
                check(Stage.READ);
            }
        }
        for (CoActionType t : CoActionType.values()) {
            if (byType[t.ordinal()] > 0) {
                tracesByType.put(t, byType[t.ordinal()]);
            }
        }
        progress.advanced(Stage.READ, n);
        finish(Stage.READ, n, start);
        plan.takeNearDupTexts(); // the caller's reference is the last: it lets the texts go before pairing
        return texts;
    }

    private NearDupParams nearDupParams() {
        return NearDupParams.defaults().withThreshold(settings.nearDuplicateThreshold());
    }

    /**
     * Adds one post's traces to the table: the post is numbered once (its id stored packed) and its account
     * interned once, whatever the number of traces; a post without traces is not numbered at all, unless its
     * text goes to the near-duplicate pass ({@link #content}).
     */
    private static final class PostTraces {
        private final TraceTable table;
        private final Accounts accounts;
        private final long[] byType;
        private Post current;
        private int content = -1;
        private int account = -1;
        private int count;
        private int textObject = -1;

        PostTraces(TraceTable table, Accounts accounts, long[] byType) {
            this.table = table;
            this.accounts = accounts;
            this.byType = byType;
        }

        int of(Post post, int who, String normalizedText, CoActionExtractor extractor) {
            current = post;
            content = -1;
            count = 0;
            textObject = -1;
            extractor.extract(post, normalizedText, t -> {
                if (content < 0) {
                    content = table.addPost(post.postId());
                    account = accounts.inTable(who, post.accountId(), table);
                }
                int object = table.add(account, t.objectId(), t.epochSecond(), content, t.type());
                if (t.type() == CoActionType.CO_TEXT) {
                    textObject = object;
                }
                byType[t.type().ordinal()]++;
                count++;
            });
            return count;
        }

        /** The object number of the last post's co-text trace, -1 when it had none. */
        int textObject() {
            if (textObject < 0) {
                throw new IllegalStateException("the post has no co-text trace");
            }
            return textObject;
        }

        /** The content number of {@code post}, numbering it now when it had no trace. */
        int content(Post post) {
            if (current != post || content < 0) {
                current = post;
                content = table.addPost(post.postId());
            }
            return content;
        }
    }

    private void nearDuplicates(NearDupTexts texts, TraceTable table, Accounts accounts,
            Map<CoActionType, Long> tracesByType) {
        long start = start(Stage.NEAR_DUPLICATES, texts.size());
        NearDuplicateDetector detector = new NearDuplicateDetector(nearDupParams());
        long[] count = new long[1];
        detector.traces(texts, (row, cluster) -> {
            int who = texts.account(row);
            table.add(accounts.inTable(who, accounts.name(who), table), NearDuplicateDetector.OBJECT_PREFIX + cluster,
                    texts.time(row),
                    texts.content(row), CoActionType.CO_TEXT_NEAR);
            accounts.traced(who, 1);
            count[0]++;
        });
        if (count[0] > 0) {
            tracesByType.merge(CoActionType.CO_TEXT_NEAR, count[0], Long::sum);
        }
        progress.advanced(Stage.NEAR_DUPLICATES, texts.size());
        finish(Stage.NEAR_DUPLICATES, texts.size(), start);
        check(Stage.NEAR_DUPLICATES);
    }

    /**
     * An object with a single trace can pair with nothing and is never a group's shared object: its string (most
     * are organic texts, "text:" + the whole text) is dropped before pairing to leave the heap to the edges.
     */
    private static void forgetObjectsSharedOnce(TraceTable table) {
        int[] traces = new int[table.objects().size()];
        for (int r = 0; r < table.size(); r++) {
            traces[table.object(r)]++;
        }
        table.objects().forget(o -> traces[o] < 2);
    }

    private record Network(long pairs, double threshold, List<NetworkEdge> edges, List<NetworkEdge> fastEdges) {
    }

    private Network native_(TraceTable table, long window) {
        // edges under the absolute minimum weight are never materialised (most of them, on millions of posts);
        // the network still knows every weight for the quantile threshold
        EdgeFilter filter = EdgeFilter.of(settings, table);
        CoordinationNetwork.Options options = CoordinationNetwork.Options.window(window)
                .withMinParticipation(settings.minParticipation()).withIdf(settings.idf())
                .withMinWeight(filter.minWeight())
                // every edge's weight is needed for a quantile threshold only; without one, the pairing can
                // skip the table of every pair of accounts (10 M posts in 4 GB)
                .withAllWeights(!Double.isNaN(settings.weightQuantile()));
        CoordinationNetwork all = CoordinationNetwork.build(table, options);
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

    /**
     * Per-account facts gathered while reading: the platform and the number of posts and traces, in arrays
     * indexed by an interned account number (a few bytes per account instead of map entries of strings).
     */
    static final class Accounts {
        /** Numbered on the reading thread: read here only once reading has ended (names, lookups by id). */
        private final IdInterner ids;
        private final Map<String, String> platformNames = new HashMap<>(); // one instance per platform name
        private long[] posts = new long[1024];
        private long[] traces = new long[1024];
        private String[] platforms = new String[1024];
        private int[] inTable = filled(1024); // the account's number in the trace table, -1 until it has a trace

        Accounts(IdInterner ids) {
            this.ids = ids;
        }

        /** Accounts numbered here, by {@link #saw(Post)}. */
        Accounts() {
            this(new IdInterner());
        }

        /** Numbers the post's account and counts the post; returns the account's number. */
        int saw(Post post) {
            return saw(post, ids.intern(post.accountId()));
        }

        /** Counts a post of account number {@code a}; returns it. Accounts come numbered in order of first post. */
        int saw(Post post, int a) {
            if (a >= posts.length) {
                int n = Math.max(a + 1, posts.length * 2);
                posts = java.util.Arrays.copyOf(posts, n);
                traces = java.util.Arrays.copyOf(traces, n);
                platforms = java.util.Arrays.copyOf(platforms, n);
                int[] more = filled(n);
                System.arraycopy(inTable, 0, more, 0, inTable.length);
                inTable = more;
            }
            posts[a]++;
            if (platforms[a] == null && post.platform() != null) {
                platforms[a] = platformNames.computeIfAbsent(post.platform(), p -> p);
            }
            return a;
        }

        /**
         * The account's number in {@code table}, interned there (as {@code name}) on its first trace only: an account
         * without traces stays out of the table (its size is the number of accounts IDF counts).
         */
        int inTable(int account, String name, TraceTable table) {
            int t = inTable[account];
            if (t < 0) {
                t = table.account(name);
                inTable[account] = t;
            }
            return t;
        }

        private static int[] filled(int n) {
            int[] a = new int[n];
            java.util.Arrays.fill(a, -1);
            return a;
        }

        void traced(int account, long n) {
            traces[account] += n;
        }

        int size() {
            return ids.size();
        }

        String name(int account) {
            return ids.name(account);
        }

        long posts(String accountId) {
            int a = ids.find(accountId);
            return a < 0 ? 0 : posts[a];
        }

        long traces(String accountId) {
            int a = ids.find(accountId);
            return a < 0 ? 0 : traces[a];
        }

        String platform(String accountId) {
            int a = ids.find(accountId);
            return a < 0 ? null : platforms[a];
        }
    }
}
