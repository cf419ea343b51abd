package org.vigie.server.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.support.ReportFiling.report;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.ReportFiling;
import org.vigie.server.support.VigieTest;

@VigieTest
class CampaignPagesTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    UUID election;
    String analystName;
    Api analyst;
    String outsiderName;
    Api outsider;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        election = ReportFiling.election(fixtures);
        analystName = fixtures.account(fixtures.organisation("GOVERNMENT_AGENCY"), "ANALYST");
        analyst = fixtures.signedIn(analystName);
        outsiderName = fixtures.account(fixtures.organisation("MEDIA"), "ANALYST");
        outsider = fixtures.signedIn(outsiderName);
    }

    BrowserSession browser(String username, String language) {
        return BrowserSession.signedIn(port, username, Fixtures.PASSWORD, language);
    }

    @Test
    void theCampaignPageDrawsAndListsOnlyTheReportsTheReaderMaySee() {
        String open = report("Open phishing page", election, "https://open-page.example/").fileAs(analyst);
        String secret = report("Agency-only source", election, "https://secret-page.example/")
                .with("tlp", "AMBER").with("outcome", "SUCCESSFUL").with("disarmTechniques", List.of("T0086")).fileAs(analyst);
        String id = analyst.post("/api/v1/campaigns", Map.of("name", "Operation Mirror", "reports", List.of(open, secret), "tlp", "CLEAR"))
                .json().get("id").asText();

        BrowserSession.Page seen = browser(outsiderName, "en").get("/campaigns/" + id);

        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.text()).contains("Operation Mirror", "Open phishing page", "Timeline", "DISARM techniques used");
        assertThat(seen.body()).contains("<svg", "class=\"mark mark-attempted\"", "href=\"/reports/" + open + "\"");
        assertThat(seen.body()).doesNotContain(secret, "Agency-only source", "secret-page", "T0086", "class=\"mark mark-successful\"", " style=");
        assertThat(seen.body()).contains("id=\"campaign-report-count\">1<");

        BrowserSession.Page owner = browser(analystName, "fr").get("/campaigns/" + id);
        assertThat(owner.body()).contains(secret, "mark mark-successful");
        assertThat(owner.text()).contains("Chronologie", "Techniques DISARM employées", "Retirer");
    }

    @Test
    void aSuggestionOpensTheFormWithItsReportsTickedAndBecomesACampaign() {
        String a = report("Kit seen first", election, "https://suggest-page.example/login").fileAs(analyst);
        String b = report("Kit seen again", election, "https://suggest-page.example/login").fileAs(analyst);
        BrowserSession session = browser(analystName, "en");

        BrowserSession.Page list = session.get("/campaigns?election=" + election);
        assertThat(list.text()).contains("Suggestions from correlation clusters", "Kit seen first", "Kit seen again");
        assertThat(list.body()).contains("/campaigns/new?election=" + election + "&amp;seed=");

        BrowserSession.Page form = session.get("/campaigns/new?election=" + election + "&seed=" + a);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"" + a + "\" checked", "value=\"" + b + "\" checked");

        BrowserSession.Page created = session.submitAndFollow("/campaigns", Map.of("name", "Operation Suggested",
                "description", "One **kit**, <script>x()</script> two reports.", "reports", a + "," + b, "tlp", "CLEAR"));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.text()).contains("The campaign is created.", "Operation Suggested", "Kit seen first", "Kit seen again");
        assertThat(created.body()).contains("<strong>kit</strong>").doesNotContain("<script>x()");
    }

    @Test
    void aReportsPageOffersToAddItToOneOfOurCampaigns() {
        String first = report("First of the operation", election).fileAs(analyst);
        String later = report("Found later", election).fileAs(analyst);
        String id = analyst.post("/api/v1/campaigns", Map.of("name", "Operation Later", "reports", List.of(first), "tlp", "CLEAR"))
                .json().get("id").asText();
        BrowserSession session = browser(analystName, "en");

        assertThat(session.get("/reports/" + later).body()).contains("hx-get=\"/campaigns/picker?report=" + later + "\"");
        BrowserSession.Page box = session.get("/campaigns/picker?report=" + later, "HX-Request", "true");
        assertThat(box.body()).contains("id=\"add-to-campaign\"", "value=\"" + id + "\"", "Operation Later").doesNotContain("<html");

        BrowserSession.Page back = session.submit("/campaigns/add", Map.of("campaign", id, "reports", later,
                "returnTo", "/reports/" + later));
        assertThat(back.status()).isEqualTo(302);
        assertThat(back.location()).contains("/reports/" + later);
        assertThat(session.get("/campaigns/picker?report=" + later, "HX-Request", "true").text()).contains("Part of", "Operation Later");

        assertThat(browser(outsiderName, "en").get("/campaigns/picker?report=" + later, "HX-Request", "true").body())
                .doesNotContain("id=\"add-to-campaign\"");
    }

    @Test
    void pagesRenderWithNoCampaignAndNoReport() {
        BrowserSession.Page list = browser(outsiderName, "fr").get("/campaigns?election=" + election);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains("Campagnes", "Suggestions tirées des groupes de corrélation");
        assertThat(browser(outsiderName, "en").get("/campaigns/new").text()).contains("No report chosen yet");
        assertThat(browser(outsiderName, "en").get("/").body()).contains("href=\"/campaigns\"");
    }
}
