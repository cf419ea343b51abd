package org.vigie.detect.synthetic;

/**
 * Settings of {@link SyntheticPosts}. Start from {@link #builder()} (the defaults below) and change what matters.
 *
 * <p>Defaults (100,000 posts over 7 days from 2026-01-01T00:00Z, 20,000 organic accounts, 20 groups of 5–30
 * accounts doing 1–3 behaviours in 6–15 episodes each with 80 % participation and a jitter of 5 s to 3 min,
 * content popularity Zipf(1.0) over 10,000 objects per kind, account activity Zipf(0.8), 10 viral bursts of
 * 300–1,500 distinct organic accounts within ≈ 10 minutes, 100 fan communities of 10–40 organic accounts
 * each reposting 30 % of their source's 5–20 posts after ≈ 10 minutes) keep planted posts near 3 % of the set,
 * so organic noise, viral bursts and fan communities dominate as they do in real data. The counts scale with
 * {@code posts} unless set (see {@link Builder}).
 *
 * @param seed seed of the single {@code SplittableRandom}; same settings, same posts
 * @param posts exact number of posts produced
 * @param organicAccounts accounts outside every group
 * @param groups planted groups
 * @param minGroupSize smallest group (≥ 2)
 * @param maxGroupSize largest group
 * @param minBehaviours fewest behaviours per group (≥ 1)
 * @param maxBehaviours most behaviours per group (≤ 5)
 * @param minEpisodes fewest coordinated episodes per group
 * @param maxEpisodes most coordinated episodes per group
 * @param participation probability that a member takes part in an episode (at least 2 always do)
 * @param minJitterSeconds smallest group jitter
 * @param maxJitterSeconds largest group jitter; each group draws its jitter in [min, max], each member's delay
 *        is uniform in [0, jitter]
 * @param memberOrganicShare share of organic posts written by planted members (camouflage)
 * @param contentPoolSize distinct popular objects per kind (posts to repost, URLs, hashtags, images)
 * @param contentZipfExponent popularity exponent of those objects
 * @param activityZipfExponent activity exponent of organic accounts (heavy tail: a few very active accounts)
 * @param viralBursts number of viral bursts
 * @param minBurstSize fewest distinct organic accounts in a burst
 * @param maxBurstSize most distinct organic accounts in a burst
 * @param burstMeanDelaySeconds mean delay of a burst repost after the burst starts (exponential, cut at 6×)
 * @param communities fan communities (hard negatives): organic accounts that follow one source and repost
 *        some of its posts, each on its own time
 * @param minCommunitySize fewest followers of a community (distinct organic accounts drawn uniformly)
 * @param maxCommunitySize most followers of a community
 * @param minCommunityPosts fewest posts of a community's source over the span
 * @param maxCommunityPosts most posts of a community's source
 * @param communityRepostProbability probability that a follower reposts a given source post
 * @param communityMeanDelaySeconds mean delay of a follower's repost after the source post (exponential, cut at
 *        6×)
 * @param startEpochSecond first possible timestamp
 * @param durationSeconds span of the organic posts
 */
public record SyntheticSettings(long seed, long posts, int organicAccounts, int groups, int minGroupSize,
        int maxGroupSize, int minBehaviours, int maxBehaviours, int minEpisodes, int maxEpisodes,
        double participation, int minJitterSeconds, int maxJitterSeconds, double memberOrganicShare,
        int contentPoolSize, double contentZipfExponent, double activityZipfExponent, int viralBursts,
        int minBurstSize, int maxBurstSize, int burstMeanDelaySeconds, int communities, int minCommunitySize,
        int maxCommunitySize, int minCommunityPosts, int maxCommunityPosts, double communityRepostProbability,
        int communityMeanDelaySeconds, long startEpochSecond, long durationSeconds) {

    public SyntheticSettings {
        check(posts >= 0, "posts < 0");
        check(organicAccounts >= 1, "organicAccounts < 1");
        check(groups >= 0, "groups < 0");
        check(minGroupSize >= 2 && maxGroupSize >= minGroupSize, "group size range");
        check(minBehaviours >= 1 && maxBehaviours >= minBehaviours && maxBehaviours <= Behaviour.values().length,
                "behaviours range");
        check(minEpisodes >= 1 && maxEpisodes >= minEpisodes, "episodes range");
        check(participation > 0 && participation <= 1, "participation not in (0, 1]");
        check(minJitterSeconds >= 0 && maxJitterSeconds >= minJitterSeconds, "jitter range");
        check(memberOrganicShare >= 0 && memberOrganicShare < 1, "memberOrganicShare not in [0, 1)");
        check(contentPoolSize >= 1, "contentPoolSize < 1");
        check(viralBursts >= 0, "viralBursts < 0");
        check(minBurstSize >= 2 && maxBurstSize >= minBurstSize, "burst size range");
        check(maxBurstSize <= organicAccounts || viralBursts == 0, "maxBurstSize > organicAccounts");
        check(burstMeanDelaySeconds >= 1, "burstMeanDelaySeconds < 1");
        check(communities >= 0, "communities < 0");
        check(minCommunitySize >= 2 && maxCommunitySize >= minCommunitySize, "community size range");
        check(maxCommunitySize <= organicAccounts || communities == 0, "maxCommunitySize > organicAccounts");
        check(minCommunityPosts >= 1 && maxCommunityPosts >= minCommunityPosts, "community posts range");
        check(communityRepostProbability > 0 && communityRepostProbability <= 1,
                "communityRepostProbability not in (0, 1]");
        check(communityMeanDelaySeconds >= 1, "communityMeanDelaySeconds < 1");
        check(durationSeconds >= 7200, "durationSeconds < 2 hours");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public static SyntheticSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed; b.posts = posts; b.organicAccounts = organicAccounts; b.groups = groups;
        b.minGroupSize = minGroupSize; b.maxGroupSize = maxGroupSize; b.minBehaviours = minBehaviours;
        b.maxBehaviours = maxBehaviours; b.minEpisodes = minEpisodes; b.maxEpisodes = maxEpisodes;
        b.participation = participation; b.minJitterSeconds = minJitterSeconds; b.maxJitterSeconds = maxJitterSeconds;
        b.memberOrganicShare = memberOrganicShare; b.contentPoolSize = contentPoolSize;
        b.contentZipfExponent = contentZipfExponent; b.activityZipfExponent = activityZipfExponent;
        b.viralBursts = viralBursts; b.minBurstSize = minBurstSize; b.maxBurstSize = maxBurstSize;
        b.burstMeanDelaySeconds = burstMeanDelaySeconds; b.communities = communities;
        b.minCommunitySize = minCommunitySize; b.maxCommunitySize = maxCommunitySize;
        b.minCommunityPosts = minCommunityPosts; b.maxCommunityPosts = maxCommunityPosts;
        b.communityRepostProbability = communityRepostProbability;
        b.communityMeanDelaySeconds = communityMeanDelaySeconds; b.startEpochSecond = startEpochSecond;
        b.durationSeconds = durationSeconds;
        return b;
    }

    /**
     * Fluent builder; every value starts at its default. Unless set, the counts scale with {@code posts} so
     * that a bigger set is more of the same world, not the same groups drowned in more noise: organic
     * accounts = posts / 5, planted groups = posts / 5,000, viral bursts = posts / 10,000, fan communities =
     * posts / 1,000 (20,000, 20, 10 and 100 at 100,000 posts; each at least 1).
     */
    public static final class Builder {
        private static final int SCALED = -1;
        private long seed = 42;
        private long posts = 100_000;
        private int organicAccounts = SCALED;
        private int groups = SCALED;
        private int minGroupSize = 5;
        private int maxGroupSize = 30;
        private int minBehaviours = 1;
        private int maxBehaviours = 3;
        private int minEpisodes = 6;
        private int maxEpisodes = 15;
        private double participation = 0.8;
        private int minJitterSeconds = 5;
        private int maxJitterSeconds = 180;
        private double memberOrganicShare = 0.01;
        private int contentPoolSize = 10_000;
        private double contentZipfExponent = 1.0;
        private double activityZipfExponent = 0.8;
        private int viralBursts = SCALED;
        private int minBurstSize = 300;
        private int maxBurstSize = 1_500;
        private int burstMeanDelaySeconds = 120;
        private int communities = SCALED;
        private int minCommunitySize = 10;
        private int maxCommunitySize = 40;
        private int minCommunityPosts = 5;
        private int maxCommunityPosts = 20;
        private double communityRepostProbability = 0.3;
        private int communityMeanDelaySeconds = 600;
        private long startEpochSecond = 1_767_225_600L; // 2026-01-01T00:00:00Z
        private long durationSeconds = 7 * 86_400L;

        private Builder() {
        }

        public Builder seed(long v) { seed = v; return this; }
        public Builder posts(long v) { posts = v; return this; }
        public Builder organicAccounts(int v) { organicAccounts = v; return this; }
        public Builder groups(int v) { groups = v; return this; }
        public Builder groupSize(int min, int max) { minGroupSize = min; maxGroupSize = max; return this; }
        public Builder behaviours(int min, int max) { minBehaviours = min; maxBehaviours = max; return this; }
        public Builder episodes(int min, int max) { minEpisodes = min; maxEpisodes = max; return this; }
        public Builder participation(double v) { participation = v; return this; }
        public Builder jitterSeconds(int min, int max) { minJitterSeconds = min; maxJitterSeconds = max; return this; }
        public Builder memberOrganicShare(double v) { memberOrganicShare = v; return this; }
        public Builder contentPoolSize(int v) { contentPoolSize = v; return this; }
        public Builder contentZipfExponent(double v) { contentZipfExponent = v; return this; }
        public Builder activityZipfExponent(double v) { activityZipfExponent = v; return this; }
        public Builder viralBursts(int v) { viralBursts = v; return this; }
        public Builder burstSize(int min, int max) { minBurstSize = min; maxBurstSize = max; return this; }
        public Builder burstMeanDelaySeconds(int v) { burstMeanDelaySeconds = v; return this; }
        public Builder communities(int v) { communities = v; return this; }
        public Builder communitySize(int min, int max) { minCommunitySize = min; maxCommunitySize = max; return this; }
        public Builder communityPosts(int min, int max) { minCommunityPosts = min; maxCommunityPosts = max; return this; }
        public Builder communityRepostProbability(double v) { communityRepostProbability = v; return this; }
        public Builder communityMeanDelaySeconds(int v) { communityMeanDelaySeconds = v; return this; }
        public Builder start(long epochSecond) { startEpochSecond = epochSecond; return this; }
        public Builder durationSeconds(long v) { durationSeconds = v; return this; }

        public SyntheticSettings build() {
            return new SyntheticSettings(seed, posts, scaled(organicAccounts, posts / 5), scaled(groups, posts / 5_000),
                    minGroupSize, maxGroupSize, minBehaviours, maxBehaviours, minEpisodes, maxEpisodes, participation,
                    minJitterSeconds, maxJitterSeconds, memberOrganicShare, contentPoolSize, contentZipfExponent,
                    activityZipfExponent, scaled(viralBursts, posts / 10_000), minBurstSize, maxBurstSize,
                    burstMeanDelaySeconds, scaled(communities, posts / 1_000), minCommunitySize, maxCommunitySize,
                    minCommunityPosts, maxCommunityPosts, communityRepostProbability, communityMeanDelaySeconds,
                    startEpochSecond, durationSeconds);
        }

        private static int scaled(int value, long byPosts) {
            return value != SCALED ? value : (int) Math.max(1, Math.min(Integer.MAX_VALUE, byPosts));
        }
    }
}
