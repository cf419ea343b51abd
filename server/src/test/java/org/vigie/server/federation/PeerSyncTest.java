package org.vigie.server.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.support.Api;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/**
 * The TAXII client and the pull against a small fake TAXII server: what is kept, skipped and
 * refused, pagination and the cursor, errors recorded on the run, the token kept secret. Objects
 * pulled in bulk are GREEN, shared into this test's community: a thousand CLEAR objects would be
 * visible to every other test of the shared application and crowd their first pages.
 */
@VigieTest
class PeerSyncTest {

    static final String TOKEN = "peer-token-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Synchronisations schedule;

    @Autowired
    org.vigie.server.support.MutableClock clock;

    Fixtures fixtures;
    FakeTaxiiServer peerHub;
    UUID community;
    Api member;
    Api outsider;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = new Fixtures(port);
        peerHub = new FakeTaxiiServer(TOKEN);
        UUID memberOrganisation = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        member = fixtures.signedIn(fixtures.account(memberOrganisation, "ADMINISTRATOR"));
        community = FederationFixtures.activeCommunity(member, Fixtures.unique("Federated"));
        outsider = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ANALYST"));
    }

    @AfterEach
    void tearDown() {
        peerHub.close();
    }

    static Map<String, Object> indicator(String id, String modified, Tlp tlp) {
        Map<String, Object> indicator = new LinkedHashMap<>();
        indicator.put("type", "indicator");
        indicator.put("spec_version", "2.1");
        indicator.put("id", id);
        indicator.put("created", "2027-03-01T10:00:00.000Z");
        indicator.put("modified", modified);
        indicator.put("name", "Fake voter portal " + id.substring(11, 19));
        indicator.put("pattern", "[url:value = 'https://vote-valdoria.example/login']");
        indicator.put("pattern_type", "stix");
        indicator.put("valid_from", "2027-03-01T10:00:00Z");
        if (tlp != null) {
            indicator.put("object_marking_refs", List.of(tlp.markingDefinitionId()));
        }
        return indicator;
    }

    static String id() {
        return "indicator--" + UUID.randomUUID();
    }

    BrowserSession adminPages() {
        return BrowserSession.signedIn(port, "admin", VigieTest.ADMIN_PASSWORD, "en");
    }

    UUID registerPeer() {
        return FederationFixtures.register(fixtures.admin(), FederationFixtures.peer(Fixtures.unique("Peer"), peerHub.discoveryUrl(),
                peerHub.apiRoot(), FakeTaxiiServer.COLLECTION, TOKEN, community));
    }

    @Test
    void aPullKeepsWhatIsAtMostTheAcceptedTlpSharedIntoTheCommunityAndSaysWhyTheRestWasLeft() {
        String green = id();
        String clear = id();
        String unmarked = id();
        String amber = id();
        String amberStrict = id();
        String red = id();
        Instant t = Instant.parse("2027-03-02T10:00:00Z");
        peerHub.add(t.plusSeconds(1), indicator(green, "2027-03-01T10:00:00.000Z", Tlp.GREEN));
        peerHub.add(t.plusSeconds(2), indicator(clear, "2027-03-01T10:00:00.000Z", Tlp.CLEAR));
        peerHub.add(t.plusSeconds(3), indicator(unmarked, "2027-03-01T10:00:00.000Z", null));
        peerHub.add(t.plusSeconds(4), indicator(amber, "2027-03-01T10:00:00.000Z", Tlp.AMBER));
        peerHub.add(t.plusSeconds(5), indicator(amberStrict, "2027-03-01T10:00:00.000Z", Tlp.AMBER_STRICT));
        peerHub.add(t.plusSeconds(6), indicator(red, "2027-03-01T10:00:00.000Z", Tlp.RED));
        Map<String, Object> invalid = indicator(id(), "2027-03-01T10:00:00.000Z", Tlp.GREEN);
        invalid.remove("pattern");
        peerHub.add(t.plusSeconds(7), invalid);
        UUID peer = registerPeer();

        JsonNode run = FederationFixtures.syncAndWait(fixtures.admin(), peer);

        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("received").asInt()).isEqualTo(7);
        assertThat(run.get("stored").asInt()).isEqualTo(3);
        assertThat(run.get("skipped").asInt()).as("AMBER above the default GREEN, AMBER+STRICT, RED").isEqualTo(3);
        assertThat(run.get("rejected").asInt()).isEqualTo(1);
        assertThat(run.get("rejections").get(0).get("id").asText()).isEqualTo(invalid.get("id"));
        assertThat(run.get("rejections").get(0).get("reason").asText()).contains("pattern");
        assertThat(run.get("cursorAfter").asText()).isEqualTo(t.plusSeconds(7).toString());

        JsonNode received = member.get("/api/v1/objects/" + green).json();
        assertThat(received.get("object_marking_refs").get(0).asText()).isEqualTo(Tlp.GREEN.markingDefinitionId());
        assertThat(member.get("/api/v1/objects/" + unmarked).json().get("object_marking_refs").get(0).asText())
                .as("unmarked is kept as GREEN").isEqualTo(Tlp.GREEN.markingDefinitionId());
        assertThat(outsider.get("/api/v1/objects/" + green).status()).as("GREEN stays in the community").isEqualTo(404);
        assertThat(outsider.get("/api/v1/objects/" + clear).status()).isEqualTo(200);
        for (String left : List.of(amber, amberStrict, red)) {
            assertThat(jdbc.sql("SELECT count(*) FROM stix_objects WHERE stix_id = :id").param("id", left).query(Integer.class).single())
                    .as(left).isZero();
        }
        UUID owner = UUID.fromString(fixtures.admin().get("/api/v1/peers/" + peer).json().get("organisationId").asText());
        assertThat(jdbc.sql("SELECT owner_organisation FROM stix_objects WHERE stix_id = :id").param("id", green).query(UUID.class).single())
                .as("owned by the organisation standing for the peer").isEqualTo(owner);
        assertThat(jdbc.sql("SELECT run_id FROM federation_provenance WHERE stix_id = :id").param("id", green).query(UUID.class).single())
                .isEqualTo(UUID.fromString(run.get("id").asText()));
        assertThat(peerHub.requests).allSatisfy(r -> assertThat(r.accept()).isEqualTo("application/taxii+json;version=2.1"));
    }

    @Test
    void aPeerAcceptingAmberSharesItWithTheCommunitysOrganisationsOnly() {
        String amber = id();
        peerHub.add(Instant.parse("2027-03-02T10:00:00Z"), indicator(amber, "2027-03-01T10:00:00.000Z", Tlp.AMBER));
        Map<String, Object> settings = FederationFixtures.peer(Fixtures.unique("Peer"), peerHub.discoveryUrl(), peerHub.apiRoot(),
                FakeTaxiiServer.COLLECTION, TOKEN, community);
        settings.put("maxTlp", "AMBER");
        UUID peer = FederationFixtures.register(fixtures.admin(), settings);

        assertThat(FederationFixtures.syncAndWait(fixtures.admin(), peer).get("stored").asInt()).isEqualTo(1);

        assertThat(member.get("/api/v1/objects/" + amber).status()).isEqualTo(200);
        assertThat(outsider.get("/api/v1/objects/" + amber).status()).isEqualTo(404);
    }

    @Test
    void pagesAreFollowedAndTheNextPullAsksOnlyForWhatWasAddedSinceTheLastPage() {
        Instant t = Instant.parse("2027-04-01T10:00:00Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PullSync.PAGE_SIZE * 2 + 3; i++) {
            String id = id();
            ids.add(id);
            peerHub.add(t.plusMillis(i), indicator(id, "2027-03-01T10:00:00.000Z", Tlp.GREEN));
        }
        UUID peer = registerPeer();

        JsonNode first = FederationFixtures.syncAndWait(fixtures.admin(), peer);
        JsonNode second = FederationFixtures.syncAndWait(fixtures.admin(), peer);

        assertThat(first.get("pages").asInt()).isEqualTo(3);
        assertThat(first.get("stored").asInt()).isEqualTo(ids.size());
        assertThat(second.get("received").asInt()).as("nothing new").isZero();
        assertThat(second.get("stored").asInt()).isZero();
        List<FakeTaxiiServer.Seen> asked = peerHub.objectRequests();
        assertThat(asked.get(1).query()).containsEntry("next", String.valueOf(PullSync.PAGE_SIZE)).doesNotContainKey("added_after");
        assertThat(asked.get(asked.size() - 1).query()).containsEntry("added_after", t.plusMillis(ids.size() - 1).toString())
                .doesNotContainKey("next");
    }

    @Test
    void pullingTheSameObjectsAgainStoresNothingNew() {
        peerHub.add(Instant.parse("2027-03-02T10:00:00Z"), indicator(id(), "2027-03-01T10:00:00.000Z", Tlp.GREEN));
        UUID peer = registerPeer();
        FederationFixtures.syncAndWait(fixtures.admin(), peer);
        jdbc.sql("UPDATE federation_peers SET pull_cursor = NULL WHERE id = :id").param("id", peer).update();

        JsonNode again = FederationFixtures.syncAndWait(fixtures.admin(), peer);

        assertThat(again.get("received").asInt()).isEqualTo(1);
        assertThat(again.get("stored").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(1);
    }

    @Test
    void aServerWithoutNextIsPagedByDateAdded() {
        peerHub.giveNext = false;
        Instant t = Instant.parse("2027-05-01T10:00:00Z");
        for (int i = 0; i < PullSync.PAGE_SIZE + 1; i++) {
            peerHub.add(t.plusMillis(i), indicator(id(), "2027-03-01T10:00:00.000Z", Tlp.GREEN));
        }
        UUID peer = registerPeer();

        JsonNode run = FederationFixtures.syncAndWait(fixtures.admin(), peer);

        assertThat(run.get("pages").asInt()).isEqualTo(2);
        assertThat(run.get("stored").asInt()).isEqualTo(PullSync.PAGE_SIZE + 1);
        assertThat(peerHub.objectRequests().get(1).query()).containsEntry("added_after", t.plusMillis(PullSync.PAGE_SIZE - 1).toString());
    }

    @Test
    void aMalformedPageFailsTheRunAndTheCursorStaysAtTheLastPageStored() {
        Instant t = Instant.parse("2027-06-01T10:00:00Z");
        for (int i = 0; i < PullSync.PAGE_SIZE + 1; i++) {
            peerHub.add(t.plusMillis(i), indicator(id(), "2027-03-01T10:00:00.000Z", Tlp.GREEN));
        }
        peerHub.brokenPages.add(1);
        UUID peer = registerPeer();

        JsonNode run = FederationFixtures.syncAndWait(fixtures.admin(), peer);

        assertThat(run.get("state").asText()).isEqualTo("FAILED");
        assertThat(run.get("error").asText()).contains("malformed envelope").contains("\"objects\" is not an array");
        assertThat(run.get("stored").asInt()).isEqualTo(PullSync.PAGE_SIZE);
        assertThat(fixtures.admin().get("/api/v1/peers/" + peer).json().get("pullCursor").asText())
                .as("just before the stored page's last date: the next page may hold more of that date")
                .isEqualTo(t.plusMillis(PullSync.PAGE_SIZE - 1).minusNanos(1000).toString());

        JsonNode resumed = FederationFixtures.syncAndWait(fixtures.admin(), peer);
        assertThat(resumed.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(resumed.get("stored").asInt()).as("the rest, and only the rest").isEqualTo(1);
        assertThat(resumed.get("unchanged").asInt()).as("the last object of the stored page, asked again").isEqualTo(1);
    }

    @Test
    void aWrongTokenIsA401OnTheRunAndThePeerPage() {
        UUID peer = FederationFixtures.register(fixtures.admin(), FederationFixtures.peer(Fixtures.unique("Peer"), peerHub.discoveryUrl(),
                peerHub.apiRoot(), FakeTaxiiServer.COLLECTION, "wrong-token", community));

        JsonNode run = FederationFixtures.syncAndWait(fixtures.admin(), peer);

        assertThat(run.get("state").asText()).isEqualTo("FAILED");
        assertThat(run.get("error").asText()).contains("HTTP 401").contains("token");
        assertThat(adminPages().get("/admin/peers/" + peer).body()).contains("HTTP 401");
        assertThat(adminPages().get("/admin/peers").body()).contains("HTTP 401");
        assertThat(fixtures.admin().get("/api/v1/peers").json().findValues("error").stream().map(JsonNode::asText))
                .anySatisfy(e -> assertThat(e).contains("HTTP 401"));
    }

    @Test
    void aSyncIsCancelledBetweenPagesAndOnlyOneRunsAtATime() {
        Instant t = Instant.parse("2027-07-01T10:00:00Z");
        for (int i = 0; i < PullSync.PAGE_SIZE * 3; i++) {
            peerHub.add(t.plusMillis(i), indicator(id(), "2027-03-01T10:00:00.000Z", Tlp.GREEN));
        }
        peerHub.pageDelayMillis = 700;
        UUID peer = registerPeer();
        String run = fixtures.admin().post("/api/v1/peers/" + peer + "/sync", Map.of()).json().get("id").asText();

        assertThat(fixtures.admin().post("/api/v1/peers/" + peer + "/sync", Map.of()).status()).as("one at a time").isEqualTo(409);
        assertThat(fixtures.admin().post("/api/v1/peers/" + peer + "/sync/cancel", Map.of()).status()).isEqualTo(202);
        JsonNode cancelled = FederationFixtures.waitFor(fixtures.admin(), peer, run);

        assertThat(cancelled.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("stored").asInt()).isLessThan(PullSync.PAGE_SIZE * 3);
        String cursor = fixtures.admin().get("/api/v1/peers/" + peer).json().path("pullCursor").asText(null);
        assertThat(cursor).isEqualTo(cancelled.path("cursorAfter").asText(null));
    }

    @Test
    void theScheduleStartsEnabledPeersWhoseIntervalHasPassedAndLeavesDisabledOnes() {
        peerHub.add(Instant.parse("2027-03-02T10:00:00Z"), indicator(id(), "2027-03-01T10:00:00.000Z", Tlp.GREEN));
        UUID due = registerPeer();
        Map<String, Object> disabled = FederationFixtures.peer(Fixtures.unique("Peer"), peerHub.discoveryUrl(), peerHub.apiRoot(),
                FakeTaxiiServer.COLLECTION, TOKEN, community);
        disabled.put("enabled", false);
        UUID off = FederationFixtures.register(fixtures.admin(), disabled);
        schedule.pullDuePeers();
        assertThat(fixtures.admin().get("/api/v1/peers/" + due + "/runs").json()).as("not due yet").isEmpty();

        clock.advance(java.time.Duration.ofMinutes(601));
        try {
            schedule.pullDuePeers();
            JsonNode run = FederationFixtures.waitForLatest(fixtures.admin(), due, "PULL");
            assertThat(run.get("trigger").asText()).isEqualTo("SCHEDULE");
            assertThat(run.get("stored").asInt()).isEqualTo(1);
            assertThat(fixtures.admin().get("/api/v1/peers/" + off + "/runs").json()).isEmpty();
        } finally {
            clock.reset();
        }
    }

    @Test
    void theTestButtonChecksDiscoveryApiRootAndCollection() {
        UUID peer = registerPeer();

        JsonNode checks = fixtures.admin().post("/api/v1/peers/" + peer + "/test", Map.of()).json();

        assertThat(checks.findValues("ok")).allSatisfy(ok -> assertThat(ok.asBoolean()).isTrue());
        assertThat(checks.get(2).get("detail").asText()).contains("Fake collection");
        assertThat(fixtures.admin().post("/api/v1/peers/test", FederationFixtures.peer("x", peerHub.discoveryUrl(), peerHub.apiRoot(),
                "no-such-collection", TOKEN, community)).json().get(2).get("detail").asText()).contains("HTTP 404");
    }

    @Test
    void theTokenIsNeverShownNorStoredInClearNorAudited() {
        UUID peer = registerPeer();

        assertThat(fixtures.admin().get("/api/v1/peers/" + peer).body()).doesNotContain(TOKEN).contains("\"tokenSet\":true");
        assertThat(fixtures.admin().get("/api/v1/peers").body()).doesNotContain(TOKEN);
        assertThat(adminPages().get("/admin/peers/" + peer + "/edit").body()).doesNotContain(TOKEN);
        assertThat(jdbc.sql("SELECT token_encrypted FROM federation_peers WHERE id = :id").param("id", peer).query(String.class).single())
                .doesNotContain(TOKEN).startsWith("v1:");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE details::text LIKE :t").param("t", "%" + TOKEN + "%")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'federation.peer-registered' AND target_id = :id")
                .param("id", peer.toString()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void onlyPlatformAdministratorsManagePeers() {
        UUID peer = registerPeer();

        assertThat(member.get("/api/v1/peers").status()).isEqualTo(403);
        assertThat(member.post("/api/v1/peers/" + peer + "/sync", Map.of()).status()).isEqualTo(403);
        assertThat(member.get("/api/v1/peers/" + peer + "/runs").status()).isEqualTo(403);
        assertThat(member.post("/api/v1/peers", FederationFixtures.peer("x", peerHub.discoveryUrl(), peerHub.apiRoot(),
                FakeTaxiiServer.COLLECTION, TOKEN, community)).status()).isEqualTo(403);
    }

    @Test
    void amberStrictAndRedCannotBeAcceptedWhateverTheSetting() {
        for (String level : List.of("AMBER+STRICT", "RED")) {
            Map<String, Object> settings = FederationFixtures.peer(Fixtures.unique("Peer"), peerHub.discoveryUrl(), peerHub.apiRoot(),
                    FakeTaxiiServer.COLLECTION, TOKEN, community);
            settings.put("maxTlp", level);

            Api.Response refused = fixtures.admin().post("/api/v1/peers", settings);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("maxTlp");
        }
    }
}
