package org.vigie.server.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigie.server.reference.DisarmFramework;

/**
 * The DISARM techniques seen in a set of reports, as the framework's matrix: its phases over their
 * tactics, one column per tactic, and in each only the techniques seen, with how many reports use
 * them and a shade from 1 (seen once or little) to 5 (the most seen).
 */
public record DisarmHeatMap(List<PhaseSpan> phases, List<Column> columns, long max, int techniques) {

    public record PhaseSpan(DisarmFramework.Phase phase, int span) {
    }

    public record Column(DisarmFramework.Tactic tactic, List<Cell> cells) {
    }

    public record Cell(String id, String name, long reports, int level) {
    }

    public boolean empty() {
        return techniques == 0;
    }

    static DisarmHeatMap of(DisarmFramework disarm, List<ElectionOverviews.TechniqueCount> counts) {
        long max = counts.stream().mapToLong(ElectionOverviews.TechniqueCount::reports).max().orElse(0);
        Map<String, List<Cell>> byTactic = new LinkedHashMap<>();
        int seen = 0;
        for (ElectionOverviews.TechniqueCount count : counts) {
            if (count.tacticId() == null || count.reports() == 0) {
                continue; // not in the catalogue: reports are checked against it, so only an older catalogue's id
            }
            int level = (int) Math.max(1, Math.ceil(5.0 * count.reports() / max));
            byTactic.computeIfAbsent(count.tacticId(), t -> new ArrayList<>()).add(new Cell(count.id(), count.name(), count.reports(), level));
            seen++;
        }
        List<PhaseSpan> phases = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (DisarmFramework.Tactic tactic : disarm.tactics()) {
            PhaseSpan last = phases.isEmpty() ? null : phases.get(phases.size() - 1);
            if (last != null && last.phase().equals(tactic.phase())) {
                phases.set(phases.size() - 1, new PhaseSpan(last.phase(), last.span() + 1));
            } else {
                phases.add(new PhaseSpan(tactic.phase(), 1));
            }
            List<Cell> cells = new ArrayList<>(byTactic.getOrDefault(tactic.id(), List.of()));
            cells.sort(Comparator.comparingLong(Cell::reports).reversed().thenComparing(Cell::id));
            columns.add(new Column(tactic, List.copyOf(cells)));
        }
        return new DisarmHeatMap(List.copyOf(phases), List.copyOf(columns), max, seen);
    }
}
