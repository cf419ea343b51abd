package org.vigie.core.taxonomy;

/** Who or what an interference is aimed at. */
public enum TargetCategory {
    ELECTION_MANAGEMENT_BODY,
    ELECTION_OFFICIAL,
    CANDIDATE,
    POLITICAL_PARTY,
    MEDIA,
    FACT_CHECKER,
    CIVIL_SOCIETY_ORGANISATION,
    GOVERNMENT_INSTITUTION,
    VOTERS,
    ELECTORAL_INFRASTRUCTURE
}
