package org.vigie.detect.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupScoreTest {

    static final Map<String, List<String>> PLANTED = new LinkedHashMap<>();

    static {
        PLANTED.put("g0", List.of("a1", "a2", "a3", "a4"));
        PLANTED.put("g1", List.of("b1", "b2", "b3", "b4", "b5", "b6"));
        PLANTED.put("g2", List.of("c1", "c2"));
    }

    static List<String> g(String... ids) {
        return Arrays.asList(ids);
    }

    @Test
    void perfectDetection() {
        GroupScore s = GroupScore.score(List.copyOf(PLANTED.values()), PLANTED);
        assertThat(s.precision()).isEqualTo(1.0);
        assertThat(s.recall()).isEqualTo(1.0);
        assertThat(s.matches()).containsExactly("g0", "g1", "g2");
    }

    @Test
    void halfCoverageCountsButLessDoesNot() {
        GroupScore s = GroupScore.score(List.of(g("a1", "a2"), g("b1", "b2")), PLANTED);
        // a1,a2 = 2/4 of g0 (≥ 50 %): match; b1,b2 = 2/6 of g1: no match
        assertThat(s.matches()).containsExactly("g0", null);
        assertThat(s.precision()).isEqualTo(0.5);
        assertThat(s.recall()).isEqualTo(1.0 / 3);
    }

    @Test
    void purityMustBeStrictlyMoreThanHalf() {
        // 3 of g0 + 3 organic: purity exactly 0.5, not a match; 3 of g0 + 2 organic: a match
        GroupScore s = GroupScore.score(List.of(g("a1", "a2", "a3", "x1", "x2", "x3"), g("a1", "a2", "a3", "x1", "x2")),
                PLANTED);
        assertThat(s.matches()).containsExactly(null, "g0");
        assertThat(s.truePositives()).isEqualTo(1);
        assertThat(s.detectedAccounts()).isEqualTo(6);
        assertThat(s.accountPrecision()).isEqualTo(0.5);
        assertThat(s.recalled()).isEqualTo(1);
    }

    @Test
    void mergingTwoEqualGroupsMatchesNeither() {
        GroupScore s = GroupScore.score(List.of(g("a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4")),
                Map.of("g0", List.of("a1", "a2", "a3", "a4"), "g1", List.of("b1", "b2", "b3", "b4")));
        assertThat(s.matches()).containsExactly((String) null);
        assertThat(s.precision()).isEqualTo(0.0);
        assertThat(s.recall()).isEqualTo(0.0);
        assertThat(s.f1()).isEqualTo(0.0);
    }

    @Test
    void mergingADominantGroupWithASmallOneMatchesTheDominant() {
        GroupScore s = GroupScore.score(List.of(g("b1", "b2", "b3", "b4", "b5", "b6", "c1", "c2")), PLANTED);
        assertThat(s.matches()).containsExactly("g1");
        assertThat(s.recall()).isEqualTo(1.0 / 3);
    }

    @Test
    void splitHalvesAreTwoTruePositivesForOneRecalledGroup() {
        GroupScore s = GroupScore.score(List.of(g("b1", "b2", "b3"), g("b4", "b5", "b6")), PLANTED);
        assertThat(s.truePositives()).isEqualTo(2);
        assertThat(s.recalled()).isEqualTo(1);
        assertThat(s.precision()).isEqualTo(1.0);
    }

    @Test
    void emptyCasesAndDuplicates() {
        assertThat(GroupScore.score(List.of(), PLANTED).precision()).isEqualTo(1.0);
        assertThat(GroupScore.score(List.of(), PLANTED).accountPrecision()).isEqualTo(1.0);
        assertThat(GroupScore.score(List.of(), PLANTED).recall()).isEqualTo(0.0);
        assertThat(GroupScore.score(List.of(g("x1", "x2")), Map.of()).recall()).isEqualTo(1.0);
        assertThat(GroupScore.score(List.of(g("x1", "x2")), Map.of()).precision()).isEqualTo(0.0);
        GroupScore s = GroupScore.score(List.of(g(), g("c1", "c1", "c2")), PLANTED);
        assertThat(s.detected()).isEqualTo(1);
        assertThat(s.matches()).containsExactly("g2");
        assertThat(s.toString()).isEqualTo("precision 1.000 (1/1), recall 0.333 (1/3)");
    }

    @Test
    void anAccountInTwoPlantedGroupsIsRefused() {
        assertThatThrownBy(() -> GroupScore.score(List.of(), Map.of("g0", List.of("a"), "g1", List.of("a"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void worksOnGroundTruth() {
        SyntheticPosts set = new SyntheticPosts(SyntheticPostsTest.SMALL);
        GroupScore s = GroupScore.score(set.truth().memberSets().values(), set.truth().memberSets());
        assertThat(s.precision()).isEqualTo(1.0);
        assertThat(s.recall()).isEqualTo(1.0);
    }
}
