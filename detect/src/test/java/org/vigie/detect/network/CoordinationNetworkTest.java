package org.vigie.detect.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vigie.detect.coaction.CoActionType;

class CoordinationNetworkTest {

    private static TraceTable table() {
        TraceTable t = new TraceTable();
        t.add("a", "repost:o1", 0, "pa1", CoActionType.CO_REPOST);
        t.add("b", "repost:o1", 1, "pb1", CoActionType.CO_REPOST);
        t.add("c", "repost:o1", 2, "pc1", CoActionType.CO_REPOST);
        t.add("b", "url:o2", 100, "pb2", CoActionType.CO_LINK);
        t.add("a", "url:o2", 104, "pa2", CoActionType.CO_LINK);
        t.add("a", "url:o2", 300, "pa3", CoActionType.CO_LINK); // outside the window
        return t;
    }

    private static NetworkEdge edge(CoordinationNetwork n, String a, String b) {
        return n.edges().stream().filter(e -> e.accountId().equals(a) && e.accountIdY().equals(b))
                .findFirst().orElseThrow();
    }

    @Test
    void edgesCountPairsObjectsDeltasAndTypes() {
        CoordinationNetwork n = CoordinationNetwork.build(table(), CoordinationNetwork.Options.window(10));

        assertThat(n.pairCount()).isEqualTo(4);
        assertThat(n.edges()).extracting(NetworkEdge::accountId, NetworkEdge::accountIdY).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", "b"), org.assertj.core.groups.Tuple.tuple("a", "c"),
                org.assertj.core.groups.Tuple.tuple("b", "c"));
        NetworkEdge ab = edge(n, "a", "b");
        assertThat(ab.pairs()).isEqualTo(2);
        assertThat(ab.weight()).isEqualTo(2.0);
        assertThat(ab.objects()).isEqualTo(2);
        assertThat(ab.avgTimeDelta()).isEqualTo(2.5);
        assertThat(ab.nContentId()).isEqualTo(2);   // pa1, pb2 (the older shares)
        assertThat(ab.nContentIdY()).isEqualTo(2);  // pb1, pa2
        assertThat(ab.edgeSymmetryScore()).isEqualTo(1.0);
        assertThat(ab.pairs(CoActionType.CO_REPOST)).isEqualTo(1);
        assertThat(ab.pairs(CoActionType.CO_LINK)).isEqualTo(1);
        assertThat(edge(n, "a", "c").avgTimeDelta()).isEqualTo(2.0);
    }

    @Test
    void idfDownWeightsObjectsSharedByMoreAccounts() {
        CoordinationNetwork n = CoordinationNetwork.build(table(),
                CoordinationNetwork.Options.window(10).withIdf(true));
        // A = 3 accounts; o1 has 3 -> ln(4/3) per pair; o2 has 2 -> ln(2)
        assertThat(edge(n, "a", "b").weight()).isCloseTo(Math.log(4.0 / 3) + Math.log(2), within(1e-12));
        assertThat(edge(n, "a", "c").weight()).isCloseTo(Math.log(4.0 / 3), within(1e-12));
        assertThat(edge(n, "a", "b").pairs()).isEqualTo(2);
    }

    @Test
    void minParticipationDropsAccountsBeforePairing() {
        CoordinationNetwork n = CoordinationNetwork.build(table(),
                CoordinationNetwork.Options.window(10).withMinParticipation(2));
        assertThat(n.edges()).extracting(NetworkEdge::accountId, NetworkEdge::accountIdY)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "b"));
    }

    @Test
    void weightFilters() {
        CoordinationNetwork n = CoordinationNetwork.build(table(), CoordinationNetwork.Options.window(10));
        // weights 2, 1, 1
        assertThat(n.withMinWeight(2).edges()).extracting(NetworkEdge::accountIdY).containsExactly("b");
        assertThat(n.weightQuantile(0.5)).isEqualTo(1.0);
        assertThat(n.withWeightAboveQuantile(0.5).edges()).extracting(NetworkEdge::accountIdY).containsExactly("b");
        assertThat(n.withWeightAboveQuantile(1.0).edges()).isEmpty();
    }

    @Test
    void emptyInput() {
        CoordinationNetwork n = CoordinationNetwork.build(new TraceTable(), CoordinationNetwork.Options.window(10));
        assertThat(n.edges()).isEmpty();
        assertThat(n.weightQuantile(0.5)).isNaN();
    }
}
