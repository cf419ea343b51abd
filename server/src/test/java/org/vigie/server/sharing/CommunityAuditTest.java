package org.vigie.server.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.sharing.CommunityFixtures.accountId;
import static org.vigie.server.sharing.CommunityFixtures.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class CommunityAuditTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyChangeIsAuditedWithWhoAndWhatButNoPersonalValues() {
        Fixtures fixtures = new Fixtures(port);
        String creatorName = fixtures.account(fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ADMINISTRATOR");
        Api creator = fixtures.signedIn(creatorName);
        JsonNode community = CommunityFixtures.create(creator);
        UUID joining = fixtures.organisation("FACT_CHECKER");
        creator.post(path(community) + "/members", Map.of("organisationId", joining.toString()));
        Api joiningAdministrator = fixtures.signedIn(fixtures.account(joining, "ADMINISTRATOR"));
        joiningAdministrator.post(path(community) + "/charter/accept", "");
        creator.post(path(community) + "/administrators", Map.of("accountId", accountId(joiningAdministrator).toString()));
        creator.patch(path(community), Map.of("purpose", "Election night", "charter", "A new text."));
        creator.delete(path(community) + "/administrators/" + accountId(joiningAdministrator));
        creator.delete(path(community) + "/members/" + joining);

        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT action, actor_name, details FROM audit_log
                WHERE target_type = 'community' AND target_id = :id ORDER BY sequence""")
                .param("id", community.get("id").asText()).query().listOfRows();

        assertThat(rows).extracting(r -> r.get("action")).containsExactly(
                "community.created", "community.member-added", "community.charter-accepted", "community.administrator-appointed",
                "community.member-added", "community.charter-accepted", "community.administrator-appointed",
                "community.updated", "community.charter-changed", "community.administrator-removed", "community.member-removed");
        assertThat(rows.get(5).get("actor_name")).as("who accepted").isNotEqualTo(creatorName);
        assertThat((String) rows.get(0).get("details")).contains(community.get("name").asText(), "\"charterVersion\":1", "ELECTION_MANAGEMENT_BODY");
        assertThat((String) rows.get(5).get("details")).contains("\"organisationId\":\"" + joining, "\"charterVersion\":1");
        assertThat((String) rows.get(8).get("details")).contains("\"charterVersion\":2", "A new text.");
        assertThat(rows).extracting(r -> (String) r.get("details"))
                .allSatisfy(details -> assertThat(details).doesNotContain("Test ADMINISTRATOR", "@"));
    }
}
