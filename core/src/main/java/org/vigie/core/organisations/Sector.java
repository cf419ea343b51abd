package org.vigie.core.organisations;

/** The kinds of organisation that take part in defending an election. */
public enum Sector {
    GOVERNMENT_AGENCY,
    ELECTION_MANAGEMENT_BODY,
    PLATFORM_INDUSTRY,
    CIVIL_SOCIETY,
    RESEARCH,
    MEDIA,
    FACT_CHECKER,
    POLITICAL_PARTY,
    INTERNATIONAL_ORGANISATION
}
