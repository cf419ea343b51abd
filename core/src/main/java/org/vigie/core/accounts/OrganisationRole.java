package org.vigie.core.accounts;

/** A user's role inside the one organisation they belong to. */
public enum OrganisationRole {
    /** Manages the organisation's profile, members and points of contact; also an analyst. */
    ADMINISTRATOR,
    /** Files, reads and shares the organisation's work. */
    ANALYST,
    /** Reads what the organisation may see; changes nothing. */
    VIEWER
}
