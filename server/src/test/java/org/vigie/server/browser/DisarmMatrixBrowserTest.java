package org.vigie.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/**
 * An analyst looks a technique up in the DISARM matrix, in a real browser: the 16 tactic columns,
 * the search narrowing the matrix as they type (htmx, no reload), then the technique's page. No
 * console error and no failed request along the way (a CSP violation shows as a console error).
 */
@VigieTest
class DisarmMatrixBrowserTest {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    final List<String> consoleErrors = new ArrayList<>();
    String analyst;

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

    @BeforeEach
    void setUp() {
        Fixtures fixtures = new Fixtures(port);
        analyst = fixtures.account(fixtures.organisation("FACT_CHECKER"), "ANALYST");
        context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"));
        context.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
        context.onResponse(response -> {
            if (response.status() >= 400) {
                consoleErrors.add(response.status() + " " + response.url());
            }
        });
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Page signIn() {
        Page page = context.newPage();
        page.navigate(url("/login"));
        page.locator("#username").fill(analyst);
        page.locator("#password").fill(Fixtures.PASSWORD);
        page.locator("form.form button[type=submit]").click();
        assertThat(page.locator("h1")).containsText("Welcome");
        return page;
    }

    @Test
    void anAnalystFindsT0049InTheMatrixAsTheyType() {
        Page page = signIn();
        page.locator("nav.mainnav").getByText("DISARM").click();
        assertThat(page).hasURL(url("/disarm"));

        assertThat(page.locator("th.tactic")).hasCount(16);
        assertThat(page.locator("th.tactic").first()).hasAttribute("data-tactic", "TA01");
        assertThat(page.locator("#disarm-count")).containsText("391 techniques");
        assertThat(page.locator("[data-technique='T0073']")).isVisible();

        page.locator("#disarm-search").fill("T0049");

        // htmx swaps the matrix without a reload and keeps the address in step
        assertThat(page.locator("#disarm-count")).hasText("9 techniques match \u201cT0049\u201d");
        assertThat(page).hasURL(Pattern.compile(".*/disarm\\?q=T0049$"));
        assertThat(page.locator("[data-technique='T0049']")).isVisible();
        assertThat(page.locator("[data-technique='T0049']")).hasClass(Pattern.compile("\\bmatch\\b"));
        assertThat(page.locator("[data-technique='T0049.001']")).isVisible();
        assertThat(page.locator("[data-technique='T0073']")).hasCount(0);
        assertThat(page.locator("th.tactic")).hasCount(16);
        assertThat(page.locator("#disarm-search")).hasValue("T0049");

        page.locator("[data-technique='T0049'] > a").click();
        assertThat(page).hasURL(url("/disarm/techniques/T0049"));
        assertThat(page.locator("h1")).containsText("Flood Information Space");
        assertThat(page.locator("#disarm-attribution")).containsText("DISARM Framework \u00a9 DISARM Foundation, CC BY-SA 4.0");

        org.assertj.core.api.Assertions.assertThat(consoleErrors).as("browser console errors (CSP violations included)").isEmpty();
    }

    @Test
    void subtechniquesOpenWithoutScript() {
        Page page = signIn();
        page.navigate(url("/disarm"));
        assertThat(page.locator("[data-technique='T0049.001']")).isHidden();

        page.locator("[data-technique='T0049'] summary").click();

        assertThat(page.locator("[data-technique='T0049.001']")).isVisible();
        org.assertj.core.api.Assertions.assertThat(consoleErrors).as("browser console errors").isEmpty();
    }
}
