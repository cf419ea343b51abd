package org.vigie.detect.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.vigie.detect.coaction.CoActionExtractor;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.coaction.TextNormalizer;
import org.vigie.detect.synthetic.SyntheticPosts;
import org.vigie.detect.synthetic.SyntheticSettings;

/** A network built with a minimum weight (two sweeps) is the one-sweep network filtered afterwards. */
class TwoPassNetworkTest {
    static TraceTable table() {
        TraceTable table = new TraceTable();
        CoActionExtractor extractor = new CoActionExtractor(EnumSet.of(CoActionType.CO_REPOST, CoActionType.CO_LINK,
                CoActionType.CO_HASHTAG), TextNormalizer.DEFAULT_MIN_LENGTH);
        new SyntheticPosts(SyntheticSettings.builder().posts(20_000).organicAccounts(3_000).build())
                .forEach(p -> extractor.extract(p, table::add));
        return table;
    }

    @Test
    void withAMinimumWeightTheEdgesAndTheWeightQuantileAreThoseOfOneSweepFiltered() {
        TraceTable table = table();
        for (boolean idf : new boolean[] {false, true}) {
            CoordinationNetwork.Options options = CoordinationNetwork.Options.window(120).withMinParticipation(2)
                    .withIdf(idf);
            CoordinationNetwork one = CoordinationNetwork.build(table, options);
            CoordinationNetwork two = CoordinationNetwork.build(table, options.withMinWeight(4));

            assertThat(two.edges()).isNotEmpty().isEqualTo(one.withMinWeight(4).edges());
            assertThat(two.edges().size()).isLessThan(one.edges().size());
            assertThat(two.pairCount()).isEqualTo(one.pairCount());
            assertThat(two.weightQuantile(0.9)).isEqualTo(one.weightQuantile(0.9));
        }
    }

    @Test
    void withoutEveryWeightOnlyPairsOfAccountsMeetingTwiceAreTabledAndTheEdgesAreTheSame() {
        TraceTable table = table();
        int[] traces = new int[table.accounts().size()];
        for (int r = 0; r < table.size(); r++) {
            traces[table.account(r)]++;
        }
        long accounts = java.util.Arrays.stream(traces).filter(t -> t >= 2).count();
        double rareShare = Math.log((accounts + 1) / 2.0); // the heaviest a single co-action pair can weigh
        for (boolean idf : new boolean[] {false, true}) {
            double minWeight = idf ? 2.5 * rareShare : 4;
            CoordinationNetwork.Options options = CoordinationNetwork.Options.window(120).withMinParticipation(2)
                    .withIdf(idf);
            CoordinationNetwork one = CoordinationNetwork.build(table, options);
            CoordinationNetwork repeated = CoordinationNetwork.build(table,
                    options.withMinWeight(minWeight).withAllWeights(false));

            assertThat(repeated.edges()).isNotEmpty().isEqualTo(one.withMinWeight(minWeight).edges());
            assertThat(repeated.pairCount()).isEqualTo(one.pairCount());
            assertThatThrownBy(() -> repeated.weightQuantile(0.5)).isInstanceOf(IllegalStateException.class);
        }
    }
}
