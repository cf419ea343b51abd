package org.vigie.core.alerts.webhooks;

import java.util.List;
import java.util.Objects;
import org.vigie.core.sharing.Sharing;

/**
 * What a notification about a report may draw on. Everything but {@link #reportId} and
 * {@link #sharing} is content that a restricted marking keeps out of a notification.
 *
 * @param reportId      the STIX id of the report's incident
 * @param incidentTypes codes of the incident types
 * @param observables   observable values (domains, URLs, accounts) as shown to people
 */
public record NotifiedReport(String reportId, String title, String summary, List<String> incidentTypes,
                             List<String> observables, Sharing sharing) {

    public NotifiedReport {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(sharing, "sharing");
        incidentTypes = incidentTypes == null ? List.of() : List.copyOf(incidentTypes);
        observables = observables == null ? List.of() : List.copyOf(observables);
    }
}
