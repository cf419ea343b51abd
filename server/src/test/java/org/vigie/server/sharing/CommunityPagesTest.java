package org.vigie.server.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.sharing.CommunityFixtures.PATH;
import static org.vigie.server.sharing.CommunityFixtures.charter;
import static org.vigie.server.sharing.CommunityFixtures.community;
import static org.vigie.server.sharing.CommunityFixtures.member;
import static org.vigie.server.sharing.CommunityFixtures.objective;
import static org.vigie.server.sharing.CommunityFixtures.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class CommunityPagesTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    UUID creatorOrganisation;
    String creator;
    UUID memberOrganisation;
    JsonNode community;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        creatorOrganisation = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        creator = fixtures.account(creatorOrganisation, "ADMINISTRATOR");
        Api.Response created = fixtures.signedIn(creator).post(PATH, community(Fixtures.unique("Cell"), charter(
                "Members share what they see of interference.",
                objective(List.of("ELECTION_MANAGEMENT_BODY", "GOVERNMENT_AGENCY"), List.of("INCIDENTS", "PUBLIC_STATEMENTS"), "AMBER_STRICT"),
                objective(List.of("FACT_CHECKER"), List.of("ASSESSMENTS"), "CLEAR"))));
        community = created.json();
        memberOrganisation = fixtures.organisation("FACT_CHECKER");
        fixtures.signedIn(creator).post(path(community) + "/members", Map.of("organisationId", memberOrganisation.toString()));
    }

    private String page() {
        return "/communities/" + community.get("id").asText();
    }

    private BrowserSession as(String username) {
        return BrowserSession.signedIn(port, username, Fixtures.PASSWORD);
    }

    @Test
    void theCommunityPageShowsTheCharterObjectivesAndWhoAcceptedIt() {
        BrowserSession viewer = as(fixtures.account(memberOrganisation, "VIEWER"));

        BrowserSession.Page page = viewer.get(page());

        assertThat(page.status()).isEqualTo(200);
        String objectives = section(page.body(), "id=\"objectives\"", "</table>");
        assertThat(objectives).contains("Government agency", "Election management body", "Incidents", "Public statements",
                "<span class=\"tlp tlp-amber-strict\">TLP:AMBER+STRICT</span>", "Fact-checker", "Assessments",
                "<span class=\"tlp tlp-clear\">TLP:CLEAR</span>");
        assertThat(page.text()).contains("Members share what they see of interference.", "Charter, version 1",
                "1 of 2 members have accepted version 1 of the charter.");
        String creatorRow = section(page.body(), "id=\"member-" + creatorOrganisation + "\"", "</tr>");
        assertThat(creatorRow).contains(">Yes<", ">1<", creator);
        String memberRow = section(page.body(), "id=\"member-" + memberOrganisation + "\"", "</tr>");
        assertThat(memberRow).contains(">Not yet<", ">None<");
        assertThat(page.text()).contains("has not accepted version 1 of the charter");
        assertThat(page.body()).as("a viewer accepts nothing").doesNotContain("id=\"accept-charter\"", "id=\"edit-community\"", "id=\"add-member\"");
    }

    @Test
    void aMemberOrganisationsAdministratorAcceptsTheCharterWithTheButton() {
        String administrator = fixtures.account(memberOrganisation, "ADMINISTRATOR");
        BrowserSession browser = as(administrator);
        assertThat(browser.get(page()).body()).contains("id=\"accept-charter\"");

        BrowserSession.Page answer = browser.submit(page() + "/accept", Map.of("charterVersion", "1"));

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).isEqualTo(page());
        BrowserSession.Page after = browser.follow(answer);
        assertThat(after.text()).contains("Your organisation has accepted the charter.", "2 of 2 members have accepted version 1");
        assertThat(after.body()).doesNotContain("id=\"accept-charter\"");
        assertThat(section(after.body(), "id=\"member-" + memberOrganisation + "\"", "</tr>")).contains(">Yes<", administrator);
    }

    @Test
    void anInvalidFormIsShownAgainWithWhatWasTypedAndTheErrorNextToTheRow() {
        String typedName = Fixtures.unique("Typed");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", typedName);
        fields.put("purpose", "Typed <purpose>");
        fields.put("preamble", "Typed preamble");
        fields.put("objectives[1].sectors", "MEDIA");
        fields.put("objectives[1].defaultTlp", "GREEN");

        BrowserSession.Page page = as(creator).submit("/communities/new", fields);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("value=\"" + typedName + "\"", "Typed &lt;purpose&gt;</textarea>", "Typed preamble</textarea>")
                .containsPattern("<input type=\"checkbox\" value=\"MEDIA\" [^>]*name=\"objectives\\[1\\]\\.sectors\" checked=\"checked\">")
                .containsPattern("<option value=\"GREEN\" selected=\"selected\">TLP:GREEN</option>")
                .contains("id=\"objectives-1-kinds-error\">Choose at least one kind of information.</p>")
                .doesNotContain("id=\"objectives-0-kinds-error\"");
    }

    @Test
    void aMarkingThatIsNotInTheListIsShownOnceNextToItsRow() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", Fixtures.unique("Typed"));
        fields.put("objectives[0].sectors", "MEDIA");
        fields.put("objectives[0].kinds", "INCIDENTS");
        fields.put("objectives[0].defaultTlp", "PURPLE");

        BrowserSession.Page page = as(creator).submit("/communities/new", fields);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"objectives-0-defaultTlp-error\">Choose a marking from the list.</p>")
                .doesNotContain("Choose the default marking.");
    }

    @Test
    void aCommunityMadeWithTheFormHasTheObjectivesOfItsFilledRows() {
        String name = Fixtures.unique("Formed");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("purpose", "");
        fields.put("preamble", "We share.");
        fields.put("objectives[1].sectors", "PLATFORM_INDUSTRY");
        fields.put("objectives[1].kinds", "DETECTIONS");
        fields.put("objectives[1].defaultTlp", "RED");
        BrowserSession browser = as(creator);

        BrowserSession.Page saved = browser.submit("/communities/new", fields);

        assertThat(saved.status()).isEqualTo(302);
        assertThat(browser.follow(saved).text()).contains(name, "The community is saved.", "Detections", "TLP:RED");
        String id = saved.location().substring(saved.location().lastIndexOf('/') + 1);
        JsonNode read = fixtures.admin().get(PATH + "/" + id).json();
        assertThat(read.at("/charter/objectives")).hasSize(1);
        assertThat(read.at("/charter/objectives/0/defaultTlp").asText()).isEqualTo("RED");
        assertThat(read.at("/members/0/organisationId").asText()).isEqualTo(creatorOrganisation.toString());
    }

    @Test
    void aTakenNameIsShownNextToTheNameField() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", community.get("name").asText().toLowerCase());
        fields.put("preamble", "Anything");

        BrowserSession.Page page = as(creator).submit("/communities/new", fields);

        assertThat(page.body()).contains("id=\"name-error\" class=\"field-error\">A community with this name already exists.</p>");
    }

    @Test
    void editingTheCharterMakesANewVersionThatMembersMustAcceptAgain() {
        BrowserSession browser = as(creator);
        BrowserSession.Page form = browser.get(page() + "/edit");
        assertThat(form.body()).contains("Members share what they see of interference.</textarea>")
                .containsPattern("value=\"GOVERNMENT_AGENCY\" [^>]*name=\"objectives\\[0\\]\\.sectors\" checked=\"checked\">")
                .contains("id=\"objective-4\"").doesNotContain("id=\"objective-5\"");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", community.get("name").asText());
        fields.put("purpose", "Coordinates the response during the campaign");
        fields.put("preamble", "A stricter text.");
        fields.put("objectives[0].sectors", "MEDIA");
        fields.put("objectives[0].kinds", "INCIDENTS");
        fields.put("objectives[0].defaultTlp", "AMBER");

        BrowserSession.Page after = browser.follow(browser.submit(page() + "/edit", fields));

        assertThat(after.text()).contains("new version of its charter", "Charter, version 2", "A stricter text.",
                "0 of 2 members have accepted version 2");
        assertThat(member(fixtures.admin(), community, creatorOrganisation).get("accepted").asBoolean()).isFalse();
    }

    @Test
    void aCommunityAdministratorAddsAndRemovesMembersFromThePage() {
        UUID joining = fixtures.organisation("RESEARCH");
        BrowserSession browser = as(creator);
        assertThat(browser.get(page()).body()).contains("id=\"add-member\"", "value=\"" + joining + "\"");

        BrowserSession.Page added = browser.follow(browser.submit(page() + "/members", Map.of("organisationId", joining.toString())));
        assertThat(added.text()).contains("The organisation is a member now.");
        assertThat(added.body()).contains("id=\"member-" + joining + "\"");

        BrowserSession.Page removed = browser.follow(browser.submit(page() + "/members/" + joining + "/remove", Map.of()));
        assertThat(removed.text()).contains("The organisation is no longer a member.");
        assertThat(removed.body()).doesNotContain("id=\"member-" + joining + "\"");
    }

    @Test
    void onlyThoseAllowedSeeTheControlsAndReachTheForms() {
        BrowserSession analyst = as(fixtures.account(memberOrganisation, "ANALYST"));
        BrowserSession memberAdministrator = as(fixtures.account(memberOrganisation, "ADMINISTRATOR"));

        assertThat(analyst.get("/communities").body()).doesNotContain("id=\"new-community\"");
        assertThat(analyst.get("/communities/new").status()).isEqualTo(403);
        assertThat(memberAdministrator.get("/communities").body()).contains("id=\"new-community\"");
        assertThat(memberAdministrator.get(page()).body()).doesNotContain("id=\"edit-community\"", "id=\"add-member\"");
        assertThat(memberAdministrator.get(page() + "/edit").status()).isEqualTo(403);
        assertThat(memberAdministrator.submit(page() + "/members/" + creatorOrganisation + "/remove", Map.of()).status()).isEqualTo(403);
        assertThat(as(creator).get(page()).body()).contains("id=\"edit-community\"", "id=\"add-member\"");
    }

    @Test
    void theListShowsEachCommunityWithYourOrganisationsStateAndTheNavigationLeadsThere() {
        BrowserSession browser = as(fixtures.account(memberOrganisation, "VIEWER"));

        BrowserSession.Page list = browser.get("/communities");

        assertThat(list.body()).contains("href=\"/communities\"", ">Communities</a>");
        String row = section(list.body(), "href=\"" + page() + "\"", "</tr>");
        assertThat(row).contains(">2<", "Member, charter not accepted yet");
    }

    @Test
    void pagesAreInTheReadersLanguage() {
        BrowserSession browser = BrowserSession.signedIn(port, fixtures.account(memberOrganisation, "VIEWER"), Fixtures.PASSWORD, "fr");

        BrowserSession.Page page = browser.get(page());

        assertThat(page.text()).contains("Charte, version 1", "Objectifs de partage", "Communications publiques", "TLP:AMBER+STRICT",
                "Pas encore");
    }

    @Test
    void anUnknownOrMalformedCommunityAddressIsNotFound() {
        BrowserSession browser = as(creator);

        assertThat(browser.get("/communities/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(browser.get("/communities/not-a-uuid").status()).isEqualTo(404);
    }

    /** The part of the page from the first occurrence of start to the next occurrence of end. */
    private static String section(String body, String start, String end) {
        int from = body.indexOf(start);
        assertThat(from).as("%s on the page", start).isNotNegative();
        int to = body.indexOf(end, from);
        return body.substring(from, to < 0 ? body.length() : to);
    }
}
