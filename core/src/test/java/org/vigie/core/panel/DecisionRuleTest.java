package org.vigie.core.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecisionRuleTest {

    private final UUID a = new UUID(0, 1);
    private final UUID b = new UUID(0, 2);
    private final UUID c = new UUID(0, 3);
    private final UUID d = new UUID(0, 4);
    private final UUID e = new UUID(0, 5);
    private final Set<UUID> five = Set.of(a, b, c, d, e);

    @Test
    void consensusAnnouncesWhenEveryMemberWhoIsNotRecusedIsInFavour() {
        Tally tally = DecisionRule.consensus().apply(five, Set.of(),
                Map.of(a, Position.ANNOUNCE, b, Position.ANNOUNCE, c, Position.ANNOUNCE, d, Position.ANNOUNCE, e, Position.ANNOUNCE));

        assertThat(tally.outcome()).isEqualTo(Outcome.PUBLIC_ANNOUNCEMENT);
        assertThat(tally.dissenters()).isEmpty();
    }

    @Test
    void oneDissentingMemberBlocksAnAnnouncementUnderConsensus() {
        Tally tally = DecisionRule.consensus().apply(five, Set.of(),
                Map.of(a, Position.ANNOUNCE, b, Position.ANNOUNCE, c, Position.ANNOUNCE, d, Position.ANNOUNCE, e, Position.DO_NOT_ANNOUNCE));

        assertThat(tally.outcome()).isEqualTo(Outcome.NO_PUBLIC_ANNOUNCEMENT);
        assertThat(tally.dissenters()).containsExactly(a, b, c, d);
    }

    @Test
    void aRecusedMembersPositionIsNotCounted() {
        Tally tally = DecisionRule.consensus().apply(five, Set.of(e),
                Map.of(a, Position.ANNOUNCE, b, Position.ANNOUNCE, c, Position.ANNOUNCE, d, Position.ANNOUNCE, e, Position.DO_NOT_ANNOUNCE));

        assertThat(tally.outcome()).isEqualTo(Outcome.PUBLIC_ANNOUNCEMENT);
        assertThat(tally.eligible()).isEqualTo(4);
        assertThat(tally.counted()).doesNotContainKey(e);
    }

    @Test
    void consensusWaitsForEveryMemberWhoIsNotRecused() {
        Tally tally = DecisionRule.consensus().apply(five, Set.of(), Map.of(a, Position.ANNOUNCE, b, Position.DO_NOT_ANNOUNCE));

        assertThat(tally.decided()).isFalse();
        assertThat(tally.pendingReason()).isEqualTo("waiting for 3 of 5 members");
    }

    @Test
    void anAbstentionBlocksConsensus() {
        Tally tally = DecisionRule.consensus().apply(Set.of(a, b), Set.of(), Map.of(a, Position.ANNOUNCE, b, Position.ABSTAIN));

        assertThat(tally.outcome()).isEqualTo(Outcome.NO_PUBLIC_ANNOUNCEMENT);
    }

    @Test
    void quorumNeedsEnoughPositionsThenAStrictMajority() {
        DecisionRule rule = DecisionRule.quorum(3);

        assertThat(rule.apply(five, Set.of(), Map.of(a, Position.ANNOUNCE, b, Position.ANNOUNCE)).decided()).isFalse();
        assertThat(rule.apply(five, Set.of(), Map.of(a, Position.ANNOUNCE, b, Position.ANNOUNCE, c, Position.DO_NOT_ANNOUNCE)).outcome())
                .isEqualTo(Outcome.PUBLIC_ANNOUNCEMENT);
        assertThat(rule.apply(five, Set.of(), Map.of(a, Position.ANNOUNCE, b, Position.ABSTAIN, c, Position.DO_NOT_ANNOUNCE, d, Position.ANNOUNCE))
                .outcome()).as("a tie does not announce").isEqualTo(Outcome.NO_PUBLIC_ANNOUNCEMENT);
    }

    @Test
    void recusalsCanMakeAQuorumUnreachable() {
        Tally tally = DecisionRule.quorum(4).apply(five, Set.of(a, b), Map.of(c, Position.ANNOUNCE, d, Position.ANNOUNCE, e, Position.ANNOUNCE));

        assertThat(tally.decided()).isFalse();
        assertThat(tally.pendingReason()).isEqualTo("only 3 members are not recused; the quorum is 4");
    }

    @Test
    void aQuorumRuleNeedsAQuorum() {
        assertThatThrownBy(() -> new DecisionRule(DecisionRule.Kind.QUORUM, null)).hasMessageContaining("quorum");
        assertThatThrownBy(() -> new DecisionRule(DecisionRule.Kind.CONSENSUS, 3)).hasMessageContaining("no quorum");
    }
}
