package org.vigie.server.elections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigie.core.organisations.CountryCode;
import org.vigie.core.taxonomy.ElectionType;

/** Where an election stands on a day, from its dates alone: the badge on the pages and {@code phase} in the API. */
class ElectionPhaseTest {

    private static Election election(LocalDate day, LocalDate secondRound, LocalDate campaignStarts, LocalDate campaignEnds) {
        return new Election(UUID.randomUUID(), "2027 legislative election", new CountryCode("XV"), ElectionType.LEGISLATIVE,
                day, secondRound, campaignStarts, campaignEnds, "", Instant.EPOCH, Instant.EPOCH, null);
    }

    private static LocalDate june(int day) {
        return LocalDate.of(2027, 6, day);
    }

    @Test
    void aTwoRoundElectionGoesFromCampaignToElectionDayToBetweenTheRoundsToPast() {
        Election valdoria = election(june(13), june(20), LocalDate.of(2027, 5, 31), june(12));

        assertThat(valdoria.phaseOn(LocalDate.of(2027, 5, 30))).isEqualTo(ElectionPhase.UPCOMING);
        assertThat(valdoria.phaseOn(LocalDate.of(2027, 5, 31))).isEqualTo(ElectionPhase.CAMPAIGN);
        assertThat(valdoria.phaseOn(june(12))).isEqualTo(ElectionPhase.CAMPAIGN);
        assertThat(valdoria.phaseOn(june(13))).isEqualTo(ElectionPhase.ELECTION_DAY);
        assertThat(valdoria.phaseOn(june(14))).isEqualTo(ElectionPhase.BETWEEN_ROUNDS);
        assertThat(valdoria.phaseOn(june(20))).isEqualTo(ElectionPhase.ELECTION_DAY);
        assertThat(valdoria.phaseOn(june(21))).isEqualTo(ElectionPhase.PAST);
    }

    @Test
    void theDaysBetweenTheEndOfTheCampaignAndTheVoteAreTheirOwnPhase() {
        Election withSilence = election(june(13), null, june(1), june(11));

        assertThat(withSilence.phaseOn(june(11))).isEqualTo(ElectionPhase.CAMPAIGN);
        assertThat(withSilence.phaseOn(june(12))).isEqualTo(ElectionPhase.CAMPAIGN_CLOSED);
        assertThat(withSilence.phaseOn(june(13))).isEqualTo(ElectionPhase.ELECTION_DAY);
        assertThat(withSilence.phaseOn(june(14))).isEqualTo(ElectionPhase.PAST);
    }

    @Test
    void withoutACampaignPeriodAnElectionIsUpcomingUntilElectionDay() {
        Election referendum = election(june(13), null, null, null);

        assertThat(referendum.phaseOn(june(12))).isEqualTo(ElectionPhase.UPCOMING);
        assertThat(referendum.phaseOn(june(13))).isEqualTo(ElectionPhase.ELECTION_DAY);
        assertThat(referendum.opens()).isEqualTo(june(13));
        assertThat(referendum.underWayOn(june(13))).isTrue();
        assertThat(referendum.underWayOn(june(14))).isFalse();
    }

    @Test
    void anElectionIsUnderWayFromItsCampaignToItsLastVote() {
        Election valdoria = election(june(13), june(20), LocalDate.of(2027, 5, 31), june(12));

        assertThat(valdoria.underWayOn(LocalDate.of(2027, 5, 30))).isFalse();
        assertThat(valdoria.underWayOn(LocalDate.of(2027, 5, 31))).isTrue();
        assertThat(valdoria.underWayOn(june(20))).isTrue();
        assertThat(valdoria.underWayOn(june(21))).isFalse();
        assertThat(ElectionPhase.BETWEEN_ROUNDS.underWay()).isTrue();
        assertThat(ElectionPhase.UPCOMING.underWay()).isFalse();
        assertThat(ElectionPhase.PAST.underWay()).isFalse();
    }
}
