package org.vigie.detect.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.coaction.Trace;
import org.vigie.detect.input.Post;
import org.vigie.detect.network.NetworkEdge;
import org.vigie.detect.network.TraceTable;

/** Groups on hand-made networks: components, Leiden inside them, scores and evidence. */
class GroupsTest {
    private static final DetectionSettings SETTINGS = DetectionSettings.defaults();

    @Test
    void twoCliquesJoinedByOneEdgeBecomeTwoGroupsOfOneComponent() {
        List<NetworkEdge> edges = new ArrayList<>();
        edges.addAll(clique("a", 5, 10));
        edges.addAll(clique("b", 5, 10));
        edges.add(edge("a0", "b0", 1));

        Groups groups = find(edges, new TraceTable());

        assertThat(groups.groups()).extracting(CoordinatedGroup::members)
                .extracting(m -> m.stream().sorted().toList())
                .containsExactlyInAnyOrder(List.of("a0", "a1", "a2", "a3", "a4"), List.of("b0", "b1", "b2", "b3", "b4"));
        assertThat(groups.groups()).extracting(CoordinatedGroup::component).containsOnly(0);
        assertThat(groups.groups()).allSatisfy(g -> {
            assertThat(g.edges()).isEqualTo(10);
            assertThat(g.density()).isEqualTo(1.0);
            assertThat(g.weight()).isEqualTo(100.0);
            assertThat(g.pairsByType()).containsEntry(CoActionType.CO_LINK, 100L);
        });
    }

    @Test
    void aCliqueWithMissingEdgesStaysOneGroup() {
        // a random-looking dense group (not every pair co-acted) has no significant community structure
        List<NetworkEdge> edges = new ArrayList<>(clique("m", 12, 5));
        edges.removeIf(e -> (e.accountId().hashCode() + e.accountIdY().hashCode()) % 3 == 0);

        Groups groups = find(edges, new TraceTable());

        assertThat(groups.groups()).singleElement().satisfies(g -> assertThat(g.size()).isEqualTo(12));
    }

    @Test
    void separateComponentsAreSeparateGroupsOrderedByWeight() {
        List<NetworkEdge> edges = new ArrayList<>();
        edges.addAll(clique("light", 4, 1));
        edges.addAll(clique("heavy", 4, 9));

        List<CoordinatedGroup> groups = find(edges, new TraceTable()).groups();

        assertThat(groups).extracting(CoordinatedGroup::id).containsExactly(0, 1);
        assertThat(groups).extracting(CoordinatedGroup::component).containsExactly(0, 1);
        assertThat(groups.get(0).members()).allMatch(m -> m.startsWith("heavy"));
        assertThat(groups.get(1).members()).allMatch(m -> m.startsWith("light"));
    }

    @Test
    void aPairIsNotAGroupAndItsAccountsScoreZero() {
        Groups groups = find(List.of(edge("x", "y", 50)), new TraceTable());

        assertThat(groups.groups()).isEmpty();
        assertThat(groups.accounts()).extracting(AccountNode::accountId).containsExactly("x", "y");
        assertThat(groups.accounts()).allSatisfy(a -> {
            assertThat(a.inGroup()).isFalse();
            assertThat(a.score()).isZero();
            assertThat(a.degree()).isEqualTo(1);
            assertThat(a.strength()).isEqualTo(50.0);
        });
    }

    @Test
    void scoresAreInZeroOneAndFallForMembersTiedOutsideOrWeakly() {
        List<NetworkEdge> edges = new ArrayList<>(clique("c", 6, 10));
        edges.addAll(clique("d", 6, 10));
        edges.add(edge("c5", "d0", 10)); // c5 also coordinates with a member of another group
        edges.add(edge("c0", "c8", 1)); // c8 and c9 take part weakly
        edges.add(edge("c1", "c8", 1));
        edges.add(edge("c0", "c9", 1));
        edges.add(edge("c1", "c9", 1));

        Groups groups = find(edges, new TraceTable());

        assertThat(groups.groups()).hasSize(2);
        assertThat(groups.accounts()).allSatisfy(a -> assertThat(a.score()).isBetween(0.0, 1.0));
        assertThat(score(groups, "c0")).isEqualTo(1.0); // the most engaged, all of it inside its group
        assertThat(score(groups, "c5")).isLessThan(score(groups, "c2")); // a sixth of its weight is outside
        assertThat(score(groups, "c9")).isGreaterThan(0).isLessThan(0.05);
        CoordinatedGroup c = groups.groups().stream().filter(g -> g.members().contains("c2")).findFirst().orElseThrow();
        assertThat(c.members()).startsWith("c0").endsWith("c8", "c9");
    }

    @Test
    void aStarOrAChainIsNotAGroup() {
        // linked to the others through a single tie each: coincidences, not a group acting together
        List<NetworkEdge> edges = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            edges.add(edge("hub", "leaf" + i, 20));
        }
        edges.add(edge("p1", "p2", 20));
        edges.add(edge("p2", "p3", 20));
        edges.add(edge("p3", "p4", 20));
        edges.addAll(clique("t", 3, 1)); // the smallest group: a triangle
        edges.add(edge("t0", "tail", 30)); // its tail is cut off

        Groups groups = find(edges, new TraceTable());

        assertThat(groups.groups()).singleElement().extracting(CoordinatedGroup::members).asList()
                .containsExactlyInAnyOrder("t0", "t1", "t2");
        assertThat(groups.accounts()).filteredOn(a -> !a.accountId().matches("t\\d"))
                .allSatisfy(a -> assertThat(a.inGroup()).isFalse());
    }

    @Test
    void evidenceListsTheObjectsMembersSharedAndTheirPosts() {
        List<NetworkEdge> edges = clique("e", 3, 5);
        TraceTable table = new TraceTable();
        for (int i = 0; i < 3; i++) {
            table.add(new Trace("e" + i, "url:https://site.example/a", 1_000 + i, "p" + i, CoActionType.CO_LINK));
            table.add(new Trace("e" + i, "hashtag:campaign", 2_000 + i, "q" + i, CoActionType.CO_HASHTAG));
        }
        table.add(new Trace("e0", "hashtag:campaign", 2_500, "q9", CoActionType.CO_HASHTAG));
        table.add(new Trace("e1", "url:https://alone.example", 500, "r1", CoActionType.CO_LINK)); // one member only
        table.add(new Trace("outsider", "url:https://site.example/a", 900, "o1", CoActionType.CO_LINK));

        CoordinatedGroup group = find(edges, table).groups().get(0);

        assertThat(group.topObjects()).containsExactly(
                new SharedObject(CoActionType.CO_HASHTAG, "hashtag:campaign", 3, 4),
                new SharedObject(CoActionType.CO_LINK, "url:https://site.example/a", 3, 3));
        assertThat(group.topObjects().get(1).value()).isEqualTo("https://site.example/a");
        assertThat(group.evidence()).hasSize(7).extracting(EvidencePost::postId)
                .containsExactly("p0", "p1", "p2", "q0", "q1", "q2", "q9");
        assertThat(group.evidence().get(0)).isEqualTo(
                new EvidencePost("p0", "e0", 1_000, CoActionType.CO_LINK, "url:https://site.example/a"));
        assertThat(group.firstSeen()).isEqualTo(1_000);
        assertThat(group.lastSeen()).isEqualTo(2_500);
    }

    @Test
    void evidenceIsCappedPerObject() {
        List<NetworkEdge> edges = clique("v", 3, 5);
        TraceTable table = new TraceTable();
        for (int i = 0; i < 100; i++) {
            table.add(new Trace("v" + (i % 3), "repost:viral", i, "p" + i, CoActionType.CO_REPOST));
        }

        CoordinatedGroup group = find(edges, table).groups().get(0);

        assertThat(group.evidence()).hasSize(GroupEvidence.EVIDENCE_PER_OBJECT);
        assertThat(group.topObjects()).singleElement().extracting(SharedObject::shares).isEqualTo(100L);
        assertThat(group.lastSeen()).isEqualTo(99);
    }

    @Test
    void platformsComeFromTheMembersPosts() {
        Detection.Accounts facts = new Detection.Accounts();
        facts.saw(post("k0", "twitter"));
        facts.saw(post("k1", "facebook"));
        facts.saw(post("k2", "twitter"));

        CoordinatedGroup group = Groups.find(clique("k", 3, 5), new TraceTable(), facts, SETTINGS).groups().get(0);

        assertThat(group.platforms()).containsExactly("facebook", "twitter");
    }

    @Test
    void sameNetworkSameGroups() {
        List<NetworkEdge> edges = new ArrayList<>();
        for (int g = 0; g < 30; g++) {
            edges.addAll(clique("g" + g + "_", 4 + g % 5, 1 + g % 7));
            edges.add(edge("g" + g + "_0", "g" + (g + 1) + "_0", 1)); // one chain: a single component
        }

        Groups first = find(edges, new TraceTable());
        Groups second = find(List.copyOf(edges), new TraceTable());

        assertThat(second.groups()).isEqualTo(first.groups());
        assertThat(second.accounts()).isEqualTo(first.accounts());
        assertThat(first.groups()).isNotEmpty();
    }

    @Test
    void anEmptyNetworkHasNoGroups() {
        Groups groups = find(List.of(), new TraceTable());

        assertThat(groups.groups()).isEmpty();
        assertThat(groups.accounts()).isEmpty();
    }

    @Test
    void tenThousandGroupsInOneLargeNetwork() {
        // 10,000 cliques of 6 (150,000 edges): tallies and evidence are one pass each, never per group
        List<NetworkEdge> edges = new ArrayList<>();
        TraceTable table = new TraceTable();
        for (int g = 0; g < 10_000; g++) {
            edges.addAll(clique("n" + g + "_", 6, 2));
            for (int m = 0; m < 6; m++) {
                table.add(new Trace("n" + g + "_" + m, "url:u" + g, g, "p" + g + "_" + m, CoActionType.CO_LINK));
            }
        }

        List<CoordinatedGroup> groups = find(edges, table).groups();

        assertThat(groups).hasSize(10_000).allSatisfy(g -> {
            assertThat(g.size()).isEqualTo(6);
            assertThat(g.topObjects()).singleElement().extracting(SharedObject::accounts).isEqualTo(6);
        });
    }

    private static Groups find(List<NetworkEdge> edges, TraceTable table) {
        return Groups.find(edges, table, new Detection.Accounts(), SETTINGS);
    }

    private static double score(Groups groups, String account) {
        return groups.accounts().stream().filter(a -> a.accountId().equals(account)).findFirst().orElseThrow()
                .score();
    }

    /** Every pair of {@code prefix0..prefix(n-1)}, each of weight {@code w} with w co-link pairs. */
    static List<NetworkEdge> clique(String prefix, int n, double w) {
        List<NetworkEdge> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                out.add(edge(prefix + i, prefix + j, w));
            }
        }
        return out;
    }

    static NetworkEdge edge(String a, String b, double w) {
        String lo = a.compareTo(b) < 0 ? a : b;
        String hi = a.compareTo(b) < 0 ? b : a;
        long[] byType = new long[CoActionType.values().length];
        byType[CoActionType.CO_LINK.ordinal()] = (long) w;
        return new NetworkEdge(lo, hi, (long) w, w, 1, 1.0, 1, 1, 1.0, byType);
    }

    private static Post post(String account, String platform) {
        return new Post("p-" + account, account, null, platform, 0, null, null, null, null, null, null, null, null,
                null);
    }
}
