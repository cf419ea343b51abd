package org.vigie.detect.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.input.InputReport;
import org.vigie.detect.input.Post;
import org.vigie.detect.neardup.NearDuplicateDetector;
import org.vigie.detect.synthetic.SyntheticPosts;
import org.vigie.detect.synthetic.SyntheticSettings;

/** The compact read path (post numbers, shared texts, a reading thread) gives what the plain classes give. */
class DetectionReadTest {
    static final List<Post> POSTS = new SyntheticPosts(SyntheticSettings.builder().posts(20_000)
            .organicAccounts(3_000).groups(4).viralBursts(1).burstSize(100, 200).build()).stream().toList();

    static DetectionResult run(EnumSet<CoActionType> types) {
        DetectionSettings settings = DetectionSettings.defaults().withTypes(types).withWindow(300)
                .withMinParticipation(1);
        return new Detection(settings).run(POSTS.iterator(), () -> new InputReport(null, 0, 0, 0, List.of()));
    }

    @Test
    void nearDuplicateTracesAreTheDetectorsWhetherTheTextsAreSharedWithCoTextOrNot() {
        List<Post> withText = POSTS.stream().filter(p -> p.text() != null).toList();
        long expected = new NearDuplicateDetector().traces(withText).size();

        DetectionResult shared = run(EnumSet.of(CoActionType.CO_TEXT, CoActionType.CO_TEXT_NEAR));
        DetectionResult alone = run(EnumSet.of(CoActionType.CO_TEXT_NEAR));

        assertThat(expected).isPositive();
        assertThat(shared.tracesByType().get(CoActionType.CO_TEXT_NEAR)).isEqualTo(expected);
        assertThat(alone.tracesByType().get(CoActionType.CO_TEXT_NEAR)).isEqualTo(expected);
        assertThat(alone.edges()).isEqualTo(run(EnumSet.of(CoActionType.CO_TEXT_NEAR)).edges());
    }

    @Test
    void accountsKeepTheirPostCountsAndPlatforms() {
        DetectionResult result = run(EnumSet.of(CoActionType.CO_REPOST, CoActionType.CO_LINK));

        assertThat(result.accounts()).isNotEmpty();
        AccountNode a = result.accounts().get(0);
        long posts = POSTS.stream().filter(p -> p.accountId().equals(a.accountId())).count();
        String platform = POSTS.stream().filter(p -> p.accountId().equals(a.accountId())).findFirst().get().platform();
        assertThat(a.posts()).isEqualTo(posts);
        assertThat(a.platform()).isEqualTo(platform);
    }

    @Test
    void readAheadDeliversEveryItemInOrderThenTheSourcesFailure() {
        Iterator<Integer> failing = new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                if (i == 3_000) {
                    throw new IllegalStateException("line 3001: broken");
                }
                return true;
            }

            @Override
            public Integer next() {
                return i++;
            }
        };
        List<Integer> seen = new ArrayList<>();
        try (ReadAhead<Integer> ahead = new ReadAhead<>(failing, "test-reader")) {
            assertThatThrownBy(() -> ahead.forEachRemaining(seen::add)).hasMessage("line 3001: broken");
        }
        assertThat(seen).hasSize(3_000).startsWith(0, 1, 2).endsWith(2_999);
    }

    @Test
    void readAheadEndsLikeItsSource() {
        try (ReadAhead<Integer> ahead = new ReadAhead<>(List.of(1, 2, 3).iterator(), "test-reader")) {
            List<Integer> seen = new ArrayList<>();
            ahead.forEachRemaining(seen::add);
            assertThat(seen).containsExactly(1, 2, 3);
            assertThat(ahead.hasNext()).isFalse();
            assertThatThrownBy(ahead::next).isInstanceOf(NoSuchElementException.class);
        }
    }
}
