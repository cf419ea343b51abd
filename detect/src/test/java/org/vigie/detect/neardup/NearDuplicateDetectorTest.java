package org.vigie.detect.neardup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.coaction.Trace;
import org.vigie.detect.input.Post;

class NearDuplicateDetectorTest {

    private static final String BASE =
            "The postal votes in the northern districts were counted twice, share before they delete it";

    private final NearDuplicateDetector detector = new NearDuplicateDetector();

    @Test
    void editedCopiesOfASentenceClusterTogether() {
        List<String> texts = List.of(
                BASE,
                "@anna " + BASE + " https://t.co/abc",                                       // same after normalisation
                "The postal votes in the northern districts were counted twice!! share before they delete it",
                "the postal votes in the northern district were counted twice, share before they delete it",
                "BREAKING: the postal votes in the northern districts were counted twice, share before they delete it",
                "A recipe for lemon cake with fresh berries and a little vanilla sugar on top",
                "Weather tomorrow: light rain in the morning, sunny spells in the afternoon");
        NearDuplicateDetector.Clusters c = detector.cluster(texts);
        int cl = c.clusterOf(0);
        assertThat(cl).isEqualTo(0);
        assertThat(new int[] {c.clusterOf(1), c.clusterOf(2), c.clusterOf(3), c.clusterOf(4)}).containsOnly(cl);
        assertThat(c.clusterOf(5)).isEqualTo(-1);
        assertThat(c.clusterOf(6)).isEqualTo(-1);
        assertThat(c.clusterCount()).isEqualTo(1);
        for (int i = 2; i <= 4; i++) {
            assertThat(detector.jaccard(norm(BASE), norm(texts.get(i)))).as("text %d", i).isGreaterThanOrEqualTo(0.8);
        }
    }

    @Test
    void unrelatedTextsDoNotCluster() {
        Random rnd = new Random(42);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            texts.add(randomSentence(rnd, 12));
        }
        NearDuplicateDetector.Clusters c = detector.cluster(texts);
        assertThat(c.clusterCount()).isZero();
        assertThat(c.clusterOf()).containsOnly(-1);
    }

    @Test
    void thresholdIsRespectedOnConstructedPairs() {
        // Pairs whose exact Jaccard is just above and just below 0.8: a long sentence with a growing
        // edited tail. Exact verification decides for texts of post length.
        Random rnd = new Random(7);
        String base = randomSentence(rnd, 30);
        int above = 0;
        int below = 0;
        for (int cut = 1; cut < 60; cut++) {
            String edited = base.substring(0, base.length() - cut) + randomLetters(rnd, cut);
            double j = detector.jaccard(norm(base), norm(edited));
            if (Math.abs(j - 0.8) < 0.002) {
                continue; // too close to call with floating point
            }
            boolean together = detector.cluster(List.of(base, edited)).clusterCount() == 1;
            assertThat(together).as("cut %d, Jaccard %.3f", cut, j).isEqualTo(j >= 0.8);
            if (j >= 0.8) {
                above++;
            } else if (j > 0.7) {
                below++;
            }
        }
        assertThat(above).isPositive();
        assertThat(below).isPositive();
    }

    @Test
    void minHashEstimateDecidesForLongTextsNearTheThreshold() {
        NearDuplicateDetector estimateOnly = new NearDuplicateDetector(NearDupParams.defaults().withExactMaxLength(0));
        Random rnd = new Random(11);
        int clearlyAbove = 0;
        int clearlyBelow = 0;
        for (int trial = 0; trial < 200; trial++) {
            String base = randomSentence(rnd, 40);
            int cut = 5 + rnd.nextInt(150);
            String edited = base.substring(0, Math.max(0, base.length() - cut)) + randomLetters(rnd, cut);
            double j = estimateOnly.jaccard(norm(base), norm(edited));
            boolean together = estimateOnly.cluster(List.of(base, edited)).clusterCount() == 1;
            if (j >= 0.92) {
                assertThat(together).as("Jaccard %.3f", j).isTrue();
                clearlyAbove++;
            } else if (j <= 0.6) {
                assertThat(together).as("Jaccard %.3f", j).isFalse();
                clearlyBelow++;
            }
        }
        assertThat(clearlyAbove).isPositive();
        assertThat(clearlyBelow).isPositive();
    }

    @Test
    void lshFindsAlmostAllPairsAtTheThreshold() {
        // 300 pairs of Jaccard ≥ 0.8 hidden among unrelated texts: all must be found (exact verification)
        Random rnd = new Random(3);
        List<String> texts = new ArrayList<>();
        List<int[]> pairs = new ArrayList<>();
        NearDuplicateDetector probe = detector;
        while (pairs.size() < 300) {
            String base = randomSentence(rnd, 25);
            String edited = base.substring(0, base.length() - 12) + randomLetters(rnd, 12);
            if (probe.jaccard(norm(base), norm(edited)) < 0.8) {
                continue;
            }
            pairs.add(new int[] {texts.size(), texts.size() + 1});
            texts.add(base);
            texts.add(edited);
            texts.add(randomSentence(rnd, 20));
        }
        NearDuplicateDetector.Clusters c = detector.cluster(texts);
        for (int[] p : pairs) {
            assertThat(c.clusterOf(p[0])).isNotEqualTo(-1).isEqualTo(c.clusterOf(p[1]));
        }
        assertThat(c.clusterCount()).isEqualTo(300);
    }

    @Test
    void deterministicForASeedAndSeedIndependentOnClearCases() {
        Random rnd = new Random(5);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String s = randomSentence(rnd, 15);
            texts.add(s);
            if (i % 3 == 0) {
                texts.add(s.substring(0, s.length() - 3) + "xyz");
            }
        }
        NearDuplicateDetector a = new NearDuplicateDetector(NearDupParams.defaults().withSeed(99));
        NearDuplicateDetector b = new NearDuplicateDetector(NearDupParams.defaults().withSeed(99));
        NearDuplicateDetector other = new NearDuplicateDetector(NearDupParams.defaults().withSeed(12345));
        int[] first = a.cluster(texts).clusterOf();
        assertThat(b.cluster(texts).clusterOf()).isEqualTo(first);
        assertThat(a.cluster(texts).clusterOf()).isEqualTo(first);
        assertThat(other.cluster(texts).clusterOf()).isEqualTo(first);
    }

    @Test
    void emptyInput() {
        assertThat(detector.cluster(List.of()).clusterCount()).isZero();
        assertThat(detector.traces(List.<Post>of())).isEmpty();
    }

    @Test
    void veryShortAndMissingTextsAreIgnored() {
        List<String> texts = new ArrayList<>();
        texts.add("ok thanks!");
        texts.add("ok thanks!!");
        texts.add("Ok Thanks!");
        texts.add(null);
        texts.add("   ");
        texts.add("@bob https://t.co/x");
        texts.add("@carol https://t.co/y");
        NearDuplicateDetector.Clusters c = detector.cluster(texts);
        assertThat(c.clusterCount()).isZero();
        assertThat(c.clusterOf()).containsOnly(-1);
    }

    @Test
    void tracesOnlyForClustersOfAtLeastTwoAccounts() {
        String other = "Completely different: the new bridge opens on monday for cyclists and walkers";
        List<Post> posts = List.of(
                Post.of("p1", "alice", 100).withText(BASE),
                Post.of("p2", "bob", 105).withText(BASE.replace("twice", "twice!!")),
                Post.of("p3", "carol", 110).withText("Lemon cake with fresh berries and vanilla sugar, my favourite"),
                Post.of("p4", "dave", 120).withText(other),
                Post.of("p5", "dave", 130).withText(other + "!"),
                Post.of("p6", "erin", 140).withText("short"),
                Post.of("p7", "alice", 150).withText("@x " + BASE));
        List<Trace> traces = detector.traces(posts);
        assertThat(traces).containsExactly(
                new Trace("alice", "textnear:0", 100, "p1", CoActionType.CO_TEXT_NEAR),
                new Trace("bob", "textnear:0", 105, "p2", CoActionType.CO_TEXT_NEAR),
                new Trace("alice", "textnear:0", 150, "p7", CoActionType.CO_TEXT_NEAR));
    }

    @Test
    void giantBucketOfTemplatedTextsStaysOneCluster() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            texts.add(BASE + " #" + i);
        }
        NearDuplicateDetector.Clusters c = detector.cluster(texts);
        assertThat(c.clusterCount()).isEqualTo(1);
        assertThat(c.clusterOf()).containsOnly(0);
        assertThat(c.candidatePairs()).isLessThan(3000L * 16 * NearDupParams.DEFAULT_MAX_BUCKET_PROBES);
    }

    @Test
    void sCurve() {
        NearDupParams p = NearDupParams.defaults();
        assertThat(p.candidateProbability(0.8)).isGreaterThan(0.999);
        assertThat(p.candidateProbability(0.2)).isLessThan(0.03);
    }

    private static String norm(String s) {
        return org.vigie.detect.coaction.TextNormalizer.normalize(s);
    }

    static String randomSentence(Random rnd, int words) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                sb.append(' ');
            }
            sb.append(randomLetters(rnd, 3 + rnd.nextInt(6)));
        }
        return sb.toString();
    }

    static String randomLetters(Random rnd, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            sb.append((char) ('a' + rnd.nextInt(26)));
        }
        return sb.toString();
    }
}
