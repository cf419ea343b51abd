package org.vigie.server.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The written-ids set keeps exports of millions of objects in a few megabytes: it must still be a set. */
class IdSetTest {

    @Test
    void remembersEveryIdAcrossGrowthAndAddsEachOnce() {
        IdSet set = new IdSet();
        String[] ids = new String[200_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "indicator--" + new UUID(i, ~i);
            assertThat(set.add(ids[i])).isTrue();
        }
        for (String id : ids) {
            assertThat(set.contains(id)).isTrue();
            assertThat(set.add(id)).isFalse();
        }
        assertThat(set.size()).isEqualTo(ids.length);
        assertThat(set.contains("indicator--" + UUID.randomUUID())).isFalse();
    }
}
