package org.vigie.detect.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.detect.coaction.CoActionExtractor;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.coaction.Trace;
import org.vigie.detect.input.Post;

class SyntheticPostsTest {

    static final SyntheticSettings SMALL = SyntheticSettings.builder()
            .seed(7).posts(40_000).organicAccounts(5_000).groups(10).groupSize(5, 20).behaviours(1, 3)
            .episodes(5, 10).viralBursts(4).burstSize(300, 800).contentPoolSize(2_000).build();

    static SyntheticPosts set;
    static List<Post> posts;

    @BeforeAll
    static void generate() {
        set = new SyntheticPosts(SMALL);
        posts = set.stream().toList();
    }

    @Test
    void sameSeedSamePostsAndTruth_otherSeedOtherPosts() {
        SyntheticPosts again = new SyntheticPosts(SMALL);
        assertThat(again.stream().toList()).isEqualTo(posts);
        assertThat(set.stream().limit(1000).toList()).isEqualTo(posts.subList(0, 1000)); // a second pass replays
        assertThat(again.truth().memberSets()).isEqualTo(set.truth().memberSets());
        SyntheticPosts other = new SyntheticPosts(SMALL.toBuilder().seed(8).build());
        assertThat(other.stream().limit(1000).toList()).isNotEqualTo(posts.subList(0, 1000));
    }

    @Test
    void exactCountTimeOrderUniqueIdsAndKnownAccounts() {
        assertThat(posts).hasSize(40_000);
        assertThat(set.organicPosts() + set.plantedPosts() + set.burstPosts() + set.communityPosts()).isEqualTo(40_000);
        Set<String> ids = new HashSet<>();
        Set<String> accounts = new HashSet<>(set.truth().accounts());
        assertThat(accounts).hasSize(set.truth().accounts().size());
        long previous = Long.MIN_VALUE;
        Set<String> platforms = new HashSet<>();
        for (Post p : posts) {
            assertThat(p.epochSecond()).isGreaterThanOrEqualTo(previous);
            previous = p.epochSecond();
            assertThat(ids.add(p.postId())).isTrue();
            assertThat(accounts).contains(p.accountId());
            platforms.add(p.platform());
        }
        assertThat(platforms).containsExactlyInAnyOrder("twitter", "facebook", "telegram", "instagram");
        assertThat(posts.get(0).epochSecond()).isGreaterThanOrEqualTo(SMALL.startEpochSecond());
    }

    @Test
    void groupsAreDisjointWithinSettingsAndMixPlatforms() {
        GroundTruth truth = set.truth();
        assertThat(truth.groups()).hasSize(10);
        Set<String> seen = new HashSet<>();
        int mixed = 0;
        for (PlantedGroup g : truth.groups().values()) {
            assertThat(g.members().size()).isBetween(5, 20);
            assertThat(g.behaviours().size()).isBetween(1, 3);
            assertThat(g.jitterSeconds()).isBetween(5, 180);
            for (String m : g.members()) {
                assertThat(seen.add(m)).isTrue();
                assertThat(truth.groupOf(m)).isEqualTo(g.id());
            }
            if (g.members().stream().map(m -> m.substring(0, 3)).distinct().count() > 1) {
                mixed++;
            }
        }
        assertThat(mixed).isGreaterThan(5);
        assertThat(truth.accounts()).hasSize(5_000 + seen.size());
        assertThat(truth.accounts().stream().filter(a -> truth.groupOf(a) == null).count()).isEqualTo(5_000);
    }

    /** Each group's behaviours leave objects shared by ≥ 2 of its members within its jitter and by nobody else. */
    @Test
    void plantedBehavioursArePresentWithinTheJitter() {
        GroundTruth truth = set.truth();
        Map<String, List<Trace>> byObject = new HashMap<>();
        CoActionExtractor extractor = new CoActionExtractor(
                EnumSet.of(CoActionType.CO_REPOST, CoActionType.CO_LINK, CoActionType.CO_HASHTAG,
                        CoActionType.CO_IMAGE), 10);
        for (Post p : posts) {
            extractor.extract(p, t -> byObject.computeIfAbsent(t.objectId(), k -> new ArrayList<>()).add(t));
        }
        Map<String, Map<Behaviour, Integer>> found = new HashMap<>();
        for (List<Trace> traces : byObject.values()) {
            Set<String> groups = new HashSet<>();
            Set<String> accounts = new HashSet<>();
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (Trace t : traces) {
                groups.add(String.valueOf(truth.groupOf(t.accountId())));
                accounts.add(t.accountId());
                min = Math.min(min, t.epochSecond());
                max = Math.max(max, t.epochSecond());
            }
            String g = groups.iterator().next();
            if (groups.size() == 1 && !g.equals("null") && accounts.size() >= 2
                    && max - min <= truth.groups().get(g).jitterSeconds()) {
                Behaviour b = Behaviour.valueOf(traces.get(0).type().name());
                found.computeIfAbsent(g, k -> new HashMap<>()).merge(b, 1, Integer::sum);
            }
        }
        for (PlantedGroup g : truth.groups().values()) {
            for (Behaviour b : g.behaviours()) {
                if (b == Behaviour.CO_TEXT_NEAR) {
                    continue;
                }
                // episodes cycle through the behaviours: at least episodes / |behaviours| objects each
                int expected = g.episodes() / g.behaviours().size() * (b == Behaviour.CO_HASHTAG ? 2 : 1);
                assertThat(found.getOrDefault(g.id(), Map.of()).getOrDefault(b, 0))
                        .as("%s %s", g.id(), b).isGreaterThanOrEqualTo(expected);
            }
        }
    }

    @Test
    void nearDuplicateTextsAreNearButNotExact() {
        GroundTruth truth = set.truth();
        List<PlantedGroup> textGroups = truth.groups().values().stream()
                .filter(g -> g.behaviours().contains(Behaviour.CO_TEXT_NEAR)).toList();
        assertThat(textGroups).isNotEmpty();
        for (PlantedGroup g : textGroups) {
            List<Post> own = posts.stream().filter(p -> g.id().equals(truth.groupOf(p.accountId()))
                    && p.text() != null && p.urls().isEmpty() && p.hashtags().isEmpty() && p.imageHashes().isEmpty()
                    && p.text().split(" ").length >= 20).toList();
            int near = 0;
            int exact = 0;
            for (int i = 0; i < own.size(); i++) {
                for (int j = i + 1; j < own.size() && own.get(j).epochSecond() - own.get(i).epochSecond()
                        <= g.jitterSeconds(); j++) {
                    double jaccard = jaccard(own.get(i).text(), own.get(j).text());
                    if (jaccard >= 0.7) {
                        near++;
                        exact += own.get(i).text().equals(own.get(j).text()) ? 1 : 0;
                    }
                }
            }
            assertThat(near).as(g.id()).isGreaterThan(g.episodes() / g.behaviours().size());
            assertThat(exact).isLessThan(near);
        }
    }

    @Test
    void contentPopularityIsZipfSkewed() {
        Map<String, Integer> reposts = new HashMap<>();
        int total = 0;
        for (Post p : posts) {
            if (p.repostOf() != null) {
                reposts.merge(p.repostOf(), 1, Integer::sum);
                total++;
            }
        }
        List<Integer> counts = reposts.values().stream().sorted((a, b) -> b - a).toList();
        // Zipf(1.0) over 2,000 objects: rank 1 ≈ 12 % of organic reposts, the top 10 ≈ 35 %
        assertThat(counts.get(0)).isGreaterThan(total / 20);
        assertThat(counts.subList(0, 10).stream().mapToInt(Integer::intValue).sum()).isGreaterThan(total / 4);
        assertThat(counts.get(counts.size() / 2)).isLessThanOrEqualTo(3);
        // heavy-tailed activity: the most active account posts far more than the median one
        Map<String, Integer> perAccount = new HashMap<>();
        posts.forEach(p -> perAccount.merge(p.accountId(), 1, Integer::sum));
        List<Integer> activity = perAccount.values().stream().sorted((a, b) -> b - a).toList();
        assertThat(activity.get(0)).isGreaterThan(50 * activity.get(activity.size() / 2));
    }

    @Test
    void viralBurstsAreManyDistinctOrganicAccountsWithinMinutes() {
        GroundTruth truth = set.truth();
        Map<String, List<Post>> byObject = new HashMap<>();
        for (Post p : posts) {
            String key = p.repostOf() != null ? p.repostOf()
                    : p.urls().size() == 1 && p.urls().get(0).startsWith("https://viral.") ? p.urls().get(0) : null;
            if (key != null) {
                byObject.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
            }
        }
        int bursts = 0;
        for (List<Post> shares : byObject.values()) {
            Set<String> accounts = new HashSet<>();
            shares.forEach(p -> accounts.add(p.accountId()));
            long span = shares.get(shares.size() - 1).epochSecond() - shares.get(0).epochSecond();
            if (accounts.size() >= 300 && span <= 6 * 120) {
                bursts++;
                assertThat(accounts).hasSize(shares.size());
                assertThat(accounts).allSatisfy(a -> assertThat(truth.groupOf(a)).isNull());
                // most shares within a few minutes
                long early = shares.stream().filter(p -> p.epochSecond() - shares.get(0).epochSecond() <= 240)
                        .count();
                assertThat(early).isGreaterThan(shares.size() * 3 / 4);
            }
        }
        assertThat(bursts).isEqualTo(4);
    }

    @Test
    void tooManyPlantedPostsIsRefused() {
        assertThatThrownBy(() -> new SyntheticPosts(SMALL.toBuilder().posts(1_000).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceed");
    }

    @Test
    void fanCommunitiesAreOrganicAccountsRepostingTheirSourceEachOnItsOwnTime() {
        Map<String, List<Post>> bySource = new HashMap<>();
        for (Post p : posts) {
            if (p.repostOf() != null && p.repostOf().startsWith("f")) {
                bySource.computeIfAbsent(p.repostOf(), k -> new ArrayList<>()).add(p);
            }
        }
        assertThat(bySource.values().stream().mapToLong(List::size).sum()).isEqualTo(set.communityPosts());
        assertThat(set.communityPosts()).isPositive();
        assertThat(bySource.values()).allSatisfy(reposts -> assertThat(reposts).allSatisfy(
                p -> assertThat(set.truth().groupOf(p.accountId())).isNull()));
        // followers repost minutes apart (mean delay 10 min), not within seconds as planted members do
        List<Long> spreads = bySource.values().stream().filter(r -> r.size() >= 5)
                .map(r -> r.get(r.size() - 1).epochSecond() - r.get(0).epochSecond()).sorted().toList();
        assertThat(spreads.get(spreads.size() / 2)).isGreaterThan(600);
    }

    @Test
    void countsScaleWithPostsUnlessSet() {
        SyntheticSettings million = SyntheticSettings.builder().posts(1_000_000).build();
        assertThat(million.organicAccounts()).isEqualTo(200_000);
        assertThat(million.groups()).isEqualTo(200);
        assertThat(million.viralBursts()).isEqualTo(100);
        assertThat(million.communities()).isEqualTo(1_000);
        assertThat(SyntheticSettings.builder().posts(1_000_000).groups(7).build().groups()).isEqualTo(7);
    }

    @Test
    void defaultsBuild() {
        SyntheticPosts d = new SyntheticPosts(SyntheticSettings.defaults());
        assertThat(d.truth().groups()).hasSize(20);
        assertThat(d.plantedPosts() + d.burstPosts()).isLessThan(d.settings().posts() / 5);
    }

    private static double jaccard(String a, String b) {
        Set<String> x = shingles(a);
        Set<String> y = shingles(b);
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        x.retainAll(y);
        return (double) x.size() / union.size();
    }

    private static Set<String> shingles(String s) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 5 <= s.length(); i++) {
            out.add(s.substring(i, i + 5));
        }
        return out;
    }
}
