package org.vigie.detect.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.coaction.Trace;
import org.vigie.detect.network.CoordinationNetwork;
import org.vigie.detect.network.TraceTable;

/** The edge filters of the defaults, in rare co-shares. */
class EdgeFilterTest {

    @Test
    void withIdfTheWeightUnitIsOneCoShareOfAnObjectOnlyTheTwoAccountsShared() {
        TraceTable table = accounts(99, 2); // 99 accounts with two traces each, one with a single trace
        EdgeFilter filter = EdgeFilter.of(DetectionSettings.defaults(), table);

        assertThat(filter.unit()).isCloseTo(Math.log(100 / 2.0), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(filter.minWeight()).isEqualTo(3 * filter.unit());
        assertThat(filter.minMeanWeight()).isEqualTo(0.5 * filter.unit());
        assertThat(filter.minObjects()).isEqualTo(2);
    }

    @Test
    void withoutIdfTheUnitIsOnePair() {
        EdgeFilter filter = EdgeFilter.of(DetectionSettings.defaults().withIdf(false), accounts(10, 2));

        assertThat(filter.unit()).isEqualTo(1.0);
        assertThat(filter.minWeight()).isEqualTo(3.0);
        assertThat(filter.minMeanWeight()).isZero();
    }

    @Test
    void twoRareCoSharesAreNotEnoughThreeAreAndManyCoSharesOfWidelySharedObjectsAreNot() {
        // 106 accounts; a and b co-share 2 rare objects, c and d 3; e and f 12 objects that 30 accounts shared
        TraceTable table = accounts(100, 2);
        share(table, "a", "b", "rare1", "rare2");
        share(table, "c", "d", "rare3", "rare4", "rare5");
        String[] common = new String[12];
        for (int i = 0; i < common.length; i++) {
            common[i] = "common" + i;
            for (int k = 0; k < 28; k++) {
                table.add(new Trace("acc" + k, "url:" + common[i], 10_000L * (i + 1) + 500 + k, "x" + i + "_" + k,
                        CoActionType.CO_LINK));
            }
        }
        share(table, "e", "f", common);
        DetectionSettings settings = DetectionSettings.defaults();
        CoordinationNetwork all = CoordinationNetwork.build(table,
                CoordinationNetwork.Options.window(settings.windowSeconds()).withMinParticipation(2).withIdf(true));

        List<String> kept = pairs(EdgeFilter.of(settings, table).apply(all));
        List<String> keptWithoutRarity = pairs(EdgeFilter.of(settings.withMinRarity(0), table).apply(all));

        assertThat(kept).containsExactly("c-d");
        // 12 co-shares at ln(107/30) each weigh 3.8 rare co-shares: only the mean rarity rule stops them
        assertThat(keptWithoutRarity).contains("c-d", "e-f").doesNotContain("a-b");
    }

    private static List<String> pairs(CoordinationNetwork network) {
        return network.edges().stream().map(e -> e.accountId() + "-" + e.accountIdY()).toList();
    }

    @Test
    void settingsRefuseNonsense() {
        assertThatThrownBy(() -> DetectionSettings.defaults().withMinObjects(0))
                .hasMessageContaining("min objects");
        assertThatThrownBy(() -> DetectionSettings.defaults().withMinRarity(1.5))
                .hasMessageContaining("min rarity");
    }

    private static TraceTable accounts(int n, int traces) {
        TraceTable table = new TraceTable();
        for (int a = 0; a < n; a++) {
            for (int t = 0; t < traces; t++) {
                table.add(new Trace("acc" + a, "hashtag:own" + a + "_" + t, 1_000_000 + t, "own" + a + "_" + t,
                        CoActionType.CO_HASHTAG));
            }
        }
        table.add(new Trace("single", "hashtag:single", 0, "s", CoActionType.CO_HASHTAG));
        return table;
    }

    /** Accounts x and y share each object within a few seconds. */
    private static void share(TraceTable table, String x, String y, String... objects) {
        for (int i = 0; i < objects.length; i++) {
            long t = 10_000L * (i + 1) + 500;
            table.add(new Trace(x, "url:" + objects[i], t, x + objects[i], CoActionType.CO_LINK));
            table.add(new Trace(y, "url:" + objects[i], t + 5, y + objects[i], CoActionType.CO_LINK));
        }
    }
}
