package org.vigie.core.panel;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The result of applying a decision rule: either an outcome, or why no decision can be taken yet.
 * {@code dissenters} are the counted members whose position differs from the outcome (for
 * PUBLIC_ANNOUNCEMENT: those not in favour; for NO_PUBLIC_ANNOUNCEMENT: those in favour).
 *
 * @param outcome null while pending
 * @param pendingReason null once decided
 */
public record Tally(DecisionRule rule, int eligible, Map<UUID, Position> counted, Outcome outcome, String pendingReason) {

    public Tally {
        counted = Map.copyOf(counted);
    }

    static Tally decided(DecisionRule rule, int eligible, Map<UUID, Position> counted, Outcome outcome) {
        return new Tally(rule, eligible, counted, outcome, null);
    }

    static Tally pending(DecisionRule rule, int eligible, Map<UUID, Position> counted, String reason) {
        return new Tally(rule, eligible, counted, null, reason);
    }

    public boolean decided() {
        return outcome != null;
    }

    public List<UUID> dissenters() {
        if (outcome == null) {
            return List.of();
        }
        Position majority = outcome == Outcome.PUBLIC_ANNOUNCEMENT ? Position.ANNOUNCE : Position.DO_NOT_ANNOUNCE;
        return counted.entrySet().stream()
                .filter(e -> outcome == Outcome.PUBLIC_ANNOUNCEMENT ? e.getValue() != majority : e.getValue() == Position.ANNOUNCE)
                .map(Map.Entry::getKey).sorted().toList();
    }
}
