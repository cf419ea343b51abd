package org.vigie.server.response;

import java.util.List;
import java.util.UUID;

/**
 * A protocol as the API or the form gives it. Vocabularies are strings so that an unknown value is
 * answered with a 400 naming exactly where it is ({@code levels[1].roles[0]}).
 *
 * @param minSeverity LOW, MODERATE, HIGH, CRITICAL or null (any)
 */
public record ProtocolRequest(String name, String description, List<String> incidentTypes, String minSeverity,
                              List<String> targetCategories, List<LevelRequest> levels, Boolean active) {

    /**
     * @param acknowledgeWithinMinutes 1 to 10,080 (a week)
     * @param roles                    ADMINISTRATOR, ANALYST, VIEWER; empty: all three
     */
    public record LevelRequest(String name, List<UUID> organisations, List<String> roles, List<String> checklist,
                               Integer acknowledgeWithinMinutes) {
    }
}
