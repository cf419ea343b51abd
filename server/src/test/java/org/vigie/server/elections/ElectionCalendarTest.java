package org.vigie.server.elections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.elections.ElectionFixtures.create;
import static org.vigie.server.elections.ElectionFixtures.election;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** What other modules ask of {@link Elections}: which elections are under way on a day, and which come next. */
@VigieTest
class ElectionCalendarTest {

    @LocalServerPort
    int port;

    @Autowired
    Elections elections;

    @Test
    void anElectionIsCurrentFromItsCampaignToItsSecondRoundAndUpcomingBefore() {
        Fixtures fixtures = new Fixtures(port);
        LocalDate day = LocalDate.of(2061, 6, 12); // campaign from 30 May, second round on 19 June
        UUID id = UUID.fromString(create(fixtures.admin(), election(day)).get("id").asText());

        assertThat(elections.current(LocalDate.of(2061, 5, 29))).extracting(Election::id).doesNotContain(id);
        assertThat(elections.upcoming(LocalDate.of(2061, 5, 29))).extracting(Election::id).contains(id);
        assertThat(elections.current(LocalDate.of(2061, 5, 30))).extracting(Election::id).contains(id);
        assertThat(elections.upcoming(LocalDate.of(2061, 5, 30))).extracting(Election::id).doesNotContain(id);
        assertThat(elections.current(LocalDate.of(2061, 6, 19))).extracting(Election::id).contains(id);
        assertThat(elections.current(LocalDate.of(2061, 6, 20))).extracting(Election::id).doesNotContain(id);
        assertThat(elections.find(id)).get().extracting(Election::name).isEqualTo(elections.get(id).name());
        assertThat(elections.find(UUID.randomUUID())).isEmpty();
    }
}
