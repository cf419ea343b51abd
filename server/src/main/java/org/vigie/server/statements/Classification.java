package org.vigie.server.statements;

import java.util.UUID;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.taxonomy.CyclePhase;

/**
 * The public classification the panel chooses for a statement, for the public statistics: incident
 * type, phase of the electoral cycle, election. Chosen by the panel, never copied from the reports
 * (their classification is part of restricted content). Each may be left unset.
 */
public record Classification(IncidentType incidentType, CyclePhase cyclePhase, UUID electionId) {

    public static final Classification NONE = new Classification(null, null, null);

    static Classification stored(String type, String phase, UUID election) {
        return new Classification(type == null ? null : IncidentType.valueOf(type), phase == null ? null : CyclePhase.valueOf(phase), election);
    }
}
