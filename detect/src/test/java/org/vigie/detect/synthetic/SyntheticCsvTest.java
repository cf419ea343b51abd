package org.vigie.detect.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.detect.input.ErrorBudget;
import org.vigie.detect.input.InputFormat;
import org.vigie.detect.input.Post;
import org.vigie.detect.input.PostReader;

class SyntheticCsvTest {

    @TempDir
    Path dir;

    @Test
    void postsRoundTripThroughPostReaderAndTruthListsEveryAccount() throws IOException {
        SyntheticPosts set = new SyntheticPosts(SyntheticSettings.builder().seed(3).posts(8_000)
                .organicAccounts(1_000).groups(4).viralBursts(2).burstSize(100, 200).contentPoolSize(500).build());
        Path posts = SyntheticCsv.writeAll(set, dir, true);
        List<Post> read = new ArrayList<>();
        try (PostReader reader = PostReader.open(posts, null, ErrorBudget.none())) {
            assertThat(reader.format()).isEqualTo(InputFormat.VIGIE_CSV);
            reader.forEachRemaining(read::add);
            assertThat(reader.report().errors()).isZero();
        }
        assertThat(read).isEqualTo(set.stream().toList());

        List<String> truth = Files.readAllLines(dir.resolve("truth.csv"));
        assertThat(truth.get(0)).isEqualTo("account_id,group_id");
        assertThat(truth).hasSize(1 + set.truth().accounts().size());
        long planted = set.truth().groups().values().stream().mapToLong(g -> g.members().size()).sum();
        assertThat(truth.stream().skip(1).filter(l -> !l.endsWith(",")).count()).isEqualTo(planted);
        String member = set.truth().groups().get("g2").members().get(0);
        assertThat(truth).contains(member + ",g2");

        List<String> groups = Files.readAllLines(dir.resolve("groups.csv"));
        assertThat(groups).hasSize(5);
        assertThat(groups.get(0)).isEqualTo("group_id,size,behaviours,jitter_seconds,episodes");
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        Post p = Post.of("1", "tw_a", 1_767_225_600L).withText("a, \"quoted\"\nline").withUrls(List.of("https://x.org/?a=1,2"));
        Path file = dir.resolve("one.csv");
        SyntheticCsv.writePosts(List.of(p).iterator(), file);
        try (PostReader reader = PostReader.open(file, null, ErrorBudget.none())) {
            assertThat(reader.next()).isEqualTo(p);
        }
    }
}
