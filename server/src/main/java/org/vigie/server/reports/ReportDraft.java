package org.vigie.server.reports;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vigie.core.reports.Admiralty;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.reports.Outcome;
import org.vigie.core.reports.ViginumCriterion;
import org.vigie.core.taxonomy.CyclePhase;

/**
 * A report's content, checked: what the form or the API gives, with observables already parsed and
 * normalised. Becomes a STIX incident through {@link ReportStix}.
 *
 * @param electionId       null: outside any election
 * @param disarmTechniques DISARM ids (T0085…), checked against the catalogue
 * @param attackTechniques MITRE ATT&CK ids (T1566, T1566.001), checked for their form only
 * @param actorRefs        ids of threat-actor or intrusion-set objects
 * @param narrativeRefs    ids of Vigie narrative objects
 */
public record ReportDraft(String title, String summary, Instant firstSeen, Instant lastSeen, UUID electionId, CyclePhase phase,
                          Set<IncidentType> types, Outcome outcome, List<Target> targets, List<String> disarmTechniques,
                          List<String> attackTechniques, List<String> actorRefs, List<String> narrativeRefs,
                          Map<ViginumCriterion, CriterionAssessment> viginum, Integer confidence, Admiralty admiralty,
                          List<ReportObservable> observables, List<EvidenceRef> evidence) {

    public ReportDraft {
        title = title == null ? "" : title.strip();
        summary = summary == null ? "" : summary.strip();
        types = types == null ? Set.of() : Set.copyOf(types);
        outcome = outcome == null ? Outcome.UNKNOWN : outcome;
        targets = targets == null ? List.of() : List.copyOf(targets);
        disarmTechniques = distinct(disarmTechniques);
        attackTechniques = distinct(attackTechniques);
        actorRefs = distinct(actorRefs);
        narrativeRefs = distinct(narrativeRefs);
        Map<ViginumCriterion, CriterionAssessment> criteria = new EnumMap<>(ViginumCriterion.class);
        if (viginum != null) {
            criteria.putAll(viginum);
        }
        viginum = Map.copyOf(criteria);
        observables = observables == null ? List.of() : List.copyOf(observables);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }

    /** The reporter's judgement on one criterion, or null if not given. */
    public CriterionAssessment criterion(ViginumCriterion criterion) {
        return viginum.get(criterion);
    }

    /** How many VIGINUM criteria the reporter judges met: all four characterise a foreign digital interference. */
    public long criteriaMet() {
        return viginum.values().stream().filter(CriterionAssessment::met).count();
    }
}
