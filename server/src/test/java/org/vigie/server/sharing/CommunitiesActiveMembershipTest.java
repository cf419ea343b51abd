package org.vigie.server.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.sharing.CommunityFixtures.id;
import static org.vigie.server.sharing.CommunityFixtures.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** What the visibility policy asks on every read: the communities an organisation takes part in. */
@VigieTest
class CommunitiesActiveMembershipTest {

    @LocalServerPort
    int port;

    @Autowired
    Communities communities;

    Fixtures fixtures;
    Api communityAdministrator;
    UUID organisation;
    Api organisationAdministrator;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        communityAdministrator = fixtures.signedIn(fixtures.account(fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ADMINISTRATOR"));
        organisation = fixtures.organisation("FACT_CHECKER");
        organisationAdministrator = fixtures.signedIn(fixtures.account(organisation, "ADMINISTRATOR"));
    }

    private JsonNode communityWithMember() {
        JsonNode community = CommunityFixtures.create(communityAdministrator);
        communityAdministrator.post(path(community) + "/members", Map.of("organisationId", organisation.toString()));
        return community;
    }

    @Test
    void onlyCommunitiesWhoseCurrentCharterTheOrganisationAcceptedAreActive() {
        JsonNode accepted = communityWithMember();
        JsonNode pending = communityWithMember();
        JsonNode elsewhere = CommunityFixtures.create(communityAdministrator);
        organisationAdministrator.post(path(accepted) + "/charter/accept", "");

        assertThat(communities.activeCommunitiesOf(organisation)).containsExactly(id(accepted))
                .doesNotContain(id(pending), id(elsewhere));
    }

    @Test
    void aCharterChangeMakesTheCommunityInactiveUntilAcceptedAgain() {
        JsonNode community = communityWithMember();
        organisationAdministrator.post(path(community) + "/charter/accept", "");

        communityAdministrator.patch(path(community), Map.of("charter", "A stricter text."));

        assertThat(communities.activeCommunitiesOf(organisation)).isEmpty();
        organisationAdministrator.post(path(community) + "/charter/accept", "");
        assertThat(communities.activeCommunitiesOf(organisation)).containsExactly(id(community));
    }

    @Test
    void aRemovedMemberIsNoLongerActive() {
        JsonNode community = communityWithMember();
        organisationAdministrator.post(path(community) + "/charter/accept", "");

        communityAdministrator.delete(path(community) + "/members/" + organisation);

        assertThat(communities.activeCommunitiesOf(organisation)).isEmpty();
    }

    @Test
    void theCreatorsOrganisationIsActiveAtOnceAndNoOrganisationMeansNoCommunity() {
        UUID creatorOrganisation = fixtures.organisation("GOVERNMENT_AGENCY");
        JsonNode community = CommunityFixtures.create(fixtures.signedIn(fixtures.account(creatorOrganisation, "ADMINISTRATOR")));

        assertThat(communities.activeCommunitiesOf(creatorOrganisation)).containsExactly(id(community));
        assertThat(communities.activeCommunitiesOf(null)).isEmpty();
    }
}
