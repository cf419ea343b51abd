package org.vigie.detect.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.detect.coaction.CoActionType;

/** Hand-made cases whose expected results were worked out by hand from coortweet-compat.md. */
class CoorTweetCompatTest {

    private static TraceTable rows(String[][] rows) {
        TraceTable t = new TraceTable();
        for (String[] r : rows) {
            // object_id, account_id, content_id, timestamp_share
            t.add(r[1], r[0], Long.parseLong(r[3]), r[2], CoActionType.CO_REPOST);
        }
        return t;
    }

    private static CoorTweetCompat.Edge edge(CoorTweetCompat.Result result, String a, String b) {
        return result.edges().stream().filter(e -> e.accountId().equals(a) && e.accountIdY().equals(b))
                .findFirst().orElseThrow(() -> new AssertionError("no edge " + a + " -- " + b));
    }

    @Test
    void tiesKeepStepOneOrderAndEdgesPutTheByteWiseSmallerAccountFirst() {
        // b appears first in the input, so at Δt = 0 b's share is content_id
        CoorTweetCompat.Result result = CoorTweetCompat.run(rows(new String[][] {
                {"o1", "b", "c1", "100"},
                {"o1", "a", "c2", "100"},
                {"o1", "c", "c3", "105"},
                {"o1", "a", "c4", "120"}, // 15 s after c3, 20 after c1: outside W
        }), 10, 1);

        assertThat(result.pairs()).containsExactlyInAnyOrder(
                new CoorTweetCompat.Pair("o1", "c1", "c2", "b", "a", 0),
                new CoorTweetCompat.Pair("o1", "c1", "c3", "b", "c", 5),
                new CoorTweetCompat.Pair("o1", "c2", "c3", "a", "c", 5));
        assertThat(result.edges()).extracting(CoorTweetCompat.Edge::accountId, CoorTweetCompat.Edge::accountIdY)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "b"),
                        org.assertj.core.groups.Tuple.tuple("a", "c"),
                        org.assertj.core.groups.Tuple.tuple("b", "c"));
        assertThat(edge(result, "a", "b").avgTimeDelta()).isEqualTo(0.0);
        assertThat(edge(result, "b", "c").avgTimeDelta()).isEqualTo(5.0);
    }

    @Test
    void tiesFollowTheAccountsFirstAppearanceNotTheRowOrderOnTheObject() {
        CoorTweetCompat.Result result = CoorTweetCompat.run(rows(new String[][] {
                {"o2", "a", "c0", "0"}, // a appears first
                {"o1", "b", "c1", "100"},
                {"o1", "a", "c2", "100"},
        }), 10, 1);

        assertThat(result.pairs()).containsExactly(new CoorTweetCompat.Pair("o1", "c2", "c1", "a", "b", 0));
    }

    @Test
    void windowIsInclusive() {
        CoorTweetCompat.Result result = CoorTweetCompat.run(rows(new String[][] {
                {"o1", "a", "c1", "0"},
                {"o1", "b", "c2", "10"},
                {"o1", "c", "c3", "21"},
        }), 10, 1);

        assertThat(result.pairs()).containsExactly(new CoorTweetCompat.Pair("o1", "c1", "c2", "a", "b", 10));
    }

    @Test
    void loopsAreRemoved() {
        CoorTweetCompat.Result result = CoorTweetCompat.run(rows(new String[][] {
                {"t1", "x", "t1", "0"},   // the original post: object == content
                {"t1", "y", "r1", "3"},   // pair (x, y) dropped: object == content_id
                {"o2", "x", "k", "0"},
                {"o2", "y", "k", "1"},    // same content on both sides: dropped
                {"o3", "x", "m1", "0"},
                {"o3", "x", "m2", "1"},   // same account: dropped
                {"o4", "x", "n1", "0"},
                {"o4", "y", "n2", "4"},   // kept
        }), 10, 1);

        assertThat(result.pairs()).containsExactly(new CoorTweetCompat.Pair("o4", "n1", "n2", "x", "y", 4));
    }

    @Test
    void participationIsFilteredBeforeAndAfterPairing() {
        CoorTweetCompat.Result result = CoorTweetCompat.run(rows(new String[][] {
                {"o1", "p", "cp1", "0"},
                {"o2", "p", "cp2", "0"},
                {"o1", "q", "cq1", "1"},
                {"o3", "q", "cq2", "1000"},
                {"o2", "r", "cr1", "2"},   // r has one row: out before pairing
                {"o2", "s", "cs1", "3"},
                {"o9", "s", "cs2", "0"},
                {"o4", "u", "cu1", "0"},
                {"o5", "u", "cu2", "500"},
                {"o4", "v", "cv1", "5"},
                {"o6", "v", "cv2", "900"},
        }), 10, 2);

        // C = {cp1, cq1, cp2, cs1, cu1, cv1}; rows in C: p 2, q 1, s 1, u 1, v 1 -> F = {cp1, cp2}:
        // p-q and p-s stay (one side in F), u-v goes (neither side in F)
        assertThat(result.pairs()).containsExactlyInAnyOrder(
                new CoorTweetCompat.Pair("o1", "cp1", "cq1", "p", "q", 1),
                new CoorTweetCompat.Pair("o2", "cp2", "cs1", "p", "s", 3));
        assertThat(result.edges()).hasSize(2);
    }

    @Test
    void distinctContentsAndSymmetry() {
        CoorTweetCompat.Result result = CoorTweetCompat.run(rows(new String[][] {
                {"o1", "a", "ca", "0"},
                {"o1", "b", "cb1", "1"},
                {"o1", "b", "cb2", "2"},
        }), 10, 1);

        CoorTweetCompat.Edge e = edge(result, "a", "b");
        assertThat(e.weight()).isEqualTo(2);
        assertThat(e.avgTimeDelta()).isEqualTo(1.5);
        assertThat(e.nContentId()).isEqualTo(1);
        assertThat(e.nContentIdY()).isEqualTo(2);
        assertThat(e.edgeSymmetryScore()).isEqualTo(0.5);
    }

    @Test
    void contentColumnsAreNotSwappedWithTheAccounts() {
        // z shares first, so content_id is z's share although account_id is a (byte-wise smaller)
        CoorTweetCompat.Result result = CoorTweetCompat.run(rows(new String[][] {
                {"o1", "z", "cz1", "0"},
                {"o1", "a", "ca1", "1"},
                {"o2", "z", "cz2", "0"},
                {"o2", "a", "ca2", "1"},
                {"o3", "z", "cz2", "0"},  // the same post on a second object (two URLs in one post)
                {"o3", "a", "ca3", "1"},
        }), 10, 1);

        CoorTweetCompat.Edge e = edge(result, "a", "z");
        assertThat(e.weight()).isEqualTo(3);
        assertThat(e.nContentId()).isEqualTo(2);  // cz1, cz2
        assertThat(e.nContentIdY()).isEqualTo(3); // ca1, ca2, ca3
        assertThat(e.edgeSymmetryScore()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void weightThresholdIsStrictlyAboveTheType7Quantile() {
        String[][] rows = {
                {"x1", "a", "a1", "0"}, {"x1", "b", "b1", "1"},
                {"x2", "a", "a2", "0"}, {"x2", "b", "b2", "1"},
                {"x3", "a", "a3", "0"}, {"x3", "b", "b3", "1"},
                {"x4", "a", "a4", "0"}, {"x4", "b", "b4", "1"},
                {"y1", "c", "c1", "0"}, {"y1", "d", "d1", "2"},
                {"y2", "c", "c2", "0"}, {"y2", "d", "d2", "2"},
                {"z1", "e", "e1", "0"}, {"z1", "f", "f1", "3"},
                {"w1", "g", "g1", "0"}, {"w1", "h", "h1", "4"},
        };
        // weights sorted 1, 1, 2, 4; E = 0.5: index 2.5 -> 1 + 0.5 * (2 - 1) = 1.5
        CoorTweetCompat.Result median = CoorTweetCompat.run(rows(rows), 10, 1);
        assertThat(median.weightQuantile()).isEqualTo(1.5);
        assertThat(median.edges()).extracting(CoorTweetCompat.Edge::accountId, CoorTweetCompat.Edge::weight,
                CoorTweetCompat.Edge::weightThreshold).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", 4L, 1),
                org.assertj.core.groups.Tuple.tuple("c", 2L, 1),
                org.assertj.core.groups.Tuple.tuple("e", 1L, 0),
                org.assertj.core.groups.Tuple.tuple("g", 1L, 0));
        // E = 0.75: index 3.25 -> 0.75 * 2 + 0.25 * 4 = 2.5
        CoorTweetCompat.Result upper = CoorTweetCompat.run(rows(rows), 10, 1, 0.75);
        assertThat(upper.weightQuantile()).isEqualTo(2.5);
        assertThat(upper.edges()).filteredOn(e -> e.weightThreshold() == 1)
                .extracting(CoorTweetCompat.Edge::accountId).containsExactly("a");
        // E = 0.5 on equal weights: nothing is strictly above
        CoorTweetCompat.Result flat = CoorTweetCompat.run(rows(new String[][] {
                {"x1", "a", "a1", "0"}, {"x1", "b", "b1", "1"},
                {"y1", "c", "c1", "0"}, {"y1", "d", "d1", "1"},
        }), 10, 1);
        assertThat(flat.edges()).allMatch(e -> e.weightThreshold() == 0);
    }

    @Test
    void emptyInputGivesAnEmptyResult() {
        CoorTweetCompat.Result result = CoorTweetCompat.run(new TraceTable(), 60, 2);
        assertThat(result.pairCount()).isZero();
        assertThat(result.edges()).isEmpty();
        assertThat(result.weightQuantile()).isNaN();
    }

    @Test
    void accountOrderIsByteWiseNotUtf16() {
        // U+FF5E (UTF-8 EF BD 9E) sorts before U+1F600 (F0 9F 98 80) byte-wise, after it in UTF-16 units
        String bmp = "\uFF5E";
        String astral = new String(Character.toChars(0x1F600));
        assertThat(AccountOrder.compareUtf8(bmp, astral)).isNegative();
        assertThat(bmp.compareTo(astral)).isPositive();
        CoorTweetCompat.Result result = CoorTweetCompat.run(rows(new String[][] {
                {"o1", astral, "c1", "0"},
                {"o1", bmp, "c2", "1"},
        }), 10, 1);
        assertThat(result.edges()).singleElement().satisfies(e -> {
            assertThat(e.accountId()).isEqualTo(bmp);
            assertThat(e.accountIdY()).isEqualTo(astral);
        });
        assertThat(List.of(result.pair(0).accountId())).containsExactly(astral);
    }
}
