package org.vigie.server.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class TaxonomyPageTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
    }

    private BrowserSession signedIn(String language) {
        return BrowserSession.signedIn(port, fixtures.account(fixtures.organisation("FACT_CHECKER"), "ANALYST"), Fixtures.PASSWORD, language);
    }

    @Test
    void listsTheStagesWithTheirPhasesAndTheTargets() {
        BrowserSession.Page page = signedIn("en").get("/reference/taxonomy");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Election-cycle taxonomy", "Pre-electoral", "Legal framework", "Campaign",
                "Electoral", "Voting", "Counting", "Results", "Post-electoral", "Disputes", "Audits", "Archiving",
                "Election management body", "Fact-checker", "Electoral infrastructure");
        assertThat(page.body()).contains("data-stage=\"PRE_ELECTORAL\"", "data-phase=\"ARCHIVING\"", "data-target=\"VOTERS\"",
                "href=\"/disarm\"");
        assertThat(page.text().indexOf("Legal framework")).isLessThan(page.text().indexOf("Voting"));
    }

    @Test
    void isInFrenchForAFrenchBrowser() {
        BrowserSession.Page page = signedIn("fr").get("/reference/taxonomy");

        assertThat(page.text()).contains("Taxonomie du cycle \u00e9lectoral", "Pr\u00e9-\u00e9lectorale", "Cadre juridique",
                "D\u00e9pouillement", "Contentieux", "Organe de gestion \u00e9lectorale", "Infrastructure \u00e9lectorale");
    }
}
