package org.vigie.core.response;

import java.util.List;
import java.util.Set;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.taxonomy.TargetCategory;

/** What a protocol's trigger looks at in a report: its types, severity and the categories of its targets. */
public record SubjectFacts(Set<IncidentType> types, Severity severity, Set<TargetCategory> targetCategories,
                           List<String> disarmTechniques) {

    public SubjectFacts {
        types = types == null ? Set.of() : Set.copyOf(types);
        targetCategories = targetCategories == null ? Set.of() : Set.copyOf(targetCategories);
        disarmTechniques = disarmTechniques == null ? List.of() : List.copyOf(disarmTechniques);
        severity = severity == null ? Severity.LOW : severity;
    }
}
