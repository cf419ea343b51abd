package org.vigie.server.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** The TAXII page tells a user what to paste into a TAXII client, in English and French. */
@VigieTest
class TaxiiPageTest {

    @LocalServerPort
    int port;

    @Test
    void thePageShowsTheAddressesTheUsersCollectionsAndAReadyClientConfiguration() {
        Fixtures fixtures = new Fixtures(port);
        UUID organisation = fixtures.organisation("MEDIA");
        String username = fixtures.account(organisation, "ANALYST");
        BrowserSession browser = BrowserSession.signedIn(port, username, Fixtures.PASSWORD);

        BrowserSession.Page page = browser.get("/taxii");

        assertThat(page.status()).isEqualTo(200);
        String text = page.text();
        assertThat(page.tag("taxii-discovery")).isNotNull();
        assertThat(text).contains(":" + port + "/taxii2/ ").contains(":" + port + "/taxii2/api/ ");
        assertThat(text).contains(organisation.toString()).contains(TaxiiCollection.EVERYTHING_ID.toString());
        assertThat(text).contains("username : " + username).contains("password : <API token>");
        assertThat(text).contains("from taxii2client.v21 import").contains("/taxii2/api/collections/" + organisation + "/");
        assertThat(text).contains("curl -u '" + username + ":<API token>'");
        assertThat(page.text()).contains("TLP:AMBER").contains("Everything you may read");
        assertThat(browser.get("/").body()).contains("href=\"/taxii\"");

        BrowserSession french = BrowserSession.signedIn(port, username, Fixtures.PASSWORD, "fr");
        assertThat(french.get("/taxii").text()).contains("URL de découverte").contains("Tout ce que vous pouvez lire");
    }
}
