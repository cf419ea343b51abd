package org.vigie.detect.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.datasets.Datasets;
import org.vigie.detect.input.ErrorBudget;
import org.vigie.detect.input.InputFormat;
import org.vigie.detect.input.PostReader;

/** The two real datasets Vigie ships, end to end through {@link Detection} at the default settings. */
class RealDatasetsDetectionTest {

    @Test
    void germanElections2021() throws IOException {
        DetectionResult result = run(Datasets.GERMAN_ELECTIONS_2021, DetectionSettings.defaults());
        System.out.println(summary("german", result));

        assertThat(result.input().format()).isEqualTo(InputFormat.MULTI_PLATFORM);
        assertThat(result.input().posts()).isEqualTo(216_923);
        assertThat(result.tracesByType()).containsEntry(CoActionType.CO_LINK, 50_400L)
                .containsEntry(CoActionType.CO_IMAGE, 20_042L).containsEntry(CoActionType.CO_HASHTAG, 49_686L);
        assertThat(result.groups()).hasSizeGreaterThan(10);
        assertConsistent(result, 2);
    }

    /**
     * Few accounts of this set co-retweet often: CooRTweet's own settings (W = 60 s, M = 2, above the median
     * weight) give mostly pairs of accounts with 2 to 4 co-retweets; Vigie's defaults, which ask for at least
     * three rare co-shares on two objects and groups of three, keep only the strongest of them.
     */
    @Test
    void russianRetweets() throws IOException {
        DetectionResult defaults = run(Datasets.RUSSIAN_COORD_TWEETS, DetectionSettings.defaults());
        DetectionResult coortweet = run(Datasets.RUSSIAN_COORD_TWEETS, DetectionSettings.coortweet(60, 2));
        System.out.println(summary("russian", defaults));
        System.out.println(summary("russian (coortweet 60 s, 2)", coortweet));

        assertThat(defaults.input().format()).isEqualTo(InputFormat.COORTWEET);
        assertThat(defaults.traces()).isEqualTo(35_125);
        assertThat(defaults.tracesByType()).containsOnlyKeys(CoActionType.CO_REPOST);
        assertThat(defaults.edges()).isNotEmpty().hasSizeLessThan(coortweet.edges().size());
        assertConsistent(defaults, 2);
        assertThat(coortweet.groups()).isNotEmpty();
        assertConsistent(coortweet, -1); // CooRTweet's edges do not count distinct objects
    }

    private static DetectionResult run(Datasets dataset, DetectionSettings settings) throws IOException {
        try (PostReader reader = PostReader.open(dataset.open(), null, ErrorBudget.DEFAULT)) {
            return new Detection(settings).run(reader);
        }
    }

    /** Groups, accounts and edges tell the same story whatever the data. */
    private static void assertConsistent(DetectionResult result, int minObjects) {
        Map<String, AccountNode> accounts = new HashMap<>();
        result.accounts().forEach(a -> accounts.put(a.accountId(), a));
        assertThat(result.accounts()).allSatisfy(a -> assertThat(a.score()).isBetween(0.0, 1.0));
        assertThat(result.edges()).allSatisfy(e -> {
            assertThat(accounts).containsKeys(e.accountId(), e.accountIdY());
            assertThat(e.objects()).isGreaterThanOrEqualTo(minObjects);
            assertThat(e.weight()).isGreaterThanOrEqualTo(result.weightThreshold());
        });
        double previous = Double.MAX_VALUE;
        for (CoordinatedGroup g : result.groups()) {
            assertThat(g.weight()).isLessThanOrEqualTo(previous);
            previous = g.weight();
            assertThat(g.size()).isGreaterThanOrEqualTo(result.settings().minGroupSize());
            assertThat(g.members()).allSatisfy(m -> assertThat(accounts.get(m).groupId()).isEqualTo(g.id()));
            assertThat(g.topObjects()).isNotEmpty().allSatisfy(o -> assertThat(o.accounts()).isGreaterThanOrEqualTo(2));
            assertThat(g.evidence()).isNotEmpty().allSatisfy(p -> {
                assertThat(g.members()).contains(p.accountId());
                assertThat(g.topObjects()).extracting(SharedObject::objectId).contains(p.objectId());
            });
            assertThat(g.firstSeen()).isLessThanOrEqualTo(g.lastSeen());
        }
        assertThat(result.groupedAccounts())
                .isEqualTo(result.groups().stream().mapToLong(CoordinatedGroup::size).sum());
    }

    private static String summary(String name, DetectionResult r) {
        return name + ": " + r.input().posts() + " posts, " + r.traces() + " traces " + r.tracesByType() + ", window "
                + r.windowSeconds() + " s, " + r.pairs() + " pairs, " + r.edges().size() + " edges (threshold "
                + r.weightThreshold() + "), " + r.groups().size() + " groups, " + r.groupedAccounts()
                + " grouped accounts, largest " + r.groups().stream().mapToInt(CoordinatedGroup::size).max().orElse(0);
    }
}
