package org.vigie.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.core.organisations.Sector;
import org.vigie.server.support.StandaloneVigie;

class DemoDataTest {

    @TempDir
    Path data;

    private static Set<String> sectorsOf(JsonNode organisations) {
        Set<String> sectors = new HashSet<>();
        organisations.forEach(o -> sectors.add(o.get("sector").asText()));
        return sectors;
    }

    @Test
    void theDemoSeedsEverySectorOneAccountPerRoleItsElectionsAndStaysIdempotent() {
        int organisationsAfterFirstStart;
        java.util.Map<String, Integer> panelRecordAfterFirstStart;
        try (StandaloneVigie first = StandaloneVigie.start(data, "--vigie.demo=true")) {
            JsonNode organisations = first.fixtures().admin().get("/api/v1/organisations").json();
            organisationsAfterFirstStart = organisations.size();

            assertThat(sectorsOf(organisations)).hasSize(Sector.values().length);
            assertThat(StreamSupport.stream(organisations.spliterator(), false)).allMatch(o -> o.get("country").asText().equals("XV"));
            JsonNode users = first.fixtures().admin().get("/api/v1/users").json();
            Set<String> roles = new HashSet<>();
            users.forEach(u -> roles.add(u.get("role").asText()));
            assertThat(roles).contains("ADMINISTRATOR", "ANALYST", "VIEWER");
            JsonNode dutyDesks = first.fixtures().admin().get("/api/v1/contacts?country=XV&topic=DUTY_24_7").json();
            assertThat(dutyDesks).isNotEmpty();
            assertThat(first.fixtures().admin().get("/api/v1/communities").body()).contains("Valdoria election cell 2027");
            JsonNode elections = first.fixtures().admin().get("/api/v1/elections?country=XV").json();
            assertThat(elections.findValuesAsText("name"))
                    .containsExactly("Valdoria 2027 legislative election", "Valdoria 2026 local elections");
            assertThat(elections.get(0).get("electionDay").asText()).isEqualTo("2027-06-13");
            assertThat(elections.get(0).get("secondRoundDay").asText()).isEqualTo("2027-06-20");
            assertThat(elections.get(0).get("campaignStarts").asText()).isEqualTo("2027-05-31");
            assertThat(elections.get(0).get("campaignEnds").asText()).isEqualTo("2027-06-12");
            assertThat(elections.get(0).get("type").asText()).isEqualTo("LEGISLATIVE");
            assertThat(first.fixtures().admin().get("/api/v1/objects?type=report").json().get("objects").findValuesAsText("name"))
                    .as("the CLEAR advisory").contains("Public advisory: where results are published");
            assertThat(first.fixtures().admin().get("/api/v1/objects?type=indicator").json().get("objects").findValuesAsText("name"))
                    .as("the AMBER indicator is not for the platform administrator").doesNotContain("Fake voter-registration portal");
            JsonNode reports = first.fixtures().admin().get("/api/v1/reports").json().get("reports");
            assertThat(reports.findValuesAsText("title")).as("CLEAR reports only, for the platform administrator")
                    .contains("Fake audio of the commission's chair announcing a postponement",
                            "Credential phishing against commission staff blocked")
                    .doesNotContain("SMS telling voters their registration has been cancelled");
            String audio = reports.findValues("id").get(reports.findValuesAsText("title")
                    .indexOf("Fake audio of the commission's chair announcing a postponement")).asText();
            assertThat(first.fixtures().admin().get("/api/v1/reports/" + audio + "/related").json().findValuesAsText("title"))
                    .as("the demo shows correlation").contains("Credential phishing against commission staff blocked");
            assertThat(first.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("SELECT count(DISTINCT recipient_account) FROM notifications WHERE channel = 'IN_APP'").query(Integer.class).single())
                    .as("the demo people's subscriptions caught the demo reports").isGreaterThanOrEqualTo(2);
            assertThat(first.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("SELECT count(*) FROM response_boards").query(Integer.class).single())
                    .as("a response under way on the fake audio").isEqualTo(1);
            assertThat(demoRunState(first)).as("the demo's detection run on the German 2021 dataset").isEqualTo("SUCCEEDED");
            assertThat(first.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("SELECT count(*) FROM monitoring_groups g JOIN monitoring_runs r ON r.id = g.run_id WHERE r.source_name = 'german-elections-2021'")
                    .query(Integer.class).single()).as("groups found in the demo run").isPositive();
            DemoPanelChecks.assertSeeded(first);
            panelRecordAfterFirstStart = DemoPanelChecks.record(first);
        }

        try (StandaloneVigie second = StandaloneVigie.start(data, "--vigie.demo=true")) {
            assertThat(second.fixtures().admin().get("/api/v1/organisations").json().size()).isEqualTo(organisationsAfterFirstStart);
            assertThat(second.fixtures().admin().get("/api/v1/elections?country=XV").json().size()).as("elections seeded once").isEqualTo(2);
            assertThat(second.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("SELECT count(*) FROM monitoring_runs WHERE source_name = 'german-elections-2021'").query(Integer.class).single())
                    .as("the demo run is not started again once it has succeeded").isEqualTo(1);
            assertThat(DemoPanelChecks.record(second)).as("the panel, its cases and the statement are seeded once")
                    .isEqualTo(panelRecordAfterFirstStart);
        }
    }

    /** Waits for the demo run (it runs on the monitoring pool) to end, for two minutes at most. */
    private static String demoRunState(StandaloneVigie vigie) {
        org.springframework.jdbc.core.simple.JdbcClient jdbc = vigie.bean(org.springframework.jdbc.core.simple.JdbcClient.class);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            String state = jdbc.sql("SELECT state FROM monitoring_runs r JOIN organisations o ON o.id = r.owner_organisation "
                    + "WHERE r.source_name = 'german-elections-2021' AND o.name = 'Valdoria Electoral Commission'")
                    .query(String.class).optional().orElse("NONE");
            if (!state.equals("QUEUED") && !state.equals("RUNNING") || System.nanoTime() > deadline) {
                return state;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return state;
            }
        }
    }
}
