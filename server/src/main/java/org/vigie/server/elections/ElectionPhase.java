package org.vigie.server.elections;

/**
 * Where an election stands on a given day, from its dates alone (see {@link Election#phaseOn}). Not
 * to be confused with the phase of the electoral cycle a report is classified with
 * ({@link org.vigie.core.taxonomy.CyclePhase}), which is an analyst's judgement.
 */
public enum ElectionPhase {
    /** Before the official campaign (or before election day, when no campaign period is set). */
    UPCOMING,
    /** Within the official campaign period. */
    CAMPAIGN,
    /** After the official campaign and before election day: the days of electoral silence, where the law has them. */
    CAMPAIGN_CLOSED,
    /** Election day, or the day of the second round. */
    ELECTION_DAY,
    /** After the first round and before the second. */
    BETWEEN_ROUNDS,
    /** After the last round. */
    PAST;

    /** From the first day of the campaign to the last day of voting. */
    public boolean underWay() {
        return this != UPCOMING && this != PAST;
    }
}
