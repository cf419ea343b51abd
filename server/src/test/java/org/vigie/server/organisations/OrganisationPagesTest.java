package org.vigie.server.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;
import org.vigie.server.support.BrowserSession;

@VigieTest
class OrganisationPagesTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
    }

    private BrowserSession platformAdministrator(String language) {
        return BrowserSession.signedIn(port, "admin", VigieTest.ADMIN_PASSWORD, language);
    }

    @Test
    void anInvalidFormIsShownAgainWithWhatWasTypedAndTheErrorNextToTheField() {
        String typedName = Fixtures.unique("Typed");

        BrowserSession.Page page = platformAdministrator("en").submit("/organisations/new",
                Map.of("name", typedName, "sector", "", "country", "FR", "description", "Typed <description>"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("value=\"" + typedName + "\"")
                .contains("Typed &lt;description&gt;</textarea>")
                .contains("<option value=\"FR\" selected=\"selected\">")
                .contains("id=\"sector-error\" class=\"field-error\">Choose a sector.</p>")
                .containsPattern("<select id=\"sector\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"sector-error\"");
    }

    @Test
    void errorsAreInTheReadersLanguage() {
        BrowserSession.Page page = platformAdministrator("fr").submit("/organisations/new",
                Map.of("name", "", "sector", "MEDIA", "country", "FR", "description", ""));

        assertThat(page.body()).contains("Donnez un nom à l’organisation.");
    }

    @Test
    void aTakenNameIsShownAsAnErrorOnTheNameField() {
        String name = Fixtures.unique("Taken");
        fixtures.admin().post("/api/v1/organisations", Map.of("name", name, "sector", "MEDIA", "country", "FR"));

        BrowserSession.Page page = platformAdministrator("en").submit("/organisations/new",
                Map.of("name", name.toLowerCase(), "sector", "MEDIA", "country", "FR", "description", ""));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"name-error\" class=\"field-error\">An organisation with this name already exists.</p>");
    }

    @Test
    void aSavedOrganisationLeadsToItsPageWithANotice() {
        String name = Fixtures.unique("Saved");
        BrowserSession admin = platformAdministrator("en");

        BrowserSession.Page saved = admin.submit("/organisations/new",
                Map.of("name", name, "sector", "CIVIL_SOCIETY", "country", "XV", "description", "An exercise body"));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).matches(".*/organisations/[0-9a-f-]{36}");
        BrowserSession.Page detail = admin.get(saved.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(detail.body()).contains(name, "Civil society", "XV", "The organisation is saved.");
    }

    @Test
    void theFormCannotSetWhatIsNotOnIt() {
        UUID organisation = fixtures.organisation("MEDIA");
        BrowserSession admin = platformAdministrator("en");
        String name = Fixtures.unique("Renamed");

        admin.submit("/organisations/" + organisation + "/edit", Map.of("name", name, "sector", "MEDIA", "country", "FR",
                "description", "", "id", UUID.randomUUID().toString(), "createdAt", "2000-01-01T00:00:00Z"));

        assertThat(fixtures.admin().get("/api/v1/organisations/" + organisation).json().get("name").asText()).isEqualTo(name);
    }

    @Test
    void onlyThoseAllowedSeeTheControlsToChangeAnOrganisation() {
        UUID organisation = fixtures.organisation("MEDIA");
        BrowserSession administrator = BrowserSession.signedIn(port, fixtures.account(organisation, "ADMINISTRATOR"), Fixtures.PASSWORD);
        BrowserSession analyst = BrowserSession.signedIn(port, fixtures.account(organisation, "ANALYST"), Fixtures.PASSWORD);

        assertThat(administrator.get("/organisations/" + organisation).body()).contains("id=\"add-contact\"", "id=\"edit-organisation\"");
        assertThat(analyst.get("/organisations/" + organisation).body()).doesNotContain("id=\"add-contact\"", "id=\"edit-organisation\"");
        assertThat(analyst.get("/organisations/" + organisation + "/contacts/new").status()).isEqualTo(403);
        assertThat(analyst.get("/organisations").body()).doesNotContain("id=\"new-organisation\"");
        assertThat(analyst.get("/organisations/new").status()).isEqualTo(403);
    }

    @Test
    void anUnknownOrMalformedOrganisationAddressIsNotFound() {
        BrowserSession admin = platformAdministrator("en");

        assertThat(admin.get("/organisations/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(admin.get("/organisations/not-a-uuid").status()).isEqualTo(404);
    }
}
