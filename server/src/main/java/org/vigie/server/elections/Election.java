package org.vigie.server.elections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.vigie.core.organisations.CountryCode;
import org.vigie.core.taxonomy.ElectionType;

/**
 * An election (or referendum) in one country: the context of reports, alerts and public statements.
 * A public fact of the platform, not a STIX object, readable by everyone signed in.
 *
 * @param secondRoundDay the day of the second round, or null when there is none
 * @param campaignStarts the first day of the official campaign, or null when the period is not set (then
 *                       {@code campaignEnds} is null too)
 * @param campaignEnds   the last day of the official campaign, at the latest election day
 * @param createdBy      the account that created it, or null when the platform did (demo data)
 */
public record Election(UUID id, String name, CountryCode country, ElectionType type, LocalDate electionDay,
                       LocalDate secondRoundDay, LocalDate campaignStarts, LocalDate campaignEnds, String description,
                       Instant createdAt, Instant updatedAt, UUID createdBy) {

    public boolean hasSecondRound() {
        return secondRoundDay != null;
    }

    public boolean hasCampaignPeriod() {
        return campaignStarts != null;
    }

    public Optional<LocalDate> secondRound() {
        return Optional.ofNullable(secondRoundDay);
    }

    /** The first day the election is under way: the campaign's first day, or election day when no campaign is set. */
    public LocalDate opens() {
        return campaignStarts != null ? campaignStarts : electionDay;
    }

    /** The last day of voting: the second round's, if any, else election day. */
    public LocalDate lastVotingDay() {
        return secondRoundDay != null ? secondRoundDay : electionDay;
    }

    /** Whether the day falls between {@link #opens()} and {@link #lastVotingDay()}, both included. */
    public boolean underWayOn(LocalDate day) {
        return !day.isBefore(opens()) && !day.isAfter(lastVotingDay());
    }

    public ElectionPhase phaseOn(LocalDate day) {
        if (day.equals(electionDay) || day.equals(secondRoundDay)) {
            return ElectionPhase.ELECTION_DAY;
        }
        if (day.isBefore(opens())) {
            return ElectionPhase.UPCOMING;
        }
        if (day.isAfter(lastVotingDay())) {
            return ElectionPhase.PAST;
        }
        if (day.isAfter(electionDay)) {
            return ElectionPhase.BETWEEN_ROUNDS;
        }
        return campaignEnds != null && !day.isAfter(campaignEnds) ? ElectionPhase.CAMPAIGN : ElectionPhase.CAMPAIGN_CLOSED;
    }

    /** What a person set, as a form or a change starts from. */
    public ElectionDetails details() {
        return new ElectionDetails(name, country.value(), type, electionDay, secondRoundDay, campaignStarts, campaignEnds, description);
    }
}
