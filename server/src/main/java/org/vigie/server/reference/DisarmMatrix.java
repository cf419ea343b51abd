package org.vigie.server.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.vigie.server.reference.DisarmFramework.Phase;
import org.vigie.server.reference.DisarmFramework.Tactic;
import org.vigie.server.reference.DisarmFramework.Technique;

/**
 * What the matrix page shows: phases spanning their tactics, one column per tactic, and in each
 * the techniques with their sub-techniques. Filtered by a search, a column keeps the techniques
 * that match and those with a matching sub-technique (opened, showing only the matching ones).
 *
 * <p>Public only so that templates can read it; other modules have no use for it.
 *
 * @param matches how many techniques and sub-techniques match, or -1 when nothing is searched
 */
public record DisarmMatrix(List<PhaseSpan> phases, List<Column> columns, int matches) {

    /** A phase heading over its {@code span} consecutive tactics. */
    public record PhaseSpan(Phase phase, int span) {
    }

    public record Column(Tactic tactic, List<Cell> cells) {
    }

    /**
     * @param match whether the search found this technique
     * @param open  whether its sub-techniques are shown open (one of them matches)
     */
    public record Cell(Technique technique, boolean match, boolean open, List<Cell> subtechniques) {
    }

    public boolean searched() {
        return matches >= 0;
    }

    static DisarmMatrix of(DisarmFramework disarm) {
        return build(disarm, null);
    }

    static DisarmMatrix searching(DisarmFramework disarm, String query) {
        Set<String> found = disarm.search(query).stream().map(Technique::id).collect(Collectors.toSet());
        return build(disarm, found);
    }

    /** @param found the ids that match a search, or null to show everything */
    private static DisarmMatrix build(DisarmFramework disarm, Set<String> found) {
        List<PhaseSpan> phases = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (Tactic tactic : disarm.tactics()) {
            PhaseSpan last = phases.isEmpty() ? null : phases.get(phases.size() - 1);
            if (last != null && last.phase().equals(tactic.phase())) {
                phases.set(phases.size() - 1, new PhaseSpan(last.phase(), last.span() + 1));
            } else {
                phases.add(new PhaseSpan(tactic.phase(), 1));
            }
            List<Cell> cells = new ArrayList<>();
            for (Technique technique : disarm.techniques(tactic.id())) {
                List<Technique> subtechniques = disarm.subtechniques(technique.id());
                if (found == null) {
                    cells.add(new Cell(technique, false, false, subtechniques.stream().map(s -> new Cell(s, false, false, List.of())).toList()));
                    continue;
                }
                boolean match = found.contains(technique.id());
                List<Cell> matchingSubs = subtechniques.stream().filter(s -> found.contains(s.id()))
                        .map(s -> new Cell(s, true, false, List.of())).toList();
                if (match) {
                    cells.add(new Cell(technique, true, !matchingSubs.isEmpty(), subtechniques.stream()
                            .map(s -> new Cell(s, found.contains(s.id()), false, List.of())).toList()));
                } else if (!matchingSubs.isEmpty()) {
                    cells.add(new Cell(technique, false, true, matchingSubs));
                }
            }
            columns.add(new Column(tactic, List.copyOf(cells)));
        }
        return new DisarmMatrix(List.copyOf(phases), List.copyOf(columns), found == null ? -1 : found.size());
    }
}
