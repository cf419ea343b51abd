package org.vigie.detect.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigie.detect.coaction.CoActionExtractor;
import org.vigie.detect.coaction.CoActionType;

/**
 * Reads the two real datasets of {@code ../shared/datasets} (see its README) to the end. They are not
 * copied into the repository: the directory is found by walking up from the working directory (or
 * given with {@code -Dvigie.datasets=DIR}), and a missing file fails the test rather than skipping it.
 * The expected figures were counted independently with {@code zcat | awk}.
 */
class RealDatasetsTest {

    static Path dataset(String name) {
        String given = System.getProperty("vigie.datasets");
        if (given != null) {
            return existing(Path.of(given).resolve(name));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("datasets").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("dataset " + name + " not found in shared/datasets above "
                + Path.of("").toAbsolutePath() + "; give its directory with -Dvigie.datasets=DIR");
    }

    private static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("dataset " + file + " not found (from -Dvigie.datasets)");
        }
        return file;
    }

    @Test
    void germanElections2021MultiPlatform() throws IOException {
        Map<CoActionType, Long> traces = new EnumMap<>(CoActionType.class);
        Set<String> platforms = new HashSet<>();
        CoActionExtractor extractor = CoActionExtractor.allTypes();
        InputReport report;
        try (PostReader reader = PostReader.open(dataset("german_elections_2021.csv.gz"), null, ErrorBudget.DEFAULT)) {
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
        try (PostReader reader = PostReader.open(dataset("russian_coord_tweets.csv.gz"), null, ErrorBudget.none())) {
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
