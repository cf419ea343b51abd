package org.vigie.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.vigie.server.support.ReportFiling.report;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.ReportFiling;
import org.vigie.server.support.VigieTest;

/**
 * An analyst checks whether an election's reports add up, in a real browser: the overview's charts and
 * heat map, a cluster made a campaign, the campaign's timeline, and a later report added from its own
 * page (the box htmx loads there). No page may trip the CSP. With {@code -Dvigie.screenshots=DIR}, the
 * pages are also saved as pictures, to look at them.
 */
@VigieTest
class CampaignBrowserTest {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launch() {
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void shutDown() {
        browser.close();
        playwright.close();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void anAnalystMakesAClusterOfTheOverviewACampaignAndAddsAReportToIt() {
        Fixtures fixtures = new Fixtures(port);
        UUID election = ReportFiling.election(fixtures);
        UUID commission = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        String analyst = fixtures.account(commission, "ANALYST");
        Api api = fixtures.signedIn(analyst);
        Api other = fixtures.signedIn(fixtures.account(fixtures.organisation("PLATFORM_INDUSTRY"), "ANALYST"));
        report("Fake polling-station page", election, "https://bureau-vote-valdoria.com/ou")
                .with("targets", List.of(Map.of("category", "VOTERS"))).fileAs(api);
        report("Same page pushed by bots", election, "https://bureau-vote-valdoria.com/ou")
                .with("types", List.of("COORDINATED_INAUTHENTIC_BEHAVIOUR")).with("outcome", "SUCCESSFUL")
                .with("firstSeen", "2026-10-12T09:00:00Z").with("disarmTechniques", List.of("T0085", "T0086")).fileAs(other);
        report("Commission site defaced", election).with("types", List.of("DEFACEMENT")).with("phase", "VOTING")
                .with("outcome", "UNKNOWN").with("firstSeen", "2026-10-20T06:00:00Z")
                .with("targets", List.of(Map.of("category", "ELECTION_MANAGEMENT_BODY", "organisationId", commission.toString())))
                .fileAs(api);
        String later = report("A third copy of the page", election, "https://bureau-vote-valdoria.net/").fileAs(api);

        List<String> problems = new ArrayList<>();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB")
                .setViewportSize(1280, 900))) {
            context.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    problems.add(m.text());
                }
            });
            context.onResponse(r -> {
                if (r.status() >= 400) {
                    problems.add(r.status() + " " + r.url());
                }
            });
            Page page = context.newPage();
            page.navigate(url("/login"));
            page.locator("#username").fill(analyst);
            page.locator("#password").fill(Fixtures.PASSWORD);
            page.locator("form.form button[type=submit]").click();

            page.navigate(url("/elections/" + election));
            page.locator("#election-overview").click();
            assertThat(page.locator("#overview-total")).hasText("4");
            assertThat(page.locator("#chart-phases svg rect.series-5")).not().hasCount(0);
            assertThat(page.locator("#overview-heatmap li[data-technique=T0085]")).hasAttribute("data-count", "4");
            assertThat(page.locator("#overview-clusters article.cluster")).hasCount(1);
            screenshot(page, "overview");

            page.locator("#overview-clusters a.button").click();
            assertThat(page.locator("#campaign-reports input[type=checkbox]:checked")).hasCount(2);
            page.locator("#campaign-name").fill("Operation Bureau");
            page.locator("#campaign-tlp").selectOption("CLEAR");
            page.locator("#campaign-submit").click();
            assertThat(page.locator("#campaign-name")).hasText("Operation Bureau");
            assertThat(page.locator("#chart-timeline circle.mark")).hasCount(2);

            page.navigate(url("/reports/" + later));
            assertThat(page.locator("#add-to-campaign")).isVisible();
            page.locator("#add-to-campaign button[type=submit]").click();
            assertThat(page.locator("#campaign-picker")).containsText("Operation Bureau");
            page.locator("#campaign-picker a", new Page.LocatorOptions().setHasText("Operation Bureau")).click();
            assertThat(page.locator("#chart-timeline circle.mark")).hasCount(3);
            screenshot(page, "campaign");
        }
        org.assertj.core.api.Assertions.assertThat(problems).as("console errors and failed requests (CSP included)").isEmpty();
    }

    private static void screenshot(Page page, String name) {
        String directory = System.getProperty("vigie.screenshots");
        if (directory != null) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(directory, name + ".png")).setFullPage(true));
        }
    }
}
