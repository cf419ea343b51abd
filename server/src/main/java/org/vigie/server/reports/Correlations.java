package org.vigie.server.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.vigie.core.sharing.Viewer;

/**
 * The correlation index: which reports share an observable, an actor, a narrative or a DISARM
 * technique. Keys are written with each version of a report; lookups see only reports the reader
 * may see, so a correlation never reveals a report, not even as a count.
 */
@Component
class Correlations {

    static final float OBSERVABLE_WEIGHT = 1.0f;
    static final float ACTOR_WEIGHT = 1.0f;
    static final float NARRATIVE_WEIGHT = 0.5f;
    static final float TECHNIQUE_WEIGHT = 0.25f;

    private final ReportRepository repository;
    private final ObservableKeys observableKeys;
    private final int cap;

    Correlations(ReportRepository repository, ObservableKeys observableKeys,
                 @Value("${vigie.correlation.cap:100}") int cap) {
        this.repository = repository;
        this.observableKeys = observableKeys;
        this.cap = cap;
    }

    int cap() {
        return cap;
    }

    /** The keys a report's content gives, each once. Markings and free text never become keys. */
    List<ReportRepository.CorrelationKeyRow> keysOf(ReportDraft draft) {
        Map<String, ReportRepository.CorrelationKeyRow> keys = new LinkedHashMap<>();
        for (ReportObservable observable : draft.observables()) {
            observableKeys.keysOf(observable).forEach(k -> keys.putIfAbsent(k.kind() + "\u0000" + k.value(),
                    new ReportRepository.CorrelationKeyRow(k.kind(), k.value(), OBSERVABLE_WEIGHT)));
        }
        draft.actorRefs().forEach(a -> keys.putIfAbsent("actor\u0000" + a, new ReportRepository.CorrelationKeyRow("actor", a, ACTOR_WEIGHT)));
        draft.narrativeRefs().forEach(n -> keys.putIfAbsent("narrative\u0000" + n,
                new ReportRepository.CorrelationKeyRow("narrative", n, NARRATIVE_WEIGHT)));
        draft.disarmTechniques().forEach(t -> keys.putIfAbsent("disarm\u0000" + t,
                new ReportRepository.CorrelationKeyRow("disarm", t, TECHNIQUE_WEIGHT)));
        return List.copyOf(keys.values());
    }

    /** Writes a report's keys (in the caller's transaction); a revoked report has none. */
    void index(String reportId, ReportDraft draft, boolean revoked) {
        repository.replaceKeys(reportId, revoked ? List.of() : keysOf(draft));
    }

    /** The visible reports related to this content, best first. */
    List<RelatedReport> related(Viewer viewer, ReportDraft draft, String excludedId, int limit) {
        List<ReportRepository.Match> matches = repository.matches(viewer, keysOf(draft), excludedId, cap);
        Map<String, List<ReportRepository.Match>> byReport = new LinkedHashMap<>();
        matches.forEach(m -> byReport.computeIfAbsent(m.reportId(), id -> new ArrayList<>()).add(m));
        List<RelatedReport> related = new ArrayList<>();
        byReport.forEach((id, shared) -> {
            ReportRepository.Match first = shared.get(0);
            double score = shared.stream().mapToDouble(ReportRepository.Match::weight).sum();
            Set<RelatedReport.SharedKey> keys = new LinkedHashSet<>();
            shared.stream().sorted(Comparator.comparing(ReportRepository.Match::weight).reversed())
                    .forEach(m -> keys.add(new RelatedReport.SharedKey(m.kind(), m.value())));
            related.add(new RelatedReport(id, first.title(), first.occurred(), first.outcome(), first.tlp(), score, List.copyOf(keys)));
        });
        related.sort(Comparator.comparingDouble(RelatedReport::score).reversed().thenComparing(RelatedReport::occurred,
                Comparator.reverseOrder()));
        return related.size() > limit ? List.copyOf(related.subList(0, limit)) : List.copyOf(related);
    }

    /** The report's values carried by too many reports to mean anything; shown, never linked. */
    List<RelatedReport.SharedKey> overCorrelating(ReportDraft draft) {
        return repository.overCorrelating(keysOf(draft), cap).stream()
                .map(k -> new RelatedReport.SharedKey(k.kind(), k.value())).toList();
    }
}
