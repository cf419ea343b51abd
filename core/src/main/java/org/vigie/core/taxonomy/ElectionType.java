package org.vigie.core.taxonomy;

/**
 * The kinds of election (and referendum) an election on the platform can be. Labels in each
 * language live in the server's message bundles, keyed {@code electionType.<NAME>}.
 */
public enum ElectionType {
    /** A head of state elected by the people, often in two rounds. */
    PRESIDENTIAL,
    /** A national parliament or one of its chambers. */
    LEGISLATIVE,
    /** Municipal, regional and other sub-national councils and offices. */
    LOCAL,
    /** The European Parliament. */
    EUROPEAN,
    /** A question put to the voters rather than a choice of people. */
    REFERENDUM
}
