package org.vigie.detect.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigie.detect.coaction.CoActionExtractor;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.datasets.Datasets;

/**
 * Reads the two real datasets Vigie ships ({@link Datasets}, copied from {@code ../shared/datasets} with their
 * MIT licence) to the end. The expected figures were counted independently with {@code zcat | awk}.
 */
class RealDatasetsTest {

    @Test
    void germanElections2021MultiPlatform() throws IOException {
        Map<CoActionType, Long> traces = new EnumMap<>(CoActionType.class);
        Set<String> platforms = new HashSet<>();
        CoActionExtractor extractor = CoActionExtractor.allTypes();
        InputReport report;
        try (PostReader reader = PostReader.open(Datasets.GERMAN_ELECTIONS_2021.open(), null, ErrorBudget.DEFAULT)) {
            reader.forEachRemaining(post -> {
                platforms.add(post.platform());
                extractor.extract(post, t -> traces.merge(t.type(), 1L, Long::sum));
            });
            report = reader.report();
        }

        assertThat(report.format()).isEqualTo(InputFormat.MULTI_PLATFORM);
        assertThat(report.rowsRead()).isEqualTo(218_971);
        // three rows have no post_id (and no object): reported, not silently dropped
        assertThat(report.errors()).isEqualTo(3);
        assertThat(report.firstErrors()).extracting(RowError::line).containsExactly(41_002L, 50_977L, 72_320L);
        assertThat(report.firstErrors()).extracting(RowError::reason).containsOnly("empty post_id");
        // 194,323 distinct posts, 22,600 of them split over non-consecutive rows
        assertThat(report.posts()).isEqualTo(216_923);
        assertThat(platforms).containsExactlyInAnyOrder("facebook", "twitter");
        assertThat(traces.get(CoActionType.CO_LINK)).isEqualTo(50_400);
        assertThat(traces.get(CoActionType.CO_IMAGE)).isEqualTo(20_042);
        assertThat(traces.get(CoActionType.CO_HASHTAG)).isEqualTo(49_686);
        assertThat(traces).doesNotContainKeys(CoActionType.CO_REPOST, CoActionType.CO_TEXT, CoActionType.CO_REPLY);
    }

    @Test
    void russianRetweetsCoortweet() throws IOException {
        Set<String> objects = new HashSet<>();
        InputReport report;
        try (PostReader reader = PostReader.open(Datasets.RUSSIAN_COORD_TWEETS.open(), null, ErrorBudget.none())) {
            new CoActionExtractor(Set.of(CoActionType.CO_REPOST), 10).traces(reader)
                    .forEachRemaining(t -> objects.add(t.objectId()));
            report = reader.report();
        }

        assertThat(report.format()).isEqualTo(InputFormat.COORTWEET);
        assertThat(report.rowsRead()).isEqualTo(35_125);
        assertThat(report.posts()).isEqualTo(35_125);
        assertThat(report.errors()).isZero();
        assertThat(objects).hasSize(7_285).allSatisfy(o -> assertThat(o).startsWith("repost:"));
    }
}
