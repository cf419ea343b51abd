package org.vigie.server.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The report form as typed. Lists of targets and VIGINUM criteria are indexed rows; observables are
 * a text area, one per line, with an optional type correction per line after the preview.
 */
public class ReportForm {

    private String title = "";
    private String summary = "";
    private String firstSeen = "";
    private String lastSeen = "";
    private UUID electionId;
    private String phase = "";
    private List<String> types = new ArrayList<>();
    private String outcome = "UNKNOWN";
    private List<TargetRow> targets = new ArrayList<>();
    private List<String> disarmTechniques = new ArrayList<>();
    private String attackTechniques = "";
    private List<String> actors = new ArrayList<>();
    private String newActorName = "";
    private String newActorType = "threat-actor";
    private List<String> narratives = new ArrayList<>();
    private String newNarrativeName = "";
    private String newNarrativeDescription = "";
    private List<CriterionRow> viginum = new ArrayList<>();
    private Integer confidence;
    private String reliability = "";
    private String credibility = "";
    private String observablesText = "";
    private List<String> observableTypes = new ArrayList<>();
    private List<String> keptEvidence = new ArrayList<>();
    private String tlp = "";
    private String pap = "";
    private List<UUID> communities = new ArrayList<>();
    private List<UUID> organisations = new ArrayList<>();
    private List<UUID> users = new ArrayList<>();
    private String baseModified = "";

    /** One target row. */
    public static class TargetRow {
        private String category = "";
        private UUID organisationId;
        private String name = "";
        private String notifiedAt = "";
        private String notifiedBy = "";
        private boolean doNotNotify;
        private String doNotNotifyReason = "";

        public boolean isBlank() {
            return (category == null || category.isBlank()) && organisationId == null && (name == null || name.isBlank());
        }

        public String getCategory() { return category; }
        public void setCategory(String category) { this.category = category; }
        public UUID getOrganisationId() { return organisationId; }
        public void setOrganisationId(UUID organisationId) { this.organisationId = organisationId; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getNotifiedAt() { return notifiedAt; }
        public void setNotifiedAt(String notifiedAt) { this.notifiedAt = notifiedAt; }
        public String getNotifiedBy() { return notifiedBy; }
        public void setNotifiedBy(String notifiedBy) { this.notifiedBy = notifiedBy; }
        public boolean isDoNotNotify() { return doNotNotify; }
        public void setDoNotNotify(boolean doNotNotify) { this.doNotNotify = doNotNotify; }
        public String getDoNotNotifyReason() { return doNotNotifyReason; }
        public void setDoNotNotifyReason(String doNotNotifyReason) { this.doNotNotifyReason = doNotNotifyReason; }
    }

    /** One VIGINUM criterion row. */
    public static class CriterionRow {
        private String criterion = "";
        private boolean met;
        private String justification = "";

        public String getCriterion() { return criterion; }
        public void setCriterion(String criterion) { this.criterion = criterion; }
        public boolean isMet() { return met; }
        public void setMet(boolean met) { this.met = met; }
        public String getJustification() { return justification; }
        public void setJustification(String justification) { this.justification = justification; }
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getFirstSeen() { return firstSeen; }
    public void setFirstSeen(String firstSeen) { this.firstSeen = firstSeen; }
    public String getLastSeen() { return lastSeen; }
    public void setLastSeen(String lastSeen) { this.lastSeen = lastSeen; }
    public UUID getElectionId() { return electionId; }
    public void setElectionId(UUID electionId) { this.electionId = electionId; }
    public String getPhase() { return phase; }
    public void setPhase(String phase) { this.phase = phase; }
    public List<String> getTypes() { return types; }
    public void setTypes(List<String> types) { this.types = types == null ? new ArrayList<>() : types; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public List<TargetRow> getTargets() { return targets; }
    public void setTargets(List<TargetRow> targets) { this.targets = targets == null ? new ArrayList<>() : targets; }
    public List<String> getDisarmTechniques() { return disarmTechniques; }
    public void setDisarmTechniques(List<String> disarmTechniques) { this.disarmTechniques = disarmTechniques == null ? new ArrayList<>() : disarmTechniques; }
    public String getAttackTechniques() { return attackTechniques; }
    public void setAttackTechniques(String attackTechniques) { this.attackTechniques = attackTechniques; }
    public List<String> getActors() { return actors; }
    public void setActors(List<String> actors) { this.actors = actors == null ? new ArrayList<>() : actors; }
    public String getNewActorName() { return newActorName; }
    public void setNewActorName(String newActorName) { this.newActorName = newActorName; }
    public String getNewActorType() { return newActorType; }
    public void setNewActorType(String newActorType) { this.newActorType = newActorType; }
    public List<String> getNarratives() { return narratives; }
    public void setNarratives(List<String> narratives) { this.narratives = narratives == null ? new ArrayList<>() : narratives; }
    public String getNewNarrativeName() { return newNarrativeName; }
    public void setNewNarrativeName(String newNarrativeName) { this.newNarrativeName = newNarrativeName; }
    public String getNewNarrativeDescription() { return newNarrativeDescription; }
    public void setNewNarrativeDescription(String newNarrativeDescription) { this.newNarrativeDescription = newNarrativeDescription; }
    public List<CriterionRow> getViginum() { return viginum; }
    public void setViginum(List<CriterionRow> viginum) { this.viginum = viginum == null ? new ArrayList<>() : viginum; }
    public Integer getConfidence() { return confidence; }
    public void setConfidence(Integer confidence) { this.confidence = confidence; }
    public String getReliability() { return reliability; }
    public void setReliability(String reliability) { this.reliability = reliability; }
    public String getCredibility() { return credibility; }
    public void setCredibility(String credibility) { this.credibility = credibility; }
    public String getObservablesText() { return observablesText; }
    public void setObservablesText(String observablesText) { this.observablesText = observablesText; }
    public List<String> getObservableTypes() { return observableTypes; }
    public void setObservableTypes(List<String> observableTypes) { this.observableTypes = observableTypes == null ? new ArrayList<>() : observableTypes; }
    public List<String> getKeptEvidence() { return keptEvidence; }
    public void setKeptEvidence(List<String> keptEvidence) { this.keptEvidence = keptEvidence == null ? new ArrayList<>() : keptEvidence; }
    public String getTlp() { return tlp; }
    public void setTlp(String tlp) { this.tlp = tlp; }
    public String getPap() { return pap; }
    public void setPap(String pap) { this.pap = pap; }
    public List<UUID> getCommunities() { return communities; }
    public void setCommunities(List<UUID> communities) { this.communities = communities == null ? new ArrayList<>() : communities; }
    public List<UUID> getOrganisations() { return organisations; }
    public void setOrganisations(List<UUID> organisations) { this.organisations = organisations == null ? new ArrayList<>() : organisations; }
    public List<UUID> getUsers() { return users; }
    public void setUsers(List<UUID> users) { this.users = users == null ? new ArrayList<>() : users; }
    public String getBaseModified() { return baseModified; }
    public void setBaseModified(String baseModified) { this.baseModified = baseModified; }
}
