package org.vigie.server.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class ContactApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    UUID organisation;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        organisation = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
    }

    private static String contacts(UUID organisation) {
        return "/api/v1/organisations/" + organisation + "/contacts";
    }

    private static Map<String, Object> contact(String name, String topic) {
        Map<String, Object> contact = new HashMap<>();
        contact.put("topic", topic);
        contact.put("name", name);
        contact.put("roleTitle", "Duty officer");
        contact.put("email", "duty@example.org");
        contact.put("phone", "+33 1 23 45 67 89");
        contact.put("availability", "24/7");
        return contact;
    }

    private JsonNode create(UUID organisation, Map<String, Object> contact) {
        Api.Response created = fixtures.admin().post(contacts(organisation), contact);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static List<String> names(Api.Response listed) {
        return listed.json().findValuesAsText("name");
    }

    @Test
    void aContactIsCreatedListedChangedAndRemoved() {
        String name = Fixtures.unique("Ana");

        Api.Response created = fixtures.admin().post(contacts(organisation), contact(name, "DUTY_24_7"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String location = contacts(organisation) + "/" + id;
        assertThat(created.header("Location")).isEqualTo(location);
        assertThat(created.json().get("organisationId").asText()).isEqualTo(organisation.toString());
        assertThat(created.json().get("organisationName").asText()).startsWith("Org-");
        assertThat(created.json().get("createdAt").isNull()).isFalse();
        assertThat(names(fixtures.admin().get(contacts(organisation)))).containsExactly(name);

        Api.Response changed = fixtures.admin().patch(location, Map.of("phone", "+33 6 00 00 00 00", "email", ""));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("phone").asText()).isEqualTo("+33 6 00 00 00 00");
        assertThat(changed.json().get("email").isNull()).isTrue();
        assertThat(changed.json().get("availability").asText()).isEqualTo("24/7");
        assertThat(fixtures.admin().get(location).json().get("phone").asText()).isEqualTo("+33 6 00 00 00 00");

        assertThat(fixtures.admin().delete(location).status()).isEqualTo(204);
        assertThat(fixtures.admin().get(location).status()).isEqualTo(404);
        assertThat(fixtures.admin().get(contacts(organisation)).json()).isEmpty();
    }

    @Test
    void theDirectoryFiltersByTopicAndSectorAndAnyMemberReadsIt() {
        UUID factChecker = fixtures.organisation("FACT_CHECKER");
        String marker = Fixtures.unique("Filter");
        create(organisation, contact(marker + " cyber body", "CYBER_INCIDENTS"));
        create(organisation, contact(marker + " legal body", "LEGAL"));
        create(factChecker, contact(marker + " cyber checker", "CYBER_INCIDENTS"));
        Api viewer = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "VIEWER"));

        Api.Response byTopic = viewer.get("/api/v1/contacts?topic=CYBER_INCIDENTS&q=" + marker);
        Api.Response bySector = viewer.get("/api/v1/contacts?sector=FACT_CHECKER&q=" + marker);
        Api.Response both = viewer.get("/api/v1/contacts?topic=LEGAL&sector=ELECTION_MANAGEMENT_BODY&q=" + marker);

        assertThat(byTopic.status()).isEqualTo(200);
        assertThat(names(byTopic)).containsExactlyInAnyOrder(marker + " cyber body", marker + " cyber checker");
        assertThat(names(bySector)).containsExactly(marker + " cyber checker");
        assertThat(names(both)).containsExactly(marker + " legal body");
    }

    @Test
    void theDirectoryFiltersByCountryAndRefusesAnUnknownOne() {
        String marker = Fixtures.unique("Country");
        create(organisation, contact(marker, "MEDIA"));

        assertThat(names(fixtures.admin().get("/api/v1/contacts?country=fr&q=" + marker))).containsExactly(marker);
        assertThat(names(fixtures.admin().get("/api/v1/contacts?country=DE&q=" + marker))).isEmpty();
        Api.Response unknown = fixtures.admin().get("/api/v1/contacts?country=ZY");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("country");
    }

    @Test
    void aContactWithNeitherEmailNorPhoneIsRefused() {
        Map<String, Object> unreachable = contact(Fixtures.unique("Nobody"), "LEGAL");
        unreachable.remove("email");
        unreachable.put("phone", " ");

        Api.Response refused = fixtures.admin().post(contacts(organisation), unreachable);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("email");
        assertThat(fixtures.admin().get(contacts(organisation)).json()).isEmpty();
    }

    @Test
    void aMalformedEmailIsRefusedNamingTheField() {
        Map<String, Object> contact = contact(Fixtures.unique("Bad"), "LEGAL");
        contact.put("email", "duty at example.org");

        Api.Response refused = fixtures.admin().post(contacts(organisation), contact);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("email");
    }

    @Test
    void aMalformedPhoneIsRefusedNamingTheField() {
        Map<String, Object> contact = contact(Fixtures.unique("Bad"), "LEGAL");
        contact.put("phone", "call me maybe");

        Api.Response refused = fixtures.admin().post(contacts(organisation), contact);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("phone");
    }

    @Test
    void anUnknownTopicIsRefusedNamingTheField() {
        Api.Response refused = fixtures.admin().post(contacts(organisation), contact(Fixtures.unique("Bad"), "GOSSIP"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("topic");
    }

    @Test
    void aChangeThatWouldLeaveNoWayToReachTheContactIsRefused() {
        Map<String, Object> emailOnly = contact(Fixtures.unique("Mail"), "MEDIA");
        emailOnly.remove("phone");
        String location = contacts(organisation) + "/" + create(organisation, emailOnly).get("id").asText();

        Api.Response refused = fixtures.admin().patch(location, Map.of("email", ""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fixtures.admin().get(location).json().get("email").asText()).isEqualTo("duty@example.org");
    }

    @Test
    void anOrganisationsAdministratorManagesItsContactsButAnAnalystMayNot() {
        Api administrator = fixtures.signedIn(fixtures.account(organisation, "ADMINISTRATOR"));
        Api analyst = fixtures.signedIn(fixtures.account(organisation, "ANALYST"));

        assertThat(administrator.post(contacts(organisation), contact(Fixtures.unique("Own"), "LEGAL")).status()).isEqualTo(201);
        assertThat(analyst.post(contacts(organisation), contact(Fixtures.unique("Nope"), "LEGAL")).status()).isEqualTo(403);
        assertThat(analyst.get(contacts(organisation)).status()).isEqualTo(200);
    }

    @Test
    void anAdministratorMayNotManageAnotherOrganisationsContacts() {
        Api outsider = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ADMINISTRATOR"));
        String location = contacts(organisation) + "/" + create(organisation, contact(Fixtures.unique("Theirs"), "LEGAL")).get("id").asText();

        assertThat(outsider.post(contacts(organisation), contact(Fixtures.unique("Intruder"), "LEGAL")).status()).isEqualTo(403);
        assertThat(outsider.patch(location, Map.of("phone", "+1 555 000 0000")).status()).isEqualTo(403);
        assertThat(outsider.delete(location).status()).isEqualTo(403);
        assertThat(fixtures.admin().get(location).json().get("phone").asText()).isEqualTo("+33 1 23 45 67 89");
    }

    @Test
    void aContactIsNotFoundThroughAnotherOrganisationsPath() {
        UUID other = fixtures.organisation("MEDIA");
        String id = create(organisation, contact(Fixtures.unique("Mine"), "LEGAL")).get("id").asText();
        String wrongPath = contacts(other) + "/" + id;

        assertThat(fixtures.admin().get(wrongPath).status()).isEqualTo(404);
        assertThat(fixtures.admin().patch(wrongPath, Map.of("name", "moved")).status()).isEqualTo(404);
        assertThat(fixtures.admin().delete(wrongPath).status()).isEqualTo(404);
        assertThat(fixtures.admin().get(contacts(organisation) + "/" + id).status()).isEqualTo(200);
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        assertThat(fixtures.admin().get(contacts(UUID.randomUUID())).status()).isEqualTo(404);
        assertThat(fixtures.admin().post(contacts(UUID.randomUUID()), contact("x", "LEGAL")).status()).isEqualTo(404);
        assertThat(fixtures.admin().get(contacts(organisation) + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(fixtures.admin().get(contacts(organisation) + "/not-a-uuid").status()).isEqualTo(404);
    }

    @Test
    void everyChangeIsAuditedWithTheChangedFieldsButNoPersonalValues() {
        String name = Fixtures.unique("Audited");
        String id = create(organisation, contact(name, "CYBER_INCIDENTS")).get("id").asText();
        String location = contacts(organisation) + "/" + id;
        fixtures.admin().patch(location, Map.of("availability", "Mon-Fri 8-20 CET", "topic", "CYBER_INCIDENTS"));
        fixtures.admin().delete(location);

        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT action, actor_name, details FROM audit_log
                WHERE target_type = 'point-of-contact' AND target_id = :id ORDER BY sequence""")
                .param("id", id).query().listOfRows();

        assertThat(rows).extracting(r -> r.get("action")).containsExactly("contact.created", "contact.updated", "contact.deleted");
        assertThat(rows).extracting(r -> r.get("actor_name")).containsOnly("admin");
        assertThat((String) rows.get(0).get("details")).contains("\"topic\":\"CYBER_INCIDENTS\"", "\"organisationId\":\"" + organisation,
                "\"name\"", "\"email\"").doesNotContain(name);
        assertThat((String) rows.get(1).get("details")).contains("\"changedFields\":[\"availability\"]").doesNotContain("Mon-Fri");
        assertThat((String) rows.get(2).get("details")).doesNotContain(name);
    }

    @Test
    void aChangeThatChangesNothingIsNotAudited() {
        String id = create(organisation, contact(Fixtures.unique("Same"), "LEGAL")).get("id").asText();

        fixtures.admin().patch(contacts(organisation) + "/" + id, Map.of("availability", "24/7"));

        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE target_id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void theApiDocumentationDescribesTheContactEndpoints() {
        JsonNode paths = fixtures.anonymous().get("/v3/api-docs").json().get("paths");

        assertThat(paths.has("/api/v1/contacts")).isTrue();
        assertThat(paths.get("/api/v1/organisations/{organisationId}/contacts/{id}").has("patch")).isTrue();
    }
}
