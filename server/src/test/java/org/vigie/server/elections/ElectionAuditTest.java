package org.vigie.server.elections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.elections.ElectionFixtures.create;
import static org.vigie.server.elections.ElectionFixtures.election;
import static org.vigie.server.elections.ElectionFixtures.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class ElectionAuditTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void creatingAndChangingAnElectionIsAuditedWithWhoAndTheFieldsChanged() {
        Fixtures fixtures = new Fixtures(port);
        String administratorName = fixtures.account(fixtures.organisation("GOVERNMENT_AGENCY"), "ADMINISTRATOR");
        Api administrator = fixtures.signedIn(administratorName);
        JsonNode created = create(administrator, election(LocalDate.of(2032, 5, 9)));
        Map<String, Object> change = new HashMap<>();
        change.put("electionDay", "2032-05-16");
        change.put("secondRoundDay", null);
        change.put("description", "Renews the national assembly."); // as it was: not a change
        administrator.patch(path(created), change);
        administrator.patch(path(created), Map.of("type", "LEGISLATIVE")); // nothing changes: nothing audited

        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT action, actor_name, details FROM audit_log
                WHERE target_type = 'election' AND target_id = :id ORDER BY sequence""")
                .param("id", created.get("id").asText()).query().listOfRows();

        assertThat(rows).extracting(r -> r.get("action")).containsExactly("election.created", "election.updated");
        assertThat(rows).extracting(r -> r.get("actor_name")).containsOnly(administratorName);
        assertThat((String) rows.get(0).get("details")).contains(created.get("name").asText(), "\"country\":\"XV\"",
                "\"type\":\"LEGISLATIVE\"", "\"electionDay\":\"2032-05-09\"", "\"campaignStarts\":\"2032-04-26\"");
        assertThat((String) rows.get(1).get("details"))
                .contains("\"electionDay\":\"2032-05-16\"", "\"secondRoundDay\":null")
                .doesNotContain("description", "name", "campaign");
    }
}
