package org.vigie.server.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.support.ReportFiling.report;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.ReportFiling;
import org.vigie.server.support.VigieTest;

/**
 * A campaign exported by one Vigie and imported into another is a campaign there, with the members
 * its exporter could see; an imported relationship never changes another organisation's campaign.
 */
@VigieTest
class CampaignImportTest {

    @LocalServerPort
    int port;

    UUID election;
    Api analyst;
    Api otherHubAnalyst;

    @BeforeEach
    void setUp() {
        Fixtures fixtures = new Fixtures(port);
        election = ReportFiling.election(fixtures);
        analyst = fixtures.signedIn(fixtures.account(fixtures.organisation("GOVERNMENT_AGENCY"), "ANALYST"));
        otherHubAnalyst = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ANALYST"));
    }

    /**
     * The same store plays the receiving hub: the exported ids are replaced by fresh ones, as if the
     * objects had never been here (else the importer would be writing another organisation's objects).
     */
    static String asIfFromAnotherHub(String bundle, String... ids) {
        for (String id : ids) {
            bundle = bundle.replace(id, id.substring(0, id.indexOf("--") + 2) + UUID.randomUUID());
        }
        return bundle;
    }

    String campaignOfTwoReports() {
        String first = report("Fake page A", election, "https://fake-bureau-" + UUID.randomUUID() + ".example/a").fileAs(analyst);
        String second = report("Fake page B", election, "https://fake-bureau-" + UUID.randomUUID() + ".example/b").fileAs(analyst);
        Api.Response created = analyst.post("/api/v1/campaigns", CampaignApiTest.campaign("Operation Bureau", "CLEAR", List.of(first, second)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void anExportedCampaignImportedElsewhereIsACampaignWithItsMembers() {
        String campaign = campaignOfTwoReports();
        List<String> members = analyst.get("/api/v1/campaigns/" + campaign).json().get("reports").findValuesAsText("id");
        String exported = analyst.get("/api/v1/campaigns/" + campaign + "/stix").body();
        String imported = asIfFromAnotherHub(exported, campaign, members.get(0), members.get(1));
        String newCampaign = imported.substring(imported.indexOf("\"campaign--") + 1, imported.indexOf("\"campaign--") + 1 + 46);

        Api.Response result = otherHubAnalyst.postRaw("/api/v1/import/stix?tlp=GREEN", imported);

        assertThat(result.status()).as(result.body()).isEqualTo(200);
        Api.Response view = otherHubAnalyst.get("/api/v1/campaigns/" + newCampaign);
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        assertThat(view.json().get("name").asText()).isEqualTo("Operation Bureau");
        assertThat(view.json().get("reports").findValuesAsText("id")).hasSize(2).doesNotContainAnyElementsOf(members);
        assertThat(otherHubAnalyst.get("/api/v1/campaigns").json().findValuesAsText("id")).contains(newCampaign);
    }

    @Test
    void anImportedAttributionDoesNotAddAReportToAnotherOrganisationsCampaign() {
        String campaign = campaignOfTwoReports();
        List<String> members = analyst.get("/api/v1/campaigns/" + campaign).json().get("reports").findValuesAsText("id");
        String theirs = report("Their own report", election, "https://elsewhere-" + UUID.randomUUID() + ".example").fileAs(otherHubAnalyst);
        String relationship = """
                {"type": "bundle", "id": "bundle--%s", "objects": [{"type": "relationship", "spec_version": "2.1",
                 "id": "relationship--%s", "created": "2027-03-01T10:00:00.000Z", "modified": "2027-03-01T10:00:00.000Z",
                 "relationship_type": "attributed-to", "source_ref": "%s", "target_ref": "%s"}]}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), theirs, campaign);

        Api.Response result = otherHubAnalyst.postRaw("/api/v1/import/stix?tlp=CLEAR", relationship);

        assertThat(result.status()).as(result.body()).isEqualTo(200);
        assertThat(analyst.get("/api/v1/campaigns/" + campaign).json().get("reports").findValuesAsText("id"))
                .containsExactlyInAnyOrderElementsOf(members);
    }
}
