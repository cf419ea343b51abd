package org.vigie.server.reports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What changed between two versions of a report, field by field, in words a history page can show. */
final class ReportDiff {

    private ReportDiff() {
    }

    /**
     * One changed field. For lists, {@code added} and {@code removed} say which items; for single
     * values, {@code before} and {@code after}.
     */
    public record Change(String field, String before, String after, List<String> added, List<String> removed) {
    }

    static List<Change> between(Report older, Report newer) {
        List<Change> changes = new ArrayList<>();
        ReportDraft a = older.content();
        ReportDraft b = newer.content();
        value(changes, "title", a, b, ReportDraft::title);
        value(changes, "summary", a, b, ReportDraft::summary);
        value(changes, "firstSeen", a, b, ReportDraft::firstSeen);
        value(changes, "lastSeen", a, b, ReportDraft::lastSeen);
        value(changes, "election", a, b, ReportDraft::electionId);
        value(changes, "phase", a, b, ReportDraft::phase);
        value(changes, "outcome", a, b, ReportDraft::outcome);
        value(changes, "confidence", a, b, ReportDraft::confidence);
        value(changes, "admiralty", a, b, d -> d.admiralty() == null ? null : d.admiralty().code());
        list(changes, "types", a.types(), b.types(), Enum::name);
        list(changes, "targets", a.targets(), b.targets(), ReportDiff::describe);
        list(changes, "disarmTechniques", a.disarmTechniques(), b.disarmTechniques(), Function.identity());
        list(changes, "attackTechniques", a.attackTechniques(), b.attackTechniques(), Function.identity());
        list(changes, "actors", a.actorRefs(), b.actorRefs(), Function.identity());
        list(changes, "narratives", a.narrativeRefs(), b.narrativeRefs(), Function.identity());
        list(changes, "viginum", a.viginum().entrySet(), b.viginum().entrySet(),
                e -> e.getKey().key() + (e.getValue().met() ? " ✓ " : " ✗ ") + e.getValue().justification());
        list(changes, "observables", a.observables(), b.observables(), o -> o.type() + " " + o.normalised());
        list(changes, "evidence", a.evidence(), b.evidence(), e -> e.fileName() + " (" + e.sha256().substring(0, Math.min(12, e.sha256().length())) + "…)");
        if (older.revoked() != newer.revoked()) {
            changes.add(new Change("revoked", Boolean.toString(older.revoked()), Boolean.toString(newer.revoked()), List.of(), List.of()));
        }
        return changes;
    }

    private static String describe(Target t) {
        return t.category().name() + (t.organisationId() == null ? "" : " " + t.organisationId()) + (t.name() == null ? "" : " " + t.name())
                + (t.notifiedAt() == null ? "" : " notified " + t.notifiedAt() + (t.notifiedBy() == null ? "" : " by " + t.notifiedBy()));
    }

    private static <T> void value(List<Change> changes, String field, ReportDraft a, ReportDraft b, Function<ReportDraft, T> get) {
        T before = get.apply(a);
        T after = get.apply(b);
        if (!Objects.equals(before, after)) {
            changes.add(new Change(field, before == null ? "" : before.toString(), after == null ? "" : after.toString(), List.of(), List.of()));
        }
    }

    private static <T> void list(List<Change> changes, String field, Collection<T> a, Collection<T> b, Function<T, String> show) {
        Set<String> before = a.stream().map(show).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> after = b.stream().map(show).collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> added = after.stream().filter(v -> !before.contains(v)).toList();
        List<String> removed = before.stream().filter(v -> !after.contains(v)).toList();
        if (!added.isEmpty() || !removed.isEmpty()) {
            changes.add(new Change(field, null, null, added, removed));
        }
    }
}
