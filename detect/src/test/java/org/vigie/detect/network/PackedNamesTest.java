package org.vigie.detect.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PackedNamesTest {
    @Test
    void givesBackEveryNameByItsNumberAcrossPages() {
        PackedNames names = new PackedNames();
        String[] samples = {"1234567890123456789", "post-é-😀", "", "x".repeat(1000)};
        int n = 20_000; // 20,000 × ~250 bytes: several 4 MB pages
        for (int i = 0; i < n; i++) {
            assertThat(names.add(samples[i % samples.length] + i)).isEqualTo(i);
        }
        assertThat(names.size()).isEqualTo(n);
        for (int i = 0; i < n; i += 997) {
            assertThat(names.name(i)).isEqualTo(samples[i % samples.length] + i);
        }
        assertThatThrownBy(() -> names.name(n)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aTableOfPostsNumbersPostsAndPrintsTheirIds() {
        TraceTable table = TraceTable.ofPosts();
        int post = table.addPost("1478523690");
        int account = table.account("alice");
        table.add(account, "url:https://example.org", 100, post, org.vigie.detect.coaction.CoActionType.CO_LINK);
        table.add(account, "hashtag:x", 100, post, org.vigie.detect.coaction.CoActionType.CO_HASHTAG);

        assertThat(table.content(0)).isEqualTo(table.content(1)).isEqualTo(post);
        assertThat(table.contents().name(table.content(1))).isEqualTo("1478523690");
        assertThat(table.trace(1).contentId()).isEqualTo("1478523690");
    }
}
