package org.vigie.server.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.reports.Outcome;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.core.taxonomy.TargetCategory;

/** The search filters as query parameters (the API and the search page share them). */
public class ReportSearchParameters {

    private String q;
    private UUID election;
    private CyclePhase phase;
    private List<IncidentType> type = new ArrayList<>();
    private Outcome outcome;
    private TargetCategory target;
    private UUID targetOrganisation;
    private String technique;
    private String actor;
    private String narrative;
    private String observable;
    private Tlp tlp;
    private UUID owner;
    private LocalDate from;
    private LocalDate to;
    private Integer minConfidence;
    private boolean revoked;

    ReportFilter filter(ObservableInput observables) {
        String normalised = observable == null || observable.isBlank() ? null : observables.normaliseForSearch(observable);
        return new ReportFilter(q, election, phase, type, outcome, target, targetOrganisation, technique, actor, narrative, normalised, tlp,
                owner, from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), minConfidence, revoked);
    }

    /** Whether any filter is set (the page then says how many results, not "latest reports"). */
    public boolean isFiltered() {
        return (q != null && !q.isBlank()) || election != null || phase != null || !type.isEmpty() || outcome != null || target != null
                || targetOrganisation != null || notBlank(technique) || notBlank(actor) || notBlank(narrative) || notBlank(observable)
                || tlp != null || owner != null || from != null || to != null || minConfidence != null || revoked;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public UUID getElection() { return election; }
    public void setElection(UUID election) { this.election = election; }
    public CyclePhase getPhase() { return phase; }
    public void setPhase(CyclePhase phase) { this.phase = phase; }
    public List<IncidentType> getType() { return type; }
    public void setType(List<IncidentType> type) { this.type = type == null ? new ArrayList<>() : type; }
    public Outcome getOutcome() { return outcome; }
    public void setOutcome(Outcome outcome) { this.outcome = outcome; }
    public TargetCategory getTarget() { return target; }
    public void setTarget(TargetCategory target) { this.target = target; }
    public UUID getTargetOrganisation() { return targetOrganisation; }
    public void setTargetOrganisation(UUID targetOrganisation) { this.targetOrganisation = targetOrganisation; }
    public String getTechnique() { return technique; }
    public void setTechnique(String technique) { this.technique = technique; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public String getNarrative() { return narrative; }
    public void setNarrative(String narrative) { this.narrative = narrative; }
    public String getObservable() { return observable; }
    public void setObservable(String observable) { this.observable = observable; }
    public Tlp getTlp() { return tlp; }
    public void setTlp(Tlp tlp) { this.tlp = tlp; }
    public UUID getOwner() { return owner; }
    public void setOwner(UUID owner) { this.owner = owner; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public Integer getMinConfidence() { return minConfidence; }
    public void setMinConfidence(Integer minConfidence) { this.minConfidence = minConfidence; }
    public boolean isRevoked() { return revoked; }
    public void setRevoked(boolean revoked) { this.revoked = revoked; }
}
