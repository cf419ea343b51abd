package org.vigie.core.response;

import java.util.Collections;
import java.util.Set;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.taxonomy.TargetCategory;

/**
 * When a protocol is suggested for a report. Each condition left empty means "any"; the conditions
 * given must all hold: one of the incident types, at least the minimum severity, one of the target
 * categories. A trigger with no condition at all matches every report (a catch-all protocol).
 *
 * @param minSeverity null: any severity
 */
public record Trigger(Set<IncidentType> types, Severity minSeverity, Set<TargetCategory> targetCategories) {

    public Trigger {
        types = types == null ? Set.of() : Set.copyOf(types);
        targetCategories = targetCategories == null ? Set.of() : Set.copyOf(targetCategories);
    }

    public boolean matches(SubjectFacts facts) {
        return (types.isEmpty() || !Collections.disjoint(types, facts.types()))
                && facts.severity().atLeast(minSeverity)
                && (targetCategories.isEmpty() || !Collections.disjoint(targetCategories, facts.targetCategories()));
    }
}
