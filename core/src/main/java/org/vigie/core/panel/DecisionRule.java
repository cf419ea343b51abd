package org.vigie.core.panel;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * How a panel decides. CONSENSUS: the decision waits until every member who is not recused has taken a
 * position; it is an announcement only if every one of them is ANNOUNCE (a single DO_NOT_ANNOUNCE or
 * ABSTAIN blocks it). QUORUM: at least
 * {@code quorum} members who are not recused have taken a position and ANNOUNCE is a strict majority of
 * the positions taken (abstentions count toward the quorum, not toward the majority; a tie does not
 * announce).
 *
 * @param quorum null for CONSENSUS
 */
public record DecisionRule(Kind kind, Integer quorum) {

    public enum Kind { CONSENSUS, QUORUM }

    public DecisionRule {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.QUORUM && (quorum == null || quorum < 1)) {
            throw new IllegalArgumentException("a quorum rule needs a quorum of at least 1");
        }
        if (kind == Kind.CONSENSUS && quorum != null) {
            throw new IllegalArgumentException("a consensus rule has no quorum");
        }
    }

    public static DecisionRule consensus() {
        return new DecisionRule(Kind.CONSENSUS, null);
    }

    public static DecisionRule quorum(int quorum) {
        return new DecisionRule(Kind.QUORUM, quorum);
    }

    /**
     * Applies the rule.
     *
     * @param members   every member of the panel
     * @param recused   members who do not take part in this referral (their positions are ignored)
     * @param positions the latest position of each member who took one
     */
    public Tally apply(Set<UUID> members, Set<UUID> recused, Map<UUID, Position> positions) {
        Map<UUID, Position> counted = new TreeMap<>();
        positions.forEach((member, position) -> {
            if (members.contains(member) && !recused.contains(member)) {
                counted.put(member, position);
            }
        });
        int eligible = (int) members.stream().filter(m -> !recused.contains(m)).count();
        long announce = counted.values().stream().filter(p -> p == Position.ANNOUNCE).count();
        long against = counted.values().stream().filter(p -> p == Position.DO_NOT_ANNOUNCE).count();
        long abstain = counted.size() - announce - against;
        return switch (kind) {
            case CONSENSUS -> consensus(eligible, counted, announce);
            case QUORUM -> majority(eligible, counted, announce, against, abstain);
        };
    }

    private Tally consensus(int eligible, Map<UUID, Position> counted, long announce) {
        if (eligible == 0) {
            return Tally.pending(this, eligible, counted, "no member who is not recused");
        }
        if (counted.size() < eligible) {
            return Tally.pending(this, eligible, counted,
                    "waiting for " + (eligible - counted.size()) + " of " + eligible + " members");
        }
        return Tally.decided(this, eligible, counted,
                announce == eligible ? Outcome.PUBLIC_ANNOUNCEMENT : Outcome.NO_PUBLIC_ANNOUNCEMENT);
    }

    private Tally majority(int eligible, Map<UUID, Position> counted, long announce, long against, long abstain) {
        if (eligible < quorum) {
            return Tally.pending(this, eligible, counted,
                    "only " + eligible + " members are not recused; the quorum is " + quorum);
        }
        if (counted.size() < quorum) {
            return Tally.pending(this, eligible, counted,
                    counted.size() + " positions taken; the quorum is " + quorum);
        }
        return Tally.decided(this, eligible, counted,
                announce > against + abstain ? Outcome.PUBLIC_ANNOUNCEMENT : Outcome.NO_PUBLIC_ANNOUNCEMENT);
    }
}
