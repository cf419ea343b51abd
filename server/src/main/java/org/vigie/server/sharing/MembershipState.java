package org.vigie.server.sharing;

/** Where an organisation stands in a community. */
public enum MembershipState {
    /** Not a member. */
    NONE,
    /** A member that has not accepted the current charter: it sees nothing shared with the community yet. */
    PENDING,
    /** A member that has accepted the current charter. */
    ACCEPTED
}
