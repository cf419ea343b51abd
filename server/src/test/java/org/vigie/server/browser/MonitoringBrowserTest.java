package org.vigie.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/**
 * An analyst finds a coordinated group in a real browser: uploads a dataset on the Monitoring page, follows
 * the run to its end, explores the network (the graph library from its WebJar, under the CSP), opens the
 * group, and files a report from it. No page may trip the CSP or fail a request.
 */
@VigieTest
class MonitoringBrowserTest {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @TempDir
    Path directory;

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
    void anAnalystUploadsPostsExploresTheNetworkAndReportsTheGroup() throws Exception {
        Fixtures fixtures = new Fixtures(port);
        String analyst = fixtures.account(fixtures.organisation("GOVERNMENT_AGENCY"), "ANALYST");
        String prefix = "w" + UUID.randomUUID().toString().substring(0, 6);
        Path file = directory.resolve("election-posts.csv");
        Files.write(file, org.vigie.server.monitoring.MonitoringTestData.plantedCsv(prefix, 7, 40));
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
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
            page.navigate("http://localhost:" + port + "/login");
            page.locator("#username").fill(analyst);
            page.locator("#password").fill(Fixtures.PASSWORD);
            page.locator("form.form button[type=submit]").click();

            page.navigate("http://localhost:" + port + "/monitoring");
            page.locator("#file").setInputFiles(file);
            for (String type : List.of("co-repost", "co-hashtag", "co-image", "co-text", "co-text-near", "co-reply")) {
                page.locator("#type-" + type).uncheck();
            }
            page.locator("#window").fill("60");
            page.locator("#monitoring-submit").click();

            page.waitForURL("**/monitoring/runs/**");
            page.locator("#run-network").waitFor(); // shown once the run has ended (the status block polls, then reloads)
            assertThat(page.locator("#run-state").textContent()).isEqualTo("Finished");
            assertThat(page.locator("#run-groups-count").textContent()).isEqualTo("1");

            page.locator("#run-network").click();
            page.locator("#network-graph[data-rendered]").waitFor();
            assertThat(page.locator("#network-graph").getAttribute("data-rendered")).isEqualTo("7");
            page.evaluate("window.vigieNetwork.nodes()[0].emit('tap')");
            assertThat(page.locator("#network-selection").textContent()).contains("Account " + prefix + "coord");
            page.locator("#network-selected-group").click();

            page.waitForURL("**/groups/0");
            assertThat(page.locator("#group-size").textContent()).isEqualTo("7");
            assertThat(page.locator("#group-objects").textContent()).contains(prefix + "-news.example");
            page.locator("#group-report").click();

            page.waitForURL("**/groups/0/report");
            assertThat(page.locator("#report-accounts li").count()).isEqualTo(7);
            page.locator("#tlp").selectOption("GREEN");
            page.locator("#group-report-submit").click();

            page.waitForURL("**/reports/incident--*");
            assertThat(page.locator("h1").textContent()).contains("Coordinated group of 7 accounts");
            assertThat(page.content()).contains("x:" + prefix + "coord0", "T0049");
        }
        assertThat(problems).as("console errors and failed requests (CSP included)").isEmpty();
    }
}
