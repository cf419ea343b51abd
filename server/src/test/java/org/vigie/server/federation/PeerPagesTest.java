package org.vigie.server.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.Api;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** The administrators' pages: register through the form, sync now, the list, in French and English; nobody else. */
@VigieTest
class PeerPagesTest {

    static final String TOKEN = "page-token-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    FakeTaxiiServer peerHub;
    Fixtures fixtures;
    UUID community;
    String memberUsername;

    @BeforeEach
    void setUp() throws Exception {
        peerHub = new FakeTaxiiServer(TOKEN);
        fixtures = new Fixtures(port);
        UUID organisation = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        memberUsername = fixtures.account(organisation, "ADMINISTRATOR");
        community = FederationFixtures.activeCommunity(fixtures.signedIn(memberUsername), Fixtures.unique("Federated"));
    }

    @AfterEach
    void tearDown() {
        peerHub.close();
    }

    private Map<String, String> form(String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("discoveryUrl", peerHub.discoveryUrl());
        form.put("apiRoot", peerHub.apiRoot());
        form.put("collectionId", FakeTaxiiServer.COLLECTION);
        form.put("authScheme", "BEARER");
        form.put("username", "");
        form.put("token", TOKEN);
        form.put("organisationId", "");
        form.put("organisationSector", "INTERNATIONAL_ORGANISATION");
        form.put("organisationCountry", "DE");
        form.put("communityId", community.toString());
        form.put("maxTlp", "GREEN");
        form.put("pullIntervalMinutes", "30");
        form.put("enabled", "true");
        form.put("pushCommunityId", "");
        form.put("pushCollectionId", "");
        return form;
    }

    @Test
    void anAdministratorRegistersAPeerThroughTheFormTestsItAndSyncsIt() {
        BrowserSession admin = BrowserSession.signedIn(port, "admin", VigieTest.ADMIN_PASSWORD, "en");
        assertThat(admin.get("/").body()).contains("href=\"/admin/peers\"");
        assertThat(admin.get("/admin/peers/new").status()).isEqualTo(200);
        String name = Fixtures.unique("Hub A");

        BrowserSession.Page registered = admin.submit("/admin/peers/new", form(name));

        assertThat(registered.status()).as(registered.body()).isEqualTo(302);
        String page = registered.location();
        assertThat(admin.get(page).text()).contains(name).contains("Peer registered").contains("token set").doesNotContain(TOKEN);
        assertThat(admin.submit(page + "/test", Map.of()).text()).contains("Fake collection");
        admin.submit(page + "/sync", Map.of());
        UUID peer = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
        FederationFixtures.waitForLatest(fixtures.admin(), peer, "PULL");
        assertThat(admin.get(page).text()).contains("succeeded");
        assertThat(admin.get("/admin/peers").text()).contains(name);
    }

    @Test
    void theFormSaysWhatIsWrongInFrench() {
        BrowserSession admin = BrowserSession.signedIn(port, "admin", VigieTest.ADMIN_PASSWORD, "fr");
        admin.get("/admin/peers/new");
        Map<String, String> form = form(Fixtures.unique("Hub A"));
        form.put("maxTlp", "RED");

        BrowserSession.Page refused = admin.submit("/admin/peers/new", form);

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("TLP:AMBER+STRICT et TLP:RED ne sont jamais acceptés d’un pair");
        assertThat(admin.get("/admin/peers").text()).contains("Hubs pairs");
    }

    @Test
    void nobodyButPlatformAdministratorsSeesThePages() {
        BrowserSession member = BrowserSession.signedIn(port, memberUsername, Fixtures.PASSWORD, "en");

        assertThat(member.get("/admin/peers").status()).isEqualTo(403);
        assertThat(member.get("/admin/peers/new").status()).isEqualTo(403);
        assertThat(member.get("/").body()).doesNotContain("/admin/peers");
    }
}
