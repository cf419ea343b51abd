package org.vigie.server.elections;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.vigie.core.taxonomy.ElectionType;

/**
 * The election form, as typed: kept as is to be shown again when something is wrong. Checked by
 * {@link ElectionRules} (the service's rules), not by annotations, so that the form and the API
 * can never disagree. Dates are what {@code <input type="date">} sends: YYYY-MM-DD.
 */
public class ElectionForm {

    private String name;
    private String country;
    private ElectionType type;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate electionDay;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate secondRoundDay;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate campaignStarts;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate campaignEnds;
    private String description;

    static ElectionForm of(Election election) {
        ElectionForm form = new ElectionForm();
        form.name = election.name();
        form.country = election.country().value();
        form.type = election.type();
        form.electionDay = election.electionDay();
        form.secondRoundDay = election.secondRoundDay();
        form.campaignStarts = election.campaignStarts();
        form.campaignEnds = election.campaignEnds();
        form.description = election.description();
        return form;
    }

    /** The whole election as the form states it: an emptied date removes it. */
    ElectionDetails details() {
        return new ElectionDetails(name, country, type, electionDay, secondRoundDay, campaignStarts, campaignEnds, description);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public ElectionType getType() {
        return type;
    }

    public void setType(ElectionType type) {
        this.type = type;
    }

    public LocalDate getElectionDay() {
        return electionDay;
    }

    public void setElectionDay(LocalDate electionDay) {
        this.electionDay = electionDay;
    }

    public LocalDate getSecondRoundDay() {
        return secondRoundDay;
    }

    public void setSecondRoundDay(LocalDate secondRoundDay) {
        this.secondRoundDay = secondRoundDay;
    }

    public LocalDate getCampaignStarts() {
        return campaignStarts;
    }

    public void setCampaignStarts(LocalDate campaignStarts) {
        this.campaignStarts = campaignStarts;
    }

    public LocalDate getCampaignEnds() {
        return campaignEnds;
    }

    public void setCampaignEnds(LocalDate campaignEnds) {
        this.campaignEnds = campaignEnds;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
