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
 * An analyst imports a bundle from the Import page in a real browser: the file goes up with the
 * page's script, the job page polls until the import ends and shows what was stored and refused.
 * No page may trip the CSP.
 */
@VigieTest
class ImportBrowserTest {

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
    void anAnalystImportsABundleAndSeesItsResult() throws Exception {
        Fixtures fixtures = new Fixtures(port);
        String analyst = fixtures.account(fixtures.organisation("GOVERNMENT_AGENCY"), "ANALYST");
        StringBuilder objects = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            objects.append(i == 0 ? "" : ",").append("""
                    {"type":"indicator","spec_version":"2.1","id":"indicator--%s","created":"2027-03-01T10:00:00.000Z",
                     "modified":"2027-03-01T10:00:00.000Z","name":"n","pattern":"[ipv4-addr:value = '198.51.100.%d']",
                     "pattern_type":"stix","valid_from":"2027-03-01T10:00:00Z"}""".formatted(UUID.randomUUID(), i));
        }
        objects.append(",{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--" + UUID.randomUUID()
                + "\",\"created\":\"yesterday\",\"modified\":\"2027-03-01T10:00:00.000Z\",\"pattern\":\"[x]\",\"pattern_type\":\"stix\",\"valid_from\":\"2027-03-01T10:00:00Z\"}");
        Path file = directory.resolve("election-night.json");
        Files.writeString(file, "{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[" + objects + "]}");
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

            page.navigate("http://localhost:" + port + "/import");
            page.locator("#file").setInputFiles(file);
            page.locator("#tlp").selectOption("GREEN");
            page.locator("#partial").check();
            page.locator("#import-submit").click();

            page.waitForURL("**/import/jobs/**");
            page.locator("#import-report").waitFor(); // shown once the job has ended (the status block polls until then)
            assertThat(page.locator("#import-state").textContent()).isEqualTo("Stored");
            assertThat(page.locator("#count-stored").textContent()).isEqualTo("50");
            assertThat(page.locator("#count-rejected").textContent()).isEqualTo("1");
            assertThat(page.locator("#import-rejected").textContent()).contains("/objects/50/created");
        }
        assertThat(problems).as("console errors and failed requests (CSP included)").isEmpty();
    }
}
