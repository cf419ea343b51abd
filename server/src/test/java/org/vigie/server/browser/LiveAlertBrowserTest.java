package org.vigie.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.alerts.DeliveryWorker;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/**
 * A duty officer keeps the notification centre open on election night. When another organisation
 * files a report that matches their subscription, the alert appears on the open page and the bell's
 * count goes up, without reloading: the page learns of it over Server-Sent Events.
 */
@VigieTest
class LiveAlertBrowserTest {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    DeliveryWorker worker;

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

    @Test
    void aMatchingReportAppearsOnTheOpenNotificationCentreWithoutAReload() {
        Fixtures fixtures = new Fixtures(port);
        UUID watcherOrganisation = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        String watcher = fixtures.account(watcherOrganisation, "ANALYST");
        String word = "wombat" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 5);
        org.assertj.core.api.Assertions.assertThat(fixtures.signedIn(watcher).post("/api/v1/subscriptions",
                Map.of("name", "Our keyword " + word, "watchList", List.of(Map.of("type", "keyword", "value", word)))).status())
                .isEqualTo(201);
        Api author = fixtures.signedIn(fixtures.account(fixtures.organisation("PLATFORM_INDUSTRY"), "ANALYST"));

        List<String> problems = new ArrayList<>();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
            context.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    problems.add(m.text());
                }
            });
            Page page = context.newPage();
            page.navigate(url("/login"));
            page.locator("#username").fill(watcher);
            page.locator("#password").fill(Fixtures.PASSWORD);
            page.locator("form.form button[type=submit]").click();
            page.navigate(url("/notifications"));
            assertThat(page.locator("#notification-bell")).hasAttribute("data-live", "open");
            assertThat(page.locator("#notification-count")).isHidden();
            page.evaluate("window.__vigieSamePage = true");

            String title = "Fake polling-station closures about " + word;
            fileReport(author, title);
            worker.deliverAllDue();
            org.assertj.core.api.Assertions.assertThat(fixtures.signedIn(watcher).get("/api/v1/notifications").body())
                    .as("delivered to the centre").contains(title);

            // the whole suite shares one machine: give the pushed event time to arrive, without sleeping
            assertThat(page.locator("#notification-list")).containsText(title,
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            assertThat(page.locator("#notification-count")).hasText("1");
            assertThat(page.locator("#notification-count")).isVisible();
            org.assertj.core.api.Assertions.assertThat(page.evaluate("window.__vigieSamePage === true"))
                    .as("the page was not reloaded").isEqualTo(true);
        }
        org.assertj.core.api.Assertions.assertThat(problems).as("console errors (CSP included)").isEmpty();
    }

    private static void fileReport(Api author, String title) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("title", title);
        report.put("types", List.of("DISINFORMATION_NARRATIVE"));
        report.put("outcome", "SUCCESSFUL");
        report.put("tlp", "CLEAR");
        Api.Response filed = author.post("/api/v1/reports", report);
        org.assertj.core.api.Assertions.assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
