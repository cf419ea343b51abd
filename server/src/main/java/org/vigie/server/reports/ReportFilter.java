package org.vigie.server.reports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.reports.Outcome;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.core.taxonomy.TargetCategory;

/**
 * What a report search asks for; null or empty means "any". Every filter narrows within what the
 * reader may see: none can widen it.
 *
 * @param text              full text in English and French over title and summary
 * @param observable        an observable, normalised like the reports' own before matching
 * @param targetOrganisation reports naming this organisation as a target (the victim view)
 */
public record ReportFilter(String text, UUID electionId, CyclePhase phase, List<IncidentType> types, Outcome outcome,
                           TargetCategory targetCategory, UUID targetOrganisation, String disarmTechnique, String actorRef,
                           String narrativeRef, String observable, Tlp tlp, UUID owner, Instant from, Instant to,
                           Integer minConfidence, boolean includeRevoked) {

    public ReportFilter {
        types = types == null ? List.of() : List.copyOf(types);
    }

    public static ReportFilter all() {
        return new ReportFilter(null, null, null, List.of(), null, null, null, null, null, null, null, null, null, null, null, null, false);
    }

    public ReportFilter withTargetOrganisation(UUID organisation) {
        return new ReportFilter(text, electionId, phase, types, outcome, targetCategory, organisation, disarmTechnique, actorRef,
                narrativeRef, observable, tlp, owner, from, to, minConfidence, includeRevoked);
    }

    public ReportFilter withElection(UUID election) {
        return new ReportFilter(text, election, phase, types, outcome, targetCategory, targetOrganisation, disarmTechnique, actorRef,
                narrativeRef, observable, tlp, owner, from, to, minConfidence, includeRevoked);
    }
}
