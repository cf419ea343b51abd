package org.vigie.detect.synthetic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.vigie.detect.input.Post;

/**
 * Synthetic posts with planted coordinated groups, organic traffic and viral bursts, and their ground truth.
 *
 * <p>Deterministic: one {@link SplittableRandom} seeded with {@link SyntheticSettings#seed()} plans the
 * accounts, groups, episodes, bursts and fan-community posts at construction (small records, no posts); each
 * {@link #iterator()} then replays the same posts <b>in time order</b>, one hour of organic posts in memory at a
 * time (plus the planted and burst posts that started but are not yet due).
 *
 * <ul>
 *   <li><b>Organic</b> posts: uniform in time over {@code durationSeconds}; the author drawn from a Zipf over
 *       the organic accounts (a few very active ones), or with {@code memberOrganicShare} a planted member;
 *       kind: 30 % repost of a popular post, 25 % link, 20 % hashtags, 5 % image, 20 % plain text; each
 *       object drawn from a Zipf over {@code contentPoolSize} objects of its kind, so the top few are shared
 *       by thousands of unrelated accounts, by chance within seconds of each other.</li>
 *   <li><b>Viral bursts</b> (hard negatives): distinct organic accounts, drawn by activity (so the same active
 *       accounts meet in several bursts, as real engaged users do), repost one new post
 *       (70 %) or share one new URL (30 %), each after an exponential delay (mean
 *       {@code burstMeanDelaySeconds}, cut at 6×) from the burst's start.</li>
 *   <li><b>Fan communities</b> (hard negatives): distinct organic accounts following one source; each of its
 *       posts is reposted by each follower with {@code communityRepostProbability}, after an exponential delay
 *       (mean {@code communityMeanDelaySeconds}, cut at 6×). The same few accounts co-repost again and again,
 *       each on its own time.</li>
 *   <li><b>Planted groups</b>: each runs episodes spread over the span; an episode uses one of the group's
 *       behaviours (in turn), each participating member posts its object at a delay uniform in [0, jitter]
 *       after the start. Objects are new per episode: a seed post to repost, a URL on the group's own site
 *       (tracking parameters differ per member), two campaign hashtags, a 30–40-word text copied with small
 *       edits (see {@link #nearCopy}), an image hash.</li>
 * </ul>
 *
 * <p>Account ids look alike for organic and planted accounts ({@code tw_5f3a…}); the prefix is the platform
 * (twitter 45 %, facebook 30 %, telegram 15 %, instagram 10 %), as in the multi-platform format, so groups mix
 * platforms.
 */
public final class SyntheticPosts implements Iterable<Post> {

    private static final String[] PLATFORMS = {"twitter", "facebook", "telegram", "instagram"};
    private static final String[] PREFIXES = {"tw_", "fb_", "tg_", "ig_"};
    private static final String[] LANGS = {"fr", "fr", "en", "de", "fr"};
    private static final int VOCABULARY = 3_000;

    private final SyntheticSettings s;
    private final int totalAccounts;
    private final long salt;
    private final String[] vocabulary;
    private final List<Special> specials; // episodes and bursts, by start time
    private final GroundTruth truth;
    private final int[] memberIndices;
    private final long plantedPosts;
    private final long burstPosts;
    private final long organicPosts;
    private final long communityPosts;
    private final long organicSeed;

    private sealed interface Special permits Episode, Burst, FanPost {
        long start();
    }

    private record Episode(long start, int group, Behaviour behaviour, int jitter, int[] participants, long seed)
            implements Special {
    }

    private record Burst(long start, int size, boolean link, long seed) implements Special {
    }

    /** One post of a fan community's source and the followers who repost it (chosen when planning). */
    private record FanPost(long start, int community, int[] reposters, long seed) implements Special {
    }

    public SyntheticPosts(SyntheticSettings settings) {
        this.s = settings;
        SplittableRandom rng = new SplittableRandom(settings.seed());
        salt = rng.nextLong();
        vocabulary = buildVocabulary(rng);
        int[] sizes = new int[s.groups()];
        int planted = 0;
        for (int g = 0; g < sizes.length; g++) {
            sizes[g] = between(rng, s.minGroupSize(), s.maxGroupSize());
            planted += sizes[g];
        }
        totalAccounts = s.organicAccounts() + planted;
        memberIndices = new int[planted];
        // planted members take random slots among all account indices, so nothing about the index tells them
        int[] perm = new int[totalAccounts];
        for (int i = 0; i < totalAccounts; i++) {
            perm[i] = i;
        }
        for (int i = totalAccounts - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        // perm[0 .. organic-1] are the organic accounts (by activity rank), the rest planted members
        organicIndex = new int[s.organicAccounts()];
        System.arraycopy(perm, 0, organicIndex, 0, organicIndex.length);
        System.arraycopy(perm, organicIndex.length, memberIndices, 0, planted);

        List<Special> plan = new ArrayList<>();
        List<PlantedGroup> groups = new ArrayList<>();
        long lastStart = s.startEpochSecond() + s.durationSeconds() - 3_600;
        long planted0 = 0;
        int offset = 0;
        Behaviour[] all = Behaviour.values();
        for (int g = 0; g < sizes.length; g++) {
            int[] members = new int[sizes[g]];
            System.arraycopy(memberIndices, offset, members, 0, sizes[g]);
            offset += sizes[g];
            List<Behaviour> shuffled = new ArrayList<>(List.of(all));
            for (int i = shuffled.size() - 1; i > 0; i--) {
                Collections.swap(shuffled, i, rng.nextInt(i + 1));
            }
            List<Behaviour> behaviours = shuffled.subList(0, between(rng, s.minBehaviours(), s.maxBehaviours()));
            int jitter = between(rng, s.minJitterSeconds(), s.maxJitterSeconds());
            int episodes = between(rng, s.minEpisodes(), s.maxEpisodes());
            for (int e = 0; e < episodes; e++) {
                long start = s.startEpochSecond() + (long) (rng.nextDouble() * (lastStart - s.startEpochSecond()));
                List<Integer> in = new ArrayList<>();
                List<Integer> out = new ArrayList<>();
                for (int m : members) {
                    (rng.nextDouble() < s.participation() ? in : out).add(m);
                }
                while (in.size() < 2) {
                    in.add(out.remove(rng.nextInt(out.size())));
                }
                plan.add(new Episode(start, g, behaviours.get(e % behaviours.size()), jitter,
                        in.stream().mapToInt(Integer::intValue).toArray(), rng.nextLong()));
                planted0 += in.size();
            }
            List<String> ids = new ArrayList<>();
            for (int m : members) {
                ids.add(accountId(m));
            }
            groups.add(new PlantedGroup("g" + g, ids, EnumSet.copyOf(behaviours), jitter, episodes));
        }
        long burst0 = 0;
        for (int b = 0; b < s.viralBursts(); b++) {
            long start = s.startEpochSecond() + (long) (rng.nextDouble() * (lastStart - s.startEpochSecond()));
            int size = between(rng, s.minBurstSize(), s.maxBurstSize());
            plan.add(new Burst(start, size, rng.nextDouble() < 0.3, rng.nextLong()));
            burst0 += size;
        }
        long fan0 = planFanCommunities(rng, plan, lastStart);
        plan.sort(Comparator.comparingLong(Special::start));
        specials = List.copyOf(plan);
        plantedPosts = planted0;
        burstPosts = burst0;
        communityPosts = fan0;
        organicPosts = s.posts() - planted0 - burst0 - fan0;
        if (organicPosts < 0) {
            throw new IllegalArgumentException("planted (" + planted0 + "), viral-burst (" + burst0
                    + ") and fan-community (" + fan0 + ") posts exceed the " + s.posts()
                    + " posts asked for: raise posts or lower groups/bursts/communities");
        }
        organicSeed = rng.nextLong();
        List<String> accounts = new ArrayList<>(totalAccounts);
        for (int i = 0; i < totalAccounts; i++) {
            accounts.add(accountId(i));
        }
        truth = new GroundTruth(accounts, groups);
        accountIds = truth.accounts();
        platforms = new byte[totalAccounts];
        for (int i = 0; i < totalAccounts; i++) {
            platforms[i] = (byte) platformOf(i);
        }
    }

    private final List<String> accountIds;
    private final byte[] platforms;

    private final int[] organicIndex;

    public SyntheticSettings settings() {
        return s;
    }

    public GroundTruth truth() {
        return truth;
    }

    /** Posts made by planted members in coordinated episodes (not counting their camouflage posts). */
    public long plantedPosts() {
        return plantedPosts;
    }

    public long burstPosts() {
        return burstPosts;
    }

    /** Reposts by fan-community followers (hard negatives: organic, but the same accounts again and again). */
    public long communityPosts() {
        return communityPosts;
    }

    public long organicPosts() {
        return organicPosts;
    }

    /** A new pass over the posts, in non-decreasing time; every pass gives the same posts. */
    @Override
    public Iterator<Post> iterator() {
        return new Generator();
    }

    public Stream<Post> stream() {
        return StreamSupport.stream(Spliterators.spliterator(iterator(), s.posts(),
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.SIZED), false);
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * Fan communities: followers are distinct organic accounts drawn uniformly (so communities barely
     * overlap); each of the source's posts is reposted by each follower with the repost probability, on the
     * follower's own time. Returns the number of reposts planned.
     */
    private long planFanCommunities(SplittableRandom rng, List<Special> plan, long lastStart) {
        long total = 0;
        for (int c = 0; c < s.communities(); c++) {
            int size = between(rng, s.minCommunitySize(), s.maxCommunitySize());
            Set<Integer> followers = new HashSet<>();
            while (followers.size() < size) {
                followers.add(organicIndex[rng.nextInt(organicIndex.length)]);
            }
            int[] ordered = followers.stream().mapToInt(Integer::intValue).sorted().toArray();
            int posts = between(rng, s.minCommunityPosts(), s.maxCommunityPosts());
            for (int p = 0; p < posts; p++) {
                long start = s.startEpochSecond() + (long) (rng.nextDouble() * (lastStart - s.startEpochSecond()));
                int[] reposters = java.util.Arrays.stream(ordered)
                        .filter(f -> rng.nextDouble() < s.communityRepostProbability()).toArray();
                plan.add(new FanPost(start, c, reposters, rng.nextLong()));
                total += reposters.length;
            }
        }
        return total;
    }

    String accountId(int index) {
        long x = (index * 0x9E3779B1L + salt) & 0xffffffffL; // odd multiplier: a bijection on 32 bits
        int p = platformOf(index);
        String hex = Long.toHexString(x | 0x1_0000_0000L).substring(1);
        return PREFIXES[p] + hex;
    }

    private int platformOf(int index) {
        long h = mix(index ^ salt) >>> 1;
        int r = (int) (h % 100);
        return r < 45 ? 0 : r < 75 ? 1 : r < 90 ? 2 : 3;
    }

    private static int between(SplittableRandom rng, int min, int max) {
        return min == max ? min : min + rng.nextInt(max - min + 1);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static String hex(long v) {
        return Long.toHexString(v | Long.MIN_VALUE).substring(1);
    }

    private static String[] buildVocabulary(SplittableRandom rng) {
        String[] syllables = {"ba", "re", "to", "mi", "ka", "lo", "su", "ne", "di", "pa", "ri", "vo", "ge", "lu",
            "ma", "te", "zo", "fi", "an", "or", "el", "is", "un", "ca", "po", "de", "la", "mo", "si", "ve"};
        Set<String> seen = new HashSet<>();
        String[] words = new String[VOCABULARY];
        int n = 0;
        while (n < VOCABULARY) {
            int len = 1 + rng.nextInt(4);
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < len; i++) {
                w.append(syllables[rng.nextInt(syllables.length)]);
            }
            if (seen.add(w.toString())) {
                words[n++] = w.toString();
            }
        }
        return words;
    }

    private String words(SplittableRandom rng, int min, int max) {
        int n = between(rng, min, max);
        StringBuilder b = new StringBuilder(n * 7);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(vocabulary[rng.nextInt(VOCABULARY)]);
        }
        return b.toString();
    }

    /**
     * A copy of {@code base} with small edits, as copy-paste campaigns make them: one word replaced (60 %), a
     * second one (15 %), a leading mention (30 %, removed by text normalisation), a trailing {@code !!} (30 %),
     * the first letter capitalised (20 %). Two copies of a 30–40-word text stay at a character-shingle Jaccard
     * of ≈ 0.85 or more.
     */
    private String nearCopy(String base, SplittableRandom rng) {
        String[] w = base.split(" ");
        if (rng.nextDouble() < 0.6) {
            w[rng.nextInt(w.length)] = vocabulary[rng.nextInt(VOCABULARY)];
        }
        if (rng.nextDouble() < 0.15) {
            w[rng.nextInt(w.length)] = vocabulary[rng.nextInt(VOCABULARY)];
        }
        if (rng.nextDouble() < 0.2) {
            w[0] = Character.toUpperCase(w[0].charAt(0)) + w[0].substring(1);
        }
        String text = String.join(" ", w);
        if (rng.nextDouble() < 0.3) {
            text = "@" + vocabulary[rng.nextInt(VOCABULARY)] + " " + text;
        }
        return rng.nextDouble() < 0.3 ? text + " !!" : text;
    }

    private record Timed(long time, long seq, Post post) {
    }

    private final class Generator implements Iterator<Post> {
        private final SplittableRandom rng = new SplittableRandom(organicSeed);
        private final Zipf activity = new Zipf(s.organicAccounts(), s.activityZipfExponent());
        private final Zipf content = new Zipf(s.contentPoolSize(), s.contentZipfExponent());
        private final PriorityQueue<Timed> pending = new PriorityQueue<>(
                Comparator.comparingLong(Timed::time).thenComparingLong(Timed::seq));
        private final long hours = (s.durationSeconds() + 3_599) / 3_600;
        private final List<Timed> hour = new ArrayList<>();
        private int position;
        private long nextHour;
        private int nextSpecial;
        private long seq;
        private long emitted;

        @Override
        public boolean hasNext() {
            while (position >= hour.size()) {
                if (nextHour >= hours) {
                    return false;
                }
                fill(nextHour++);
            }
            return true;
        }

        @Override
        public Post next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Post p = hour.get(position).post();
            hour.set(position++, null);
            emitted++;
            return p;
        }

        private void fill(long h) {
            hour.clear();
            position = 0;
            long from = s.startEpochSecond() + h * 3_600;
            long to = Math.min(from + 3_600, s.startEpochSecond() + s.durationSeconds());
            boolean last = h == hours - 1;
            while (nextSpecial < specials.size() && (last || specials.get(nextSpecial).start() < to)) {
                Special sp = specials.get(nextSpecial++);
                if (sp instanceof Episode e) {
                    episode(e);
                } else if (sp instanceof Burst b) {
                    burst(b);
                } else {
                    fanPost((FanPost) sp);
                }
            }
            long count = organicPosts * (h + 1) / hours - organicPosts * h / hours;
            for (long i = 0; i < count; i++) {
                long t = from + (long) (rng.nextDouble() * (to - from));
                hour.add(new Timed(t, seq, organic(t)));
            }
            while (!pending.isEmpty() && (last || pending.peek().time() < to)) {
                hour.add(pending.poll());
            }
            hour.sort(Comparator.comparingLong(Timed::time).thenComparingLong(Timed::seq));
        }

        private String nextId() {
            return "p" + Long.toString(seq++, 36);
        }

        private Post base(int account, long time, SplittableRandom r) {
            return new Post(nextId(), accountIds.get(account), null, PLATFORMS[platforms[account]], time, null, null,
                    null, null, null, null, null, null, LANGS[r.nextInt(LANGS.length)]);
        }

        private Post organic(long t) {
            int account;
            if (memberIndices.length > 0 && rng.nextDouble() < s.memberOrganicShare()) {
                account = memberIndices[rng.nextInt(memberIndices.length)];
            } else {
                account = organicIndex[activity.sample(rng)];
            }
            Post p = base(account, t, rng);
            double kind = rng.nextDouble();
            if (kind < 0.30) {
                return p.withRepostOf("o" + content.sample(rng));
            }
            if (kind < 0.55) {
                int k = content.sample(rng);
                return p.withText(words(rng, 4, 14))
                        .withUrls(List.of("https://news" + (k % 200) + ".example/article/" + k));
            }
            if (kind < 0.75) {
                int k = content.sample(rng);
                List<String> tags = rng.nextBoolean() ? List.of("topic" + k)
                        : List.of("topic" + k, "topic" + content.sample(rng));
                return p.withText(words(rng, 4, 14)).withHashtags(tags);
            }
            if (kind < 0.80) {
                return p.withText(words(rng, 2, 8)).withImageHashes(List.of(hex(mix(content.sample(rng) + 17L))));
            }
            return p.withText(words(rng, 5, 20));
        }

        private void episode(Episode e) {
            SplittableRandom r = new SplittableRandom(e.seed());
            String object = hex(r.nextLong());
            String site = "site" + hex(mix(e.group() ^ salt)).substring(0, 6) + ".example";
            String baseText = words(r, 30, 40);
            for (int m : e.participants()) {
                long t = e.start() + r.nextInt(e.jitter() + 1);
                Post p = base(m, t, r);
                p = switch (e.behaviour()) {
                    case CO_REPOST -> p.withRepostOf("o" + object);
                    case CO_LINK -> p.withText(words(r, 3, 10)).withUrls(List.of("https://" + site + "/" + object
                            + "?utm_source=" + vocabulary[r.nextInt(VOCABULARY)]));
                    case CO_HASHTAG -> p.withText(words(r, 4, 12))
                            .withHashtags(List.of("c" + object.substring(0, 8), "c" + object.substring(8)));
                    case CO_TEXT_NEAR -> p.withText(nearCopy(baseText, r));
                    case CO_IMAGE -> p.withText(words(r, 2, 8)).withImageHashes(List.of(object));
                };
                pending.add(new Timed(t, seq, p));
            }
        }

        private void fanPost(FanPost f) {
            SplittableRandom r = new SplittableRandom(f.seed());
            String source = "f" + f.community() + "x" + hex(r.nextLong()).substring(0, 10);
            for (int account : f.reposters()) {
                long delay = Math.min((long) (-Math.log(1 - r.nextDouble()) * s.communityMeanDelaySeconds()),
                        6L * s.communityMeanDelaySeconds());
                long t = f.start() + delay;
                Post p = base(account, t, r).withRepostOf(source);
                pending.add(new Timed(t, seq, p));
            }
        }

        private void burst(Burst b) {
            SplittableRandom r = new SplittableRandom(b.seed());
            String object = hex(r.nextLong());
            Set<Integer> chosen = new HashSet<>();
            while (chosen.size() < b.size()) {
                int account = organicIndex[activity.sample(r)]; // active accounts join more bursts
                if (!chosen.add(account)) {
                    continue;
                }
                long delay = Math.min((long) (-Math.log(1 - r.nextDouble()) * s.burstMeanDelaySeconds()),
                        6L * s.burstMeanDelaySeconds());
                long t = b.start() + delay;
                Post p = base(account, t, r);
                p = b.link() ? p.withText(words(r, 3, 10)).withUrls(List.of("https://viral.example/" + object))
                        : p.withRepostOf("v" + object);
                pending.add(new Timed(t, seq, p));
            }
        }
    }
}
