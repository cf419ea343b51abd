package org.vigie.server.sharing;

/** A community as listed: with its number of members and where the reader's organisation stands in it. */
public record CommunitySummary(Community community, int memberCount, MembershipState yourState) {
}
