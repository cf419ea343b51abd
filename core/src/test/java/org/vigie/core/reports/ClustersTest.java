package org.vigie.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClustersTest {

    @Test
    void reportsSharingAKeyFormOneCluster() {
        List<Clusters.Cluster<String>> clusters = Clusters.<String>create()
                .link("a", "url evil.example/login")
                .link("b", "url evil.example/login")
                .clusters(2);

        assertThat(clusters).hasSize(1);
        assertThat(clusters.get(0).reports()).containsExactly("a", "b");
        assertThat(clusters.get(0).keys()).containsExactly(new Clusters.SharedKey<>("url evil.example/login", 2));
    }

    @Test
    void linksAreTransitiveThroughDifferentKeys() {
        Clusters<String> links = Clusters.<String>create()
                .link("a", "ip 203.0.113.5").link("b", "ip 203.0.113.5")
                .link("b", "actor storm").link("c", "actor storm")
                .link("c", "domain other.example").link("d", "domain other.example");

        List<Clusters.Cluster<String>> clusters = links.clusters(2);

        assertThat(clusters).hasSize(1);
        assertThat(clusters.get(0).reports()).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(clusters.get(0).keys()).extracting(Clusters.SharedKey::key)
                .containsExactlyInAnyOrder("ip 203.0.113.5", "actor storm", "domain other.example");
        assertThat(links.connected("a", "d")).isTrue();
    }

    @Test
    void aReportAloneIsNoClusterAndAKeyCarriedByOneReportLinksNothing() {
        List<Clusters.Cluster<String>> clusters = Clusters.<String>create()
                .link("a", "k1").link("b", "k1")
                .link("c", "k2")
                .link("a", "k3")
                .clusters(2);

        assertThat(clusters).hasSize(1);
        assertThat(clusters.get(0).reports()).containsExactly("a", "b");
        assertThat(clusters.get(0).keys()).extracting(Clusters.SharedKey::key).containsExactly("k1");
    }

    @Test
    void separateGroupsStaySeparateLargestFirst() {
        Clusters<String> links = Clusters.<String>create()
                .link("x1", "small").link("x2", "small")
                .link("y1", "big").link("y2", "big").link("y3", "big");

        List<Clusters.Cluster<String>> clusters = links.clusters(2);

        assertThat(clusters).extracting(Clusters.Cluster::size).containsExactly(3, 2);
        assertThat(clusters.get(0).reports()).containsExactly("y1", "y2", "y3");
        assertThat(links.connected("x1", "y1")).isFalse();
    }

    @Test
    void theMinimumSizeLeavesOutSmallerClusters() {
        Clusters<String> links = Clusters.<String>create()
                .link("x1", "small").link("x2", "small")
                .link("y1", "big").link("y2", "big").link("y3", "big");

        assertThat(links.clusters(3)).hasSize(1);
        assertThat(links.clusters(0)).hasSize(2); // never below pairs
    }

    @Test
    void aRepeatedLinkCountsOnce() {
        List<Clusters.Cluster<String>> clusters = Clusters.<String>create()
                .link("a", "k").link("a", "k").link("b", "k").link("b", "k")
                .clusters(2);

        assertThat(clusters.get(0).reports()).containsExactly("a", "b");
        assertThat(clusters.get(0).keys()).containsExactly(new Clusters.SharedKey<>("k", 2));
    }

    @Test
    void keysAreListedMostSharedFirst() {
        List<Clusters.Cluster<String>> clusters = Clusters.<String>create()
                .link("a", "pair").link("b", "pair")
                .link("a", "trio").link("b", "trio").link("c", "trio")
                .clusters(2);

        assertThat(clusters.get(0).keys()).containsExactly(new Clusters.SharedKey<>("trio", 3), new Clusters.SharedKey<>("pair", 2));
    }

    @Test
    void directEdgesJoinComponentsToo() {
        Clusters<String> links = Clusters.<String>create().join("a", "b").join("c", "d").join("b", "c");

        assertThat(links.clusters(2)).singleElement().extracting(Clusters.Cluster::size).isEqualTo(4);
    }

    @Test
    void aLongChainIsOneClusterWithoutDeepRecursion() {
        Clusters<Integer> links = Clusters.create();
        int reports = 200_000;
        for (int i = 0; i < reports; i++) {
            links.link("r" + i, i);
            links.link("r" + (i + 1), i);
        }
        List<Clusters.Cluster<Integer>> clusters = links.clusters(2);

        assertThat(clusters).singleElement().extracting(Clusters.Cluster::size).isEqualTo(reports + 1);
        assertThat(links.connected("r0", "r" + reports)).isTrue();
    }

    @Test
    void nothingLinkedGivesNoCluster() {
        assertThat(Clusters.<String>create().clusters(2)).isEmpty();
        assertThat(Clusters.<String>create().connected("a", "b")).isFalse();
    }
}
