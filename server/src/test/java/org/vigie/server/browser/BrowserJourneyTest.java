package org.vigie.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/**
 * An organisation administrator's first minutes, in a real browser: sign in, add a point of
 * contact, switch to French, and find French again on another browser. Along the way no page may
 * trip the Content-Security-Policy (no inline script or style slipped in).
 */
@VigieTest
class BrowserJourneyTest {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    final List<String> consoleErrors = new ArrayList<>();
    Fixtures fixtures;
    UUID organisation;
    String administrator;

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
        fixtures = new Fixtures(port);
        organisation = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        administrator = fixtures.account(organisation, "ADMINISTRATOR");
        context = newEnglishBrowser();
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private BrowserContext newEnglishBrowser() {
        BrowserContext browserContext = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"));
        browserContext.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
        browserContext.onResponse(response -> {
            if (response.status() >= 400 && !response.url().endsWith("/login?error")) {
                consoleErrors.add(response.status() + " " + response.url());
            }
        });
        return browserContext;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Page signIn(BrowserContext browserContext) {
        Page page = browserContext.newPage();
        page.navigate(url("/login"));
        page.getByLabel("Username").or(page.getByLabel("Identifiant")).fill(administrator);
        page.locator("#password").fill(Fixtures.PASSWORD);
        page.locator("form.form button[type=submit]").click();
        return page;
    }

    @Test
    void anAdministratorAddsAPointOfContactThenWorksInFrench() {
        Page page = signIn(context);
        assertThat(page.locator("h1")).containsText("Welcome");

        page.navigate(url("/organisations/" + organisation));
        page.locator("#add-contact").click();
        page.locator("#topic").selectOption("DUTY_24_7");
        page.locator("#name").fill("Night duty officer");
        page.locator("#roleTitle").fill("Election-night duty desk");
        page.locator("#email").fill("duty@commission.example");
        page.locator("#phone").fill("+33 1 23 45 67 89");
        page.locator("#availability").fill("24/7 during the campaign");
        page.locator("#save-contact").click();
        assertThat(page.getByText("Night duty officer")).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("FR").setExact(true)).click();
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page.locator("nav.mainnav")).containsText("Annuaire des contacts");
        assertThat(page.getByText("Night duty officer")).isVisible();

        try (BrowserContext otherBrowser = newEnglishBrowser()) {
            Page elsewhere = signIn(otherBrowser);
            assertThat(elsewhere.locator("html")).hasAttribute("lang", "fr");
            assertThat(elsewhere.locator("h1")).containsText("Bienvenue");
        }

        org.assertj.core.api.Assertions.assertThat(consoleErrors).as("browser console errors (CSP violations included)").isEmpty();
    }

    @Test
    void wrongCredentialsShowOneGenericMessageInTheBrowsersLanguage() {
        try (BrowserContext french = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"))) {
            Page page = french.newPage();
            page.navigate(url("/login"));
            page.locator("#username").fill(administrator);
            page.locator("#password").fill("certainly-not-the-password");
            page.locator("form.form button[type=submit]").click();

            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Échec de la connexion");
        }
    }
}
