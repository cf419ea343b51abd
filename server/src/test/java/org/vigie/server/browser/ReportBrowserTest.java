package org.vigie.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/**
 * An analyst on election night, in a real browser: files a report with two DISARM techniques picked
 * from the catalogue, three pasted observables and a screenshot, finds it by search, and sees the
 * report another organisation filed about the same link. No page may trip the CSP.
 */
@VigieTest
class ReportBrowserTest {

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
    void anAnalystFilesAReportFindsItAndSeesTheReportItConnectsTo() {
        Fixtures fixtures = new Fixtures(port);
        String word = "quokka" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 5);
        String link = "https://" + word + "-results.com/live";
        String other = fixtures.account(fixtures.organisation("PLATFORM_INDUSTRY"), "ANALYST");
        Map<String, Object> earlier = new java.util.LinkedHashMap<>();
        earlier.put("title", "Accounts pushing a fake results link");
        earlier.put("types", List.of("COORDINATED_INAUTHENTIC_BEHAVIOUR"));
        earlier.put("outcome", "SUCCESSFUL");
        earlier.put("observables", List.of(Map.of("value", link + "?utm_source=bot")));
        earlier.put("tlp", "CLEAR");
        org.assertj.core.api.Assertions.assertThat(fixtures.signedIn(other).post("/api/v1/reports", earlier).status()).isEqualTo(201);
        String analyst = fixtures.account(fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ANALYST");

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
            page.navigate(url("/login"));
            page.locator("#username").fill(analyst);
            page.locator("#password").fill(Fixtures.PASSWORD);
            page.locator("form.form button[type=submit]").click();

            page.navigate(url("/reports/new"));
            page.locator("#title").fill("Fake results site " + word);
            page.locator("#types input[value=defacement]").check();
            page.locator("#types input[value=disinformation-narrative]").check();
            page.locator("#outcome input[value=successful]").check();
            page.locator("#summary").fill("A copy of the results site announces false results.");

            pickTechnique(page, "T0085");
            pickTechnique(page, "T0086");

            page.locator("#observablesText").fill(link + "\n198.51.100.77\nx:@" + word);
            assertThat(page.locator("#observable-preview tbody tr")).hasCount(3);
            assertThat(page.locator("#observable-preview")).containsText("Social-media account");

            page.locator("#evidenceFiles").setInputFiles(screenshot());
            page.locator("#report-submit").click();

            assertThat(page.locator("#report-title")).hasText("Fake results site " + word);
            assertThat(page.locator("#report-techniques")).containsText("T0085");
            assertThat(page.locator("#report-techniques")).containsText("T0086");
            assertThat(page.locator("#report-observables tbody tr")).hasCount(3);
            assertThat(page.locator("#report-evidence")).containsText("screenshot.png");
            assertThat(page.locator("#related")).containsText("Accounts pushing a fake results link");

            page.navigate(url("/reports"));
            page.locator("#q").fill(word);
            page.locator("#search-submit").click();
            assertThat(page.locator("#report-results")).containsText("Fake results site " + word);
            page.getByText("Fake results site " + word).click();
            assertThat(page.locator("#related")).containsText("url");
        }
        org.assertj.core.api.Assertions.assertThat(problems).as("console errors and failed requests (CSP included)").isEmpty();
    }

    private static void pickTechnique(Page page, String id) {
        page.locator("#technique-search").fill(id);
        page.locator("#technique-results input[value=" + id + "]").check();
        assertThat(page.locator("#chosen-techniques input[value=" + id + "]")).isChecked();
        page.locator("#technique-search").fill("");
    }

    /** A screenshot on disk, as a user picks one (an in-memory payload is not what a browser uploads). */
    private static java.nio.file.Path screenshot() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempDirectory("vigie-browser").resolve("screenshot.png");
            java.nio.file.Files.write(file, png());
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] png() {
        byte[] content = new byte[4096];
        new java.util.Random(7).nextBytes(content);
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(header, 0, content, 0, header.length);
        return content;
    }
}
