package org.vigie.server.reports;

/** The reporter's judgement on one VIGINUM criterion, and why. */
public record CriterionAssessment(boolean met, String justification) {

    public CriterionAssessment {
        justification = justification == null ? "" : justification.strip();
    }
}
