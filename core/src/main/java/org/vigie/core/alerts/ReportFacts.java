package org.vigie.core.alerts;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.vigie.core.observables.Observable;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.core.taxonomy.TargetCategory;

/**
 * What alerting looks at in a report, as a value, so that matching needs neither the database nor
 * the STIX form.
 *
 * @param electionId  null: outside any election
 * @param phase       null: not given
 * @param confidence  0–100 or null
 * @param communities the communities the report is distributed to
 * @param observables the report's observables, normalised
 */
public record ReportFacts(String reportId, UUID electionId, CyclePhase phase, Set<IncidentType> types,
                          Set<TargetCategory> targetCategories, Set<UUID> targetOrganisations,
                          Set<String> disarmTechniques, Integer confidence, Set<UUID> communities,
                          List<Observable> observables, String title, String summary) {

    public ReportFacts {
        types = types == null ? Set.of() : Set.copyOf(types);
        targetCategories = targetCategories == null ? Set.of() : Set.copyOf(targetCategories);
        targetOrganisations = targetOrganisations == null ? Set.of() : Set.copyOf(targetOrganisations);
        disarmTechniques = disarmTechniques == null ? Set.of() : Set.copyOf(disarmTechniques);
        communities = communities == null ? Set.of() : Set.copyOf(communities);
        observables = observables == null ? List.of() : List.copyOf(observables);
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
    }
}
