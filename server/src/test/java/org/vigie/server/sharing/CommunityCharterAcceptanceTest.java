package org.vigie.server.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.sharing.CommunityFixtures.charter;
import static org.vigie.server.sharing.CommunityFixtures.member;
import static org.vigie.server.sharing.CommunityFixtures.objective;
import static org.vigie.server.sharing.CommunityFixtures.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class CommunityCharterAcceptanceTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    Api communityAdministrator;
    JsonNode community;
    UUID memberOrganisation;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        communityAdministrator = fixtures.signedIn(fixtures.account(fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ADMINISTRATOR"));
        community = CommunityFixtures.create(communityAdministrator);
        memberOrganisation = fixtures.organisation("FACT_CHECKER");
        communityAdministrator.post(path(community) + "/members", Map.of("organisationId", memberOrganisation.toString()));
    }

    private String accept() {
        return path(community) + "/charter/accept";
    }

    @Test
    void aMemberOrganisationsAdministratorAcceptsTheCharterForIt() {
        String username = fixtures.account(memberOrganisation, "ADMINISTRATOR");

        Api.Response accepted = fixtures.signedIn(username).post(accept(), "");

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().get("organisationId").asText()).isEqualTo(memberOrganisation.toString());
        assertThat(accepted.json().get("accepted").asBoolean()).isTrue();
        assertThat(accepted.json().get("acceptedVersion").asInt()).isEqualTo(1);
        assertThat(accepted.json().get("acceptedBy").asText()).isEqualTo(username);
        assertThat(accepted.json().get("acceptedAt").asText()).isNotBlank();
        assertThat(member(communityAdministrator, community, memberOrganisation).get("accepted").asBoolean()).isTrue();
    }

    @Test
    void acceptingAgainChangesNothing() {
        String username = fixtures.account(memberOrganisation, "ADMINISTRATOR");
        Api administrator = fixtures.signedIn(username);
        String first = administrator.post(accept(), "").json().get("acceptedAt").asText();

        Api.Response again = fixtures.signedIn(fixtures.account(memberOrganisation, "ADMINISTRATOR")).post(accept(), "");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("acceptedAt").asText()).isEqualTo(first);
        assertThat(again.json().get("acceptedBy").asText()).isEqualTo(username);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'community.charter-accepted' AND target_id = :id"
                        + " AND details LIKE :organisation")
                .param("id", community.get("id").asText()).param("organisation", "%" + memberOrganisation + "%")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAnalystMayNotAcceptForTheirOrganisation() {
        Api analyst = fixtures.signedIn(fixtures.account(memberOrganisation, "ANALYST"));

        assertThat(analyst.post(accept(), "").status()).isEqualTo(403);
        assertThat(member(communityAdministrator, community, memberOrganisation).get("accepted").asBoolean()).isFalse();
    }

    @Test
    void aPlatformAdministratorMayNotAcceptForAnOrganisation() {
        assertThat(fixtures.admin().post(accept(), "").status()).isEqualTo(403);
    }

    @Test
    void anOrganisationThatIsNotAMemberCannotAccept() {
        Api outsider = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ADMINISTRATOR"));

        Api.Response refused = outsider.post(accept(), "");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("not a member of this community");
    }

    @Test
    void aChangedCharterIsANewVersionThatEveryMemberMustAcceptAgain() {
        Api memberAdministrator = fixtures.signedIn(fixtures.account(memberOrganisation, "ADMINISTRATOR"));
        memberAdministrator.post(accept(), "");

        Api.Response changed = communityAdministrator.patch(path(community), Map.of("charter",
                charter("Now also indicators.", objective(List.of("FACT_CHECKER"), List.of("INDICATORS"), "GREEN"))));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("charterVersion").asInt()).isEqualTo(2);
        assertThat(changed.json().get("members")).allSatisfy(m -> {
            assertThat(m.get("accepted").asBoolean()).isFalse();
            assertThat(m.get("acceptedVersion").asInt()).as("the version last accepted stays known").isEqualTo(1);
        });
        Api.Response reaccepted = memberAdministrator.post(accept(), "");
        assertThat(reaccepted.json().get("accepted").asBoolean()).isTrue();
        assertThat(reaccepted.json().get("acceptedVersion").asInt()).isEqualTo(2);
    }

    @Test
    void theSameCharterSentAgainIsNotANewVersion() {
        Api.Response unchanged = communityAdministrator.patch(path(community), Map.of("charter", CommunityFixtures.electionCharter()));

        assertThat(unchanged.json().get("charterVersion").asInt()).isEqualTo(1);
    }

    @Test
    void aVersionReadBeforeTheCharterChangedIsNotAccepted() {
        communityAdministrator.patch(path(community), Map.of("charter", "A new text."));

        Api.Response refused = fixtures.signedIn(fixtures.account(memberOrganisation, "ADMINISTRATOR"))
                .post(accept(), Map.of("charterVersion", 1));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("charterVersion");
        assertThat(member(communityAdministrator, community, memberOrganisation).get("accepted").asBoolean()).isFalse();
    }
}
