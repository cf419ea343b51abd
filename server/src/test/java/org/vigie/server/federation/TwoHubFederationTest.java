package org.vigie.server.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.support.Api;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.ReportFiling;
import org.vigie.server.support.StandaloneVigie;
import org.vigie.server.support.VigieTest;

/**
 * Two whole Vigie hubs in one test, each on its own database, federating over real HTTP: hub A
 * (a standalone Vigie) shares a community's feed with hub B's organisation through its TAXII 2.1
 * server; hub B (the shared test application) registers hub A as a peer and pulls. Every answer hub A
 * gives passes through a recording proxy, so the test can say what left hub A, not only what hub B kept.
 */
@VigieTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoHubFederationTest {

    @TempDir
    static Path hubAData;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient hubBDatabase;

    StandaloneVigie hubA;
    Fixtures onA;
    UUID federatedOnA;
    UUID hubBOnA;
    Api analystOnA;
    String hubBToken;
    UUID hubBAccountOnA;

    @BeforeAll
    void startHubA() {
        hubA = StandaloneVigie.start(hubAData, "--vigie.federation.schedule=false");
        onA = hubA.fixtures();
        UUID electionBody = onA.organisation("ELECTION_MANAGEMENT_BODY");
        Api administratorOnA = onA.signedIn(onA.account(electionBody, "ADMINISTRATOR"));
        analystOnA = onA.signedIn(onA.account(electionBody, "ANALYST"));
        federatedOnA = FederationFixtures.activeCommunity(administratorOnA, Fixtures.unique("Federated"));

        // hub B is an organisation of hub A, member of the federated community, with an account and a token
        hubBOnA = onA.organisation("INTERNATIONAL_ORGANISATION");
        Api hubBAdministratorOnA = onA.signedIn(onA.account(hubBOnA, "ADMINISTRATOR"));
        assertThat(administratorOnA.post("/api/v1/communities/" + federatedOnA + "/members",
                Map.of("organisationId", hubBOnA.toString())).status()).isEqualTo(201);
        FederationFixtures.accept(hubBAdministratorOnA, federatedOnA);
        String syncAccount = onA.account(hubBOnA, "ANALYST");
        hubBAccountOnA = UUID.fromString(onA.signedIn(syncAccount).get("/api/v1/me").json().get("id").asText());
        hubBToken = onA.anonymous().basic(syncAccount, Fixtures.PASSWORD)
                .post("/api/v1/auth/tokens", Map.of("name", "hub B federation")).json().get("token").asText();
    }

    @AfterAll
    void stopHubA() {
        if (hubA != null) {
            hubA.close();
        }
    }

    @Test
    void aGreenReportTravelsWithItsMarkingWhatIsRestrictedNeverLeavesHubAAndPullingTwiceStoresNothingNew() throws Exception {
        // on hub A: a GREEN report into the federated community, and objects that must not reach hub B
        UUID election = ReportFiling.election(onA);
        String report = ReportFiling.report("Phishing wave against polling staff", election, "https://vote-valdoria.example/login")
                .with("tlp", "GREEN").with("communities", List.of(federatedOnA.toString())).fileAs(analystOnA);
        String reportModified = analystOnA.get("/api/v1/objects/" + report).json().get("modified").asText();
        String clear = storeOnA("CLEAR", "community=" + federatedOnA);
        String amberStrict = storeOnA("AMBER_STRICT", "community=" + federatedOnA + "&organisation=" + hubBOnA);
        String red = storeOnA("RED", "community=" + federatedOnA + "&user=" + hubBAccountOnA);
        String amberForB = storeOnA("AMBER", "community=" + federatedOnA + "&organisation=" + hubBOnA);
        String amberNotForB = storeOnA("AMBER", "community=" + federatedOnA);

        // on hub B: a local community with an active member, and hub A registered as a peer
        Fixtures onB = new Fixtures(port);
        UUID memberOnB = onB.organisation("GOVERNMENT_AGENCY");
        Api readerOnB = onB.signedIn(onB.account(memberOnB, "ADMINISTRATOR"));
        UUID localCommunity = FederationFixtures.activeCommunity(readerOnB, Fixtures.unique("From hub A"));
        try (RecordingProxy wire = new RecordingProxy(hubA.port())) {
            UUID peer = FederationFixtures.register(onB.admin(), FederationFixtures.peer(Fixtures.unique("Hub A"),
                    wire.base() + "/taxii2/", wire.base() + "/taxii2/api/", federatedOnA.toString(), hubBToken, localCommunity));

            JsonNode first = FederationFixtures.syncAndWait(onB.admin(), peer);
            JsonNode second = FederationFixtures.syncAndWait(onB.admin(), peer);

            assertThat(first.get("state").asText()).as(first.toString()).isEqualTo("SUCCEEDED");
            assertThat(first.get("stored").asInt()).as(first.toString()).isGreaterThanOrEqualTo(2);
            assertThat(first.get("skipped").asInt()).as("the AMBER object shared with hub B, above the GREEN accepted").isEqualTo(1);
            assertThat(second.get("stored").asInt()).as("pulling twice stores nothing new").isZero();
            assertThat(second.get("received").asInt()).isZero();

            // the report, with its marking, shared into hub B's community, with its provenance
            JsonNode received = readerOnB.get("/api/v1/objects/" + report).json();
            assertThat(received.get("modified").asText()).isEqualTo(reportModified);
            assertThat(received.get("object_marking_refs").get(0).asText()).isEqualTo(Tlp.GREEN.markingDefinitionId());
            Map<String, Object> row = hubBDatabase.sql("""
                    SELECT tlp, CAST(dist_communities AS text) AS communities, owner_organisation FROM stix_objects
                    WHERE stix_id = :id AND is_latest""").param("id", report).query().singleRow();
            assertThat(row.get("tlp")).isEqualTo("GREEN");
            assertThat(row.get("communities").toString()).isEqualTo("{" + localCommunity + "}");
            assertThat(row.get("owner_organisation").toString())
                    .isEqualTo(onB.admin().get("/api/v1/peers/" + peer).json().get("organisationId").asText());
            assertThat(hubBDatabase.sql("SELECT count(*) FROM federation_provenance WHERE stix_id = :id AND peer_id = :peer")
                    .param("id", report).param("peer", peer).query(Integer.class).single()).isEqualTo(1);
            assertThat(readerOnB.get("/api/v1/reports/" + report).json().get("content").get("title").asText())
                    .as("indexed as a report on hub B").isEqualTo("Phishing wave against polling staff");
            assertThat(BrowserSession.signedIn(port, readerUsername(onB, readerOnB), Fixtures.PASSWORD, "en")
                    .get("/knowledge/objects/" + report).body()).contains("received from peer hub");
            assertThat(readerOnB.get("/api/v1/objects/" + clear).status()).isEqualTo(200);

            // what never left hub A
            for (String kept : List.of(amberStrict, red, amberNotForB)) {
                assertThat(wire.everything()).as(kept + " in a TAXII answer").doesNotContain(kept);
                assertThat(hubBDatabase.sql("SELECT count(*) FROM stix_objects WHERE stix_id = :id").param("id", kept)
                        .query(Integer.class).single()).as(kept).isZero();
            }
            assertThat(hubBDatabase.sql("SELECT count(*) FROM stix_objects WHERE stix_id = :id").param("id", amberForB)
                    .query(Integer.class).single()).as("above the accepted TLP").isZero();
            assertThat(wire.everything()).doesNotContain(Tlp.RED.markingDefinitionId()).doesNotContain(Tlp.AMBER_STRICT.markingDefinitionId());

            // a newer version on hub A arrives as a new version on hub B
            JsonNode current = analystOnA.get("/api/v1/reports/" + report).json();
            Api.Response edited = analystOnA.put("/api/v1/reports/" + report, ReportFiling.report(
                            "Phishing wave against polling staff (updated)", election, "https://vote-valdoria.example/login")
                    .with("tlp", "GREEN").with("communities", List.of(federatedOnA.toString()))
                    .with("baseModified", current.get("modified").asText()).fields());
            assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
            JsonNode third = FederationFixtures.syncAndWait(onB.admin(), peer);
            assertThat(third.get("stored").asInt()).as(third.toString()).isEqualTo(1);
            assertThat(readerOnB.get("/api/v1/objects/" + report + "/versions").json().get("versions")).hasSize(2);
            assertThat(readerOnB.get("/api/v1/reports/" + report).json().get("content").get("title").asText()).endsWith("(updated)");

            // push: hub B sends its community's feed to the federated collection of hub A
            String fromB = storeOn(readerOnB, "GREEN", "community=" + localCommunity);
            UUID readerOnBId = UUID.fromString(readerOnB.get("/api/v1/me").json().get("id").asText());
            String redOnB = storeOn(readerOnB, "RED", "community=" + localCommunity + "&user=" + readerOnBId);
            assertThat(onB.admin().patch("/api/v1/peers/" + peer, Map.of("pushCommunityId", localCommunity.toString(),
                    "pushCollectionId", federatedOnA.toString())).status()).isEqualTo(200);
            FederationFixtures.syncAndWait(onB.admin(), peer);
            JsonNode pushed = FederationFixtures.waitForLatest(onB.admin(), peer, "PUSH");

            assertThat(pushed.get("state").asText()).as(pushed.toString()).isEqualTo("SUCCEEDED");
            assertThat(pushed.get("received").asInt()).as("only hub B's own GREEN object: not RED, not what came from A").isEqualTo(1);
            assertThat(pushed.get("stored").asInt()).isEqualTo(1);
            JsonNode arrived = analystOnA.get("/api/v1/objects/" + fromB).json();
            assertThat(arrived.get("object_marking_refs").get(0).asText()).isEqualTo(Tlp.GREEN.markingDefinitionId());
            assertThat(hubA.bean(JdbcClient.class).sql("SELECT owner_organisation FROM stix_objects WHERE stix_id = :id")
                    .param("id", fromB).query(UUID.class).single()).as("owned on A by hub B's organisation").isEqualTo(hubBOnA);
            assertThat(hubA.bean(JdbcClient.class).sql("SELECT count(*) FROM stix_objects WHERE stix_id = :id")
                    .param("id", redOnB).query(Integer.class).single()).as("RED never leaves hub B").isZero();
            JsonNode pushedAgain = FederationFixtures.waitForLatest(onB.admin(), peer, "PUSH",
                    FederationFixtures.syncAndWait(onB.admin(), peer));
            assertThat(pushedAgain.get("received").asInt()).as("pushing twice sends nothing new").isZero();

            // 150 versions stored at the same instant (one bundle) go in two envelopes, none lost between them
            List<Map<String, Object>> bundle = new java.util.ArrayList<>();
            for (int i = 0; i < 150; i++) {
                bundle.add(PeerSyncTest.indicator("indicator--" + UUID.randomUUID(), "2027-03-01T10:00:00.000Z", Tlp.GREEN));
            }
            Api.Response imported = readerOnB.post("/api/v1/objects?community=" + localCommunity, Map.of("type", "bundle",
                    "id", "bundle--" + UUID.randomUUID(), "objects", bundle));
            assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
            JsonNode bulk = FederationFixtures.waitForLatest(onB.admin(), peer, "PUSH", FederationFixtures.syncAndWait(onB.admin(), peer));
            assertThat(bulk.get("pages").asInt()).isEqualTo(2);
            assertThat(bulk.get("stored").asInt()).isEqualTo(150);
            assertThat(hubA.bean(JdbcClient.class).sql("SELECT count(*) FROM stix_objects WHERE stix_id = ANY(CAST(:ids AS text[]))")
                    .param("ids", bundle.stream().map(o -> o.get("id").toString()).collect(java.util.stream.Collectors.joining(",", "{", "}")))
                    .query(Integer.class).single()).isEqualTo(150);
        }
    }

    @Test
    void aPeerWithAWrongTokenShowsA401OnItsPage() {
        Fixtures onB = new Fixtures(port);
        Api readerOnB = onB.signedIn(onB.account(onB.organisation("GOVERNMENT_AGENCY"), "ADMINISTRATOR"));
        UUID localCommunity = FederationFixtures.activeCommunity(readerOnB, Fixtures.unique("From hub A"));
        String base = "http://127.0.0.1:" + hubA.port();
        UUID peer = FederationFixtures.register(onB.admin(), FederationFixtures.peer(Fixtures.unique("Hub A"), base + "/taxii2/",
                base + "/taxii2/api/", federatedOnA.toString(), "vgt_wrong_token", localCommunity));

        JsonNode run = FederationFixtures.syncAndWait(onB.admin(), peer);

        assertThat(run.get("state").asText()).isEqualTo("FAILED");
        assertThat(run.get("error").asText()).contains("HTTP 401");
        assertThat(run.get("cursorAfter").isNull()).isTrue();
        assertThat(BrowserSession.signedIn(port, "admin", VigieTest.ADMIN_PASSWORD, "en").get("/admin/peers/" + peer).body())
                .contains("HTTP 401");
    }

    private String storeOnA(String tlp, String distribution) {
        return storeOn(analystOnA, tlp, distribution);
    }

    private static String storeOn(Api author, String tlp, String distribution) {
        String id = "indicator--" + UUID.randomUUID();
        Api.Response stored = author.post("/api/v1/objects?tlp=" + tlp + "&" + distribution,
                PeerSyncTest.indicator(id, "2027-03-01T10:00:00.000Z", null));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        return id;
    }

    private static String readerUsername(Fixtures fixtures, Api reader) {
        return reader.get("/api/v1/me").json().get("username").asText();
    }
}
