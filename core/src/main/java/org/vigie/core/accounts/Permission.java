package org.vigie.core.accounts;

/**
 * The one catalogue of what an account may do on the platform itself (who may read shared
 * content is the visibility policy's business, not this catalogue's). Each permission says who
 * holds it; {@link Permissions} is the only place that decides.
 */
public enum Permission {
    /** Create organisations: platform administrators. */
    ORGANISATION_CREATE,
    /** Change an organisation's profile: platform administrators and that organisation's administrators. */
    ORGANISATION_EDIT,
    /** Create and change accounts of an organisation: platform administrators and that organisation's administrators. */
    ACCOUNT_MANAGE,
    /** Make an account a platform administrator: platform administrators. */
    PLATFORM_ADMINISTRATOR_GRANT,
    /** List an organisation's accounts: its members and platform administrators. */
    ACCOUNT_LIST,
    /** Add, change and remove an organisation's points of contact: platform administrators and that organisation's administrators. */
    CONTACT_MANAGE,
    /** Store objects in the knowledge store, owned by one's organisation: its analysts and administrators (not viewers, not an organisation-less platform administrator). */
    KNOWLEDGE_SHARE,
    /** Read the audit log and check its chain: platform administrators. */
    AUDIT_READ,
    /** Read operational metrics: platform administrators. */
    METRICS_READ,
    /**
     * Create a sharing community: platform administrators and any organisation's administrators (whose
     * organisation then becomes its first member).
     */
    COMMUNITY_CREATE,
    /**
     * Run a community (its members, purpose, charter and administrators): platform administrators and
     * that community's administrators. Whether the member is one of them is a fact the caller looks up
     * and passes to {@link Permissions#allowsOnCommunity}.
     */
    COMMUNITY_ADMINISTER,
    /**
     * Accept a community's charter on behalf of an organisation: that organisation's administrators
     * only. It is the organisation's own commitment, so a platform administrator cannot give it for them.
     */
    COMMUNITY_CHARTER_ACCEPT,
    /**
     * Create and change elections, the public facts reports, alerts and statements refer to:
     * platform administrators and any organisation's administrators. Ideally only those of election
     * management bodies and government agencies, but a {@link Member} does not carry its
     * organisation's sector, and an election's dates are public and every change is audited, so any
     * organisation administrator may correct them. Reading elections needs no permission: every
     * signed-in user may.
     */
    ELECTION_MANAGE,
    /**
     * Register, change and remove peer hubs and run their synchronisation (federation): platform
     * administrators. What a peer receives or sends is still decided by the visibility policy on the
     * peer's side and the markings accepted here, not by this permission.
     */
    FEDERATION_MANAGE
}
