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
class ContactPagesTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    UUID organisation;
    BrowserSession administrator;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        organisation = fixtures.organisation("GOVERNMENT_AGENCY");
        administrator = BrowserSession.signedIn(port, fixtures.account(organisation, "ADMINISTRATOR"), Fixtures.PASSWORD);
    }

    private static Map<String, String> contact(String name) {
        return Map.of("topic", "DUTY_24_7", "name", name, "roleTitle", "Duty officer", "email", "duty@example.org",
                "phone", "+33 1 23 45 67 89", "availability", "24/7");
    }

    @Test
    void aContactAddedFromTheFormAppearsOnTheOrganisationsPage() {
        String name = Fixtures.unique("Added");

        BrowserSession.Page saved = administrator.submit("/organisations/" + organisation + "/contacts/new", contact(name));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(administrator.get("/organisations/" + organisation).body())
                .contains(name, "24/7 duty", "href=\"mailto:duty@example.org\"", "href=\"tel:+33123456789\"",
                        "The point of contact is saved.");
    }

    @Test
    void anInvalidContactFormShowsEveryProblemAndKeepsWhatWasTyped() {
        BrowserSession.Page page = administrator.submit("/organisations/" + organisation + "/contacts/new",
                Map.of("topic", "", "name", "Typed Name", "roleTitle", "", "email", "not-an-email", "phone", "12", "availability", "nights"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("value=\"Typed Name\"", "value=\"not-an-email\"", "value=\"12\"", "value=\"nights\"")
                .contains("id=\"topic-error\"", "id=\"email-error\"", "id=\"phone-error\"")
                .doesNotContain("id=\"name-error\"");
    }

    @Test
    void aContactIsChangedAndRemovedFromThePages() {
        String name = Fixtures.unique("Changing");
        administrator.submit("/organisations/" + organisation + "/contacts/new", contact(name));
        String id = fixtures.admin().get("/api/v1/organisations/" + organisation + "/contacts").json().get(0).get("id").asText();
        String base = "/organisations/" + organisation + "/contacts/" + id;

        assertThat(administrator.get(base + "/edit").body()).contains("value=\"" + name + "\"");
        Map<String, String> changed = new java.util.HashMap<>(contact(name));
        changed.put("email", "");
        assertThat(administrator.submit(base + "/edit", changed).status()).isEqualTo(302);
        assertThat(fixtures.admin().get("/api/v1/organisations/" + organisation + "/contacts/" + id).json().get("email").isNull()).isTrue();

        assertThat(administrator.submit(base + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(administrator.get("/organisations/" + organisation).body()).doesNotContain(name);
    }

    @Test
    void theDirectoryListsAContactOfAnyOrganisation() {
        String name = Fixtures.unique("Listed");
        fixtures.admin().post("/api/v1/organisations/" + organisation + "/contacts",
                Map.of("topic", "MEDIA", "name", name, "email", "press@example.org"));
        BrowserSession viewer = BrowserSession.signedIn(port, fixtures.account(fixtures.organisation("MEDIA"), "VIEWER"), Fixtures.PASSWORD);

        BrowserSession.Page everyone = viewer.get("/contacts");
        BrowserSession.Page filtered = viewer.get("/contacts?topic=MEDIA&sector=GOVERNMENT_AGENCY&q=" + name);
        BrowserSession.Page otherTopic = viewer.get("/contacts?topic=LEGAL&q=" + name);

        assertThat(results(everyone)).contains(name, "href=\"mailto:press@example.org\"");
        assertThat(results(filtered)).contains(name);
        assertThat(filtered.body()).contains("<option value=\"MEDIA\" selected=\"selected\">");
        assertThat(results(otherTopic)).doesNotContain(name).contains("No point of contact matches.");
    }

    /** The results part of the directory page; the search box above it echoes what was typed. */
    private static String results(BrowserSession.Page page) {
        return page.body().substring(page.body().indexOf("id=\"directory-results\""));
    }

    @Test
    void anHtmxRequestForTheDirectoryGetsOnlyTheResults() {
        String name = Fixtures.unique("Fragment");
        fixtures.admin().post("/api/v1/organisations/" + organisation + "/contacts",
                Map.of("topic", "LEGAL", "name", name, "phone", "+44 20 7946 0000"));

        BrowserSession.Page fragment = administrator.get("/contacts?q=" + name, "HX-Request", "true");

        assertThat(fragment.body()).startsWith("<div id=\"directory-results\"").contains(name).doesNotContain("<html");
    }
}
