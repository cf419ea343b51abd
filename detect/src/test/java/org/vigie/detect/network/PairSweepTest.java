package org.vigie.detect.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigie.detect.coaction.CoActionType;

class PairSweepTest {

    private static List<long[]> pairs(TraceTable t, int[] order, long window) {
        List<long[]> out = new ArrayList<>();
        PairSweep.sweep(t, order, window, (a, b) -> out.add(new long[] {a, b}));
        return out;
    }

    @Test
    void pairsDifferentAccountsOnTheSameObjectWithinTheInclusiveWindow() {
        TraceTable t = new TraceTable();
        t.add("a", "o1", 100, "p1", CoActionType.CO_LINK);  // 0
        t.add("b", "o1", 110, "p2", CoActionType.CO_LINK);  // 1: Δ 10 with 0
        t.add("c", "o1", 111, "p3", CoActionType.CO_LINK);  // 2: Δ 11 with 0, 1 with 1
        t.add("a", "o1", 112, "p4", CoActionType.CO_LINK);  // 3: same account as 0
        t.add("d", "o2", 100, "p5", CoActionType.CO_LINK);  // 4: other object

        List<long[]> pairs = pairs(t, PairSweep.order(t), 10);

        assertThat(pairs).containsExactly(
                new long[] {0, 1}, new long[] {1, 2}, new long[] {1, 3}, new long[] {2, 3});
    }

    @Test
    void theEarlierShareComesFirstAndTiesFollowTheRank() {
        TraceTable t = new TraceTable();
        t.add("a", "o1", 50, "p1", CoActionType.CO_LINK);
        t.add("b", "o1", 40, "p2", CoActionType.CO_LINK);
        t.add("c", "o1", 40, "p3", CoActionType.CO_LINK);

        assertThat(pairs(t, PairSweep.order(t), 60))
                .containsExactly(new long[] {1, 2}, new long[] {1, 0}, new long[] {2, 0});
        int[] rank = {0, 2, 1};
        assertThat(pairs(t, PairSweep.order(t, null, rank), 60))
                .containsExactly(new long[] {2, 1}, new long[] {2, 0}, new long[] {1, 0});
    }

    @Test
    void keepLeavesRowsOut() {
        TraceTable t = new TraceTable();
        t.add("a", "o1", 0, "p1", CoActionType.CO_LINK);
        t.add("b", "o1", 1, "p2", CoActionType.CO_LINK);
        t.add("c", "o1", 2, "p3", CoActionType.CO_LINK);
        int[] order = PairSweep.order(t, new boolean[] {true, false, true}, null);
        assertThat(order).containsExactly(0, 2);
        assertThat(pairs(t, order, 5)).containsExactly(new long[] {0, 2});
    }

    @Test
    void hugeTimeRangesUseTheGeneralSort() {
        TraceTable t = new TraceTable();
        t.add("a", "o1", Long.MAX_VALUE / 2, "p1", CoActionType.CO_LINK);
        t.add("b", "o1", -5, "p2", CoActionType.CO_LINK);
        t.add("c", "o1", -5, "p3", CoActionType.CO_LINK);
        assertThat(PairSweep.order(t)).containsExactly(1, 2, 0);
    }

    @Test
    void negativeWindowIsRefused() {
        TraceTable t = new TraceTable();
        assertThatThrownBy(() -> PairSweep.sweep(t, new int[0], -1, (a, b) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameSetAsTheQuadraticDefinitionOnRandomData() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            TraceTable t = new TraceTable();
            int n = 50 + random.nextInt(300);
            for (int i = 0; i < n; i++) {
                t.add("acc" + random.nextInt(20), "obj" + random.nextInt(15), random.nextInt(500), "p" + i,
                        CoActionType.CO_REPOST);
            }
            long window = random.nextInt(60);
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (t.object(i) == t.object(j) && t.account(i) != t.account(j)
                            && Math.abs(t.time(i) - t.time(j)) <= window) {
                        boolean iFirst = t.time(i) <= t.time(j);
                        expected.add(iFirst ? i + "-" + j : j + "-" + i);
                    }
                }
            }
            Set<String> actual = new HashSet<>();
            long count = PairSweep.sweep(t, PairSweep.order(t), window, (a, b) -> actual.add(a + "-" + b));
            assertThat(actual).isEqualTo(expected);
            assertThat(count).isEqualTo(expected.size());
        }
    }
}
