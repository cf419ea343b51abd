package org.vigie.server.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.sharing.CommunityFixtures.accountId;
import static org.vigie.server.sharing.CommunityFixtures.member;
import static org.vigie.server.sharing.CommunityFixtures.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class CommunityMembershipTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    Api communityAdministrator;
    JsonNode community;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        communityAdministrator = fixtures.signedIn(fixtures.account(fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ADMINISTRATOR"));
        community = CommunityFixtures.create(communityAdministrator);
    }

    private static Map<String, String> organisation(UUID id) {
        return Map.of("organisationId", id.toString());
    }

    @Test
    void aCommunityAdministratorAddsAMemberThatHasNotAcceptedTheCharterYet() {
        UUID joining = fixtures.organisation("FACT_CHECKER");

        Api.Response added = communityAdministrator.post(path(community) + "/members", organisation(joining));

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.header("Location")).isEqualTo(path(community) + "/members/" + joining);
        assertThat(added.json().get("accepted").asBoolean()).isFalse();
        assertThat(added.json().get("acceptedVersion").isNull()).isTrue();
        assertThat(communityAdministrator.get(added.header("Location")).status()).isEqualTo(200);
    }

    @Test
    void aCommunityAdministratorRemovesAMember() {
        UUID leaving = fixtures.organisation("FACT_CHECKER");
        communityAdministrator.post(path(community) + "/members", organisation(leaving));

        Api.Response removed = communityAdministrator.delete(path(community) + "/members/" + leaving);

        assertThat(removed.status()).isEqualTo(204);
        assertThat(member(communityAdministrator, community, leaving)).isNull();
        assertThat(communityAdministrator.delete(path(community) + "/members/" + leaving).status()).isEqualTo(404);
    }

    @Test
    void anOrganisationsAdministratorWhoDoesNotRunTheCommunityMayNotAddOrRemoveMembers() {
        UUID memberOrganisation = fixtures.organisation("MEDIA");
        communityAdministrator.post(path(community) + "/members", organisation(memberOrganisation));
        Api memberAdministrator = fixtures.signedIn(fixtures.account(memberOrganisation, "ADMINISTRATOR"));
        UUID other = fixtures.organisation("RESEARCH");

        assertThat(memberAdministrator.post(path(community) + "/members", organisation(other)).status()).isEqualTo(403);
        assertThat(memberAdministrator.delete(path(community) + "/members/" + memberOrganisation).status()).isEqualTo(403);
        assertThat(member(communityAdministrator, community, memberOrganisation)).isNotNull();
    }

    @Test
    void anOrganisationIsAddedOnceAndMustExist() {
        UUID joining = fixtures.organisation("FACT_CHECKER");
        communityAdministrator.post(path(community) + "/members", organisation(joining));

        Api.Response twice = communityAdministrator.post(path(community) + "/members", organisation(joining));
        Api.Response unknown = communityAdministrator.post(path(community) + "/members", organisation(UUID.randomUUID()));
        Api.Response malformed = communityAdministrator.post(path(community) + "/members", Map.of("organisationId", "nope"));

        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().at("/errors/0/field").asText()).isEqualTo("organisationId");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("organisationId");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().at("/errors/0/field").asText()).isEqualTo("organisationId");
    }

    @Test
    void aPlatformAdministratorRunsEveryCommunity() {
        UUID joining = fixtures.organisation("FACT_CHECKER");

        assertThat(fixtures.admin().post(path(community) + "/members", organisation(joining)).status()).isEqualTo(201);
        assertThat(fixtures.admin().delete(path(community) + "/members/" + joining).status()).isEqualTo(204);
    }

    @Test
    void anAccountOfAMemberOrganisationIsAppointedAdministratorAndThenRunsTheCommunity() {
        UUID memberOrganisation = fixtures.organisation("MEDIA");
        communityAdministrator.post(path(community) + "/members", organisation(memberOrganisation));
        Api analyst = fixtures.signedIn(fixtures.account(memberOrganisation, "ANALYST"));
        UUID analystId = accountId(analyst);

        Api.Response appointed = communityAdministrator.post(path(community) + "/administrators", Map.of("accountId", analystId.toString()));

        assertThat(appointed.status()).as(appointed.toString()).isEqualTo(201);
        assertThat(appointed.json().get("organisationId").asText()).isEqualTo(memberOrganisation.toString());
        assertThat(analyst.post(path(community) + "/members", organisation(fixtures.organisation("RESEARCH"))).status()).isEqualTo(201);
    }

    @Test
    void anAccountOfAnOrganisationThatIsNotAMemberCannotBeAppointed() {
        Api outsider = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ADMINISTRATOR"));

        Api.Response refused = communityAdministrator.post(path(community) + "/administrators",
                Map.of("accountId", accountId(outsider).toString()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("accountId");
    }

    @Test
    void removingAMemberWithdrawsItsAccountsAsAdministrators() {
        UUID memberOrganisation = fixtures.organisation("MEDIA");
        communityAdministrator.post(path(community) + "/members", organisation(memberOrganisation));
        Api analyst = fixtures.signedIn(fixtures.account(memberOrganisation, "ANALYST"));
        communityAdministrator.post(path(community) + "/administrators", Map.of("accountId", accountId(analyst).toString()));

        communityAdministrator.delete(path(community) + "/members/" + memberOrganisation);

        assertThat(communityAdministrator.get(path(community) + "/administrators/" + accountId(analyst)).status()).isEqualTo(404);
        assertThat(analyst.post(path(community) + "/members", organisation(fixtures.organisation("RESEARCH"))).status()).isEqualTo(403);
    }
}
