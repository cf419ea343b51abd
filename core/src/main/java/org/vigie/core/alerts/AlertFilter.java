package org.vigie.core.alerts;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.core.taxonomy.TargetCategory;

/**
 * What a subscription asks for. Every criterion that is given must hold; an empty set or a null
 * means "any". Within one criterion, one of the values is enough (types {A, B}: a report of type A or
 * B). A non-empty watch list requires at least one of its items to be found in the report.
 *
 * @param minConfidence 0–100; a report without a confidence does not pass a minimum
 * @param communities   the report must be distributed to one of these communities
 */
public record AlertFilter(UUID electionId, Set<CyclePhase> phases, Set<IncidentType> types,
                          Set<TargetCategory> targetCategories, Set<UUID> targetOrganisations,
                          Set<String> disarmTechniques, Integer minConfidence, Set<UUID> communities,
                          List<WatchItem> watchList) {

    public AlertFilter {
        phases = phases == null ? Set.of() : Set.copyOf(phases);
        types = types == null ? Set.of() : Set.copyOf(types);
        targetCategories = targetCategories == null ? Set.of() : Set.copyOf(targetCategories);
        targetOrganisations = targetOrganisations == null ? Set.of() : Set.copyOf(targetOrganisations);
        disarmTechniques = disarmTechniques == null ? Set.of() : Set.copyOf(disarmTechniques);
        communities = communities == null ? Set.of() : Set.copyOf(communities);
        watchList = watchList == null ? List.of() : List.copyOf(watchList);
        if (minConfidence != null && (minConfidence < 0 || minConfidence > 100)) {
            throw new IllegalArgumentException("minimum confidence must be between 0 and 100, not " + minConfidence);
        }
    }

    /** Matches every report: "subscribe to everything". */
    public static AlertFilter everything() {
        return new AlertFilter(null, null, null, null, null, null, null, null, null);
    }
}
