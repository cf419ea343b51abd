package org.vigie.server.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class KnowledgeApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    UUID ownerOrganisation;
    UUID recipientOrganisation;
    Api owner;
    Api recipient;
    Api outsider;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        ownerOrganisation = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        recipientOrganisation = fixtures.organisation("GOVERNMENT_AGENCY");
        owner = fixtures.signedIn(fixtures.account(ownerOrganisation, "ANALYST"));
        recipient = fixtures.signedIn(fixtures.account(recipientOrganisation, "VIEWER"));
        outsider = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ANALYST"));
    }

    static String indicatorId() {
        return "indicator--" + UUID.randomUUID();
    }

    static Map<String, Object> indicator(String id, String modified, String name) {
        Map<String, Object> indicator = new java.util.LinkedHashMap<>();
        indicator.put("type", "indicator");
        indicator.put("spec_version", "2.1");
        indicator.put("id", id);
        indicator.put("created", "2027-03-01T10:00:00.000Z");
        indicator.put("modified", modified);
        indicator.put("name", name);
        indicator.put("description", "Phishing pages imitating the electoral commission's voter portal");
        indicator.put("pattern", "[url:value = 'https://vote-valdoria.example/login']");
        indicator.put("pattern_type", "stix");
        indicator.put("valid_from", "2027-03-01T10:00:00Z");
        indicator.put("x_vigie_note", "custom properties are preserved");
        return indicator;
    }

    @Test
    void anAmberObjectIsReadByItsOwnerAndTheNamedOrganisationOnly() {
        String id = indicatorId();
        Api.Response stored = owner.post("/api/v1/objects?tlp=AMBER&organisation=" + recipientOrganisation,
                indicator(id, "2027-03-01T10:00:00.000Z", "Fake voter portal"));

        assertThat(stored.status()).isEqualTo(201);
        assertThat(owner.get("/api/v1/objects/" + id).status()).isEqualTo(200);
        assertThat(recipient.get("/api/v1/objects/" + id).status()).isEqualTo(200);
        assertThat(outsider.get("/api/v1/objects/" + id).status()).isEqualTo(404);
        assertThat(fixtures.admin().get("/api/v1/objects/" + id).status()).as("platform administrator").isEqualTo(404);
    }

    @Test
    void aHiddenObjectAnswersExactlyLikeAMissingOne() {
        String id = indicatorId();
        owner.post("/api/v1/objects?tlp=RED", indicator(id, "2027-03-01T10:00:00.000Z", "Secret"));
        String missing = indicatorId();

        Api.Response hidden = outsider.get("/api/v1/objects/" + id);
        Api.Response absent = outsider.get("/api/v1/objects/" + missing);

        assertThat(hidden.status()).isEqualTo(absent.status()).isEqualTo(404);
        assertThat(hidden.json().get("detail").asText().replace(id, "X")).isEqualTo(absent.json().get("detail").asText().replace(missing, "X"));
    }

    @Test
    void theStoredObjectCarriesItsTlpMarkingAndKeepsCustomProperties() {
        String id = indicatorId();
        owner.post("/api/v1/objects?tlp=GREEN&pap=AMBER", indicator(id, "2027-03-01T10:00:00.000Z", "Marked"));

        JsonNode object = owner.get("/api/v1/objects/" + id).json();

        assertThat(object.get("object_marking_refs").toString()).contains(Tlp.GREEN.markingDefinitionId());
        assertThat(object.get("x_vigie_note").asText()).isEqualTo("custom properties are preserved");
    }

    @Test
    void aCustomObjectTypeIsStoredWithAllItsProperties() {
        String id = "x-election-rumour--" + UUID.randomUUID();
        Map<String, Object> rumour = Map.of("type", "x-election-rumour", "spec_version", "2.1", "id", id,
                "created", "2027-03-02T08:00:00.000Z", "modified", "2027-03-02T08:00:00.000Z",
                "claim", "Polling stations will close at noon", "languages", List.of("fr", "en"));

        assertThat(owner.post("/api/v1/objects?tlp=CLEAR", rumour).status()).isEqualTo(201);
        JsonNode stored = outsider.get("/api/v1/objects/" + id).json();
        assertThat(stored.get("claim").asText()).isEqualTo("Polling stations will close at noon");
        assertThat(stored.get("languages")).hasSize(2);
    }

    @Test
    void aSchemaFaultIsNamedByItsJsonPointer() {
        Map<String, Object> broken = new java.util.HashMap<>(indicator(indicatorId(), "2027-03-01T10:00:00.000Z", "Broken"));
        broken.put("created", "yesterday");

        Api.Response refused = owner.post("/api/v1/objects?tlp=CLEAR", broken);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsText("pointer")).contains("/created");
    }

    @Test
    void aBundleIsAllOrNothing() {
        String good = indicatorId();
        Map<String, Object> bad = new java.util.HashMap<>(indicator(indicatorId(), "2027-03-01T10:00:00.000Z", "Bad"));
        bad.remove("pattern");
        Map<String, Object> bundle = Map.of("type", "bundle", "id", "bundle--" + UUID.randomUUID(),
                "objects", List.of(indicator(good, "2027-03-01T10:00:00.000Z", "Good"), bad));

        Api.Response refused = owner.post("/api/v1/objects?tlp=CLEAR", bundle);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsText("pointer")).allMatch(p -> p.startsWith("/objects/1"));
        assertThat(owner.get("/api/v1/objects/" + good).status()).isEqualTo(404);
    }

    @Test
    void aPartialBundleStoresTheValidObjectsAndReportsTheOthers() {
        String good = indicatorId();
        Map<String, Object> bad = new java.util.HashMap<>(indicator(indicatorId(), "2027-03-01T10:00:00.000Z", "Bad"));
        bad.remove("pattern");
        Map<String, Object> bundle = Map.of("type", "bundle", "id", "bundle--" + UUID.randomUUID(),
                "objects", List.of(indicator(good, "2027-03-01T10:00:00.000Z", "Good"), bad));

        Api.Response answer = owner.post("/api/v1/objects?tlp=CLEAR&partial=true", bundle);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("created").asInt()).isEqualTo(1);
        assertThat(answer.json().get("rejected").asInt()).isEqualTo(1);
        assertThat(owner.get("/api/v1/objects/" + good).status()).isEqualTo(200);
    }

    @Test
    void storingTheSameVersionTwiceStoresItOnce() {
        String id = indicatorId();
        owner.post("/api/v1/objects?tlp=CLEAR", indicator(id, "2027-03-01T10:00:00.000Z", "Once"));

        Api.Response again = owner.post("/api/v1/objects?tlp=CLEAR", indicator(id, "2027-03-01T10:00:00.000Z", "Once"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM stix_objects WHERE stix_id = :id").param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void everyVersionIsKeptAndRetrievable() {
        String id = indicatorId();
        owner.post("/api/v1/objects?tlp=CLEAR", indicator(id, "2027-03-01T10:00:00.000Z", "First name"));
        owner.post("/api/v1/objects?tlp=CLEAR", indicator(id, "2027-03-02T10:00:00.000Z", "Second name"));

        assertThat(outsider.get("/api/v1/objects/" + id).json().get("name").asText()).isEqualTo("Second name");
        assertThat(outsider.get("/api/v1/objects/" + id + "?version=2027-03-01T10:00:00.000Z").json().get("name").asText())
                .isEqualTo("First name");
        assertThat(outsider.get("/api/v1/objects/" + id + "/versions").json().get("versions")).hasSize(2);
    }

    @Test
    void onlyTheOwningOrganisationAddsVersions() {
        String id = indicatorId();
        owner.post("/api/v1/objects?tlp=CLEAR", indicator(id, "2027-03-01T10:00:00.000Z", "Owned"));

        Api.Response takeover = outsider.post("/api/v1/objects?tlp=CLEAR", indicator(id, "2027-03-05T10:00:00.000Z", "Hijacked"));

        assertThat(takeover.status()).isEqualTo(403);
        assertThat(takeover.json().get("detail").asText()).contains("note");
        assertThat(outsider.get("/api/v1/objects/" + id).json().get("name").asText()).isEqualTo("Owned");
    }

    @Test
    void theOwnerRelaxesAMarkingWithANewVersion() {
        String id = indicatorId();
        owner.post("/api/v1/objects?tlp=AMBER_STRICT", indicator(id, "2027-03-01T10:00:00.000Z", "Narrow"));
        assertThat(outsider.get("/api/v1/objects/" + id).status()).isEqualTo(404);

        Map<String, Object> relaxed = new java.util.HashMap<>(indicator(id, "2027-03-02T10:00:00.000Z", "Wider"));
        relaxed.put("object_marking_refs", List.of(Tlp.CLEAR.markingDefinitionId()));
        owner.post("/api/v1/objects", relaxed);

        assertThat(outsider.get("/api/v1/objects/" + id).status()).isEqualTo(200);
        assertThat(outsider.get("/api/v1/objects/" + id + "/versions").json().get("versions")).as("sharing is per object").hasSize(2);
    }

    @Test
    void anObjectWithoutATlpMarkingNeedsOneFromTheRequest() {
        Api.Response refused = owner.post("/api/v1/objects", indicator(indicatorId(), "2027-03-01T10:00:00.000Z", "Unmarked"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsText("pointer")).contains("/object_marking_refs");
    }

    @Test
    void twoTlpMarkingsAreRefused() {
        Map<String, Object> doubly = new java.util.HashMap<>(indicator(indicatorId(), "2027-03-01T10:00:00.000Z", "Doubly"));
        doubly.put("object_marking_refs", List.of(Tlp.GREEN.markingDefinitionId(), Tlp.RED.markingDefinitionId()));

        Api.Response refused = owner.post("/api/v1/objects", doubly);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).contains("exactly one");
    }

    @Test
    void aMarkingThatIsNotTlp2IsABadRequest() {
        Api.Response refused = owner.post("/api/v1/objects?tlp=ORANGE", indicator(indicatorId(), "2027-03-01T10:00:00.000Z", "x"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("tlp");
    }

    @Test
    void aDistributionToACommunityTheAuthorIsNotInIsRefused() {
        Api.Response refused = owner.post("/api/v1/objects?tlp=GREEN&community=" + UUID.randomUUID(),
                indicator(indicatorId(), "2027-03-01T10:00:00.000Z", "x"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("community");
    }

    @Test
    void malformedJsonIsABadRequestThatSaysWhere() {
        Api.Response refused = owner.postRaw("/api/v1/objects?tlp=CLEAR", "{\"type\": \"indicator\",\n \"id\": }");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("line 2");
    }

    @Test
    void viewersAndPlatformAdministratorsWithoutAnOrganisationDoNotStore() {
        assertThat(recipient.post("/api/v1/objects?tlp=CLEAR", indicator(indicatorId(), "2027-03-01T10:00:00.000Z", "x")).status())
                .isEqualTo(403);
        assertThat(fixtures.admin().post("/api/v1/objects?tlp=CLEAR", indicator(indicatorId(), "2027-03-01T10:00:00.000Z", "x")).status())
                .isEqualTo(403);
    }

    @Test
    void fullTextSearchFindsEnglishAndFrenchWords() {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> french = new java.util.HashMap<>(indicator(indicatorId(), "2027-03-01T10:00:00.000Z", "Rumeur " + word));
        french.put("description", "Des bureaux de vote fermeraient à midi");
        owner.post("/api/v1/objects?tlp=CLEAR", french);

        JsonNode byName = outsider.get("/api/v1/objects?q=" + word).json().get("objects");
        JsonNode byFrenchStem = outsider.get("/api/v1/objects?type=indicator&q=" + word + "%20fermer").json().get("objects");

        assertThat(byName).hasSize(1);
        assertThat(byFrenchStem).hasSize(1);
    }

    @Test
    void readingARedObjectIsAudited() {
        String id = indicatorId();
        owner.post("/api/v1/objects?tlp=RED", indicator(id, "2027-03-01T10:00:00.000Z", "Red"));

        owner.get("/api/v1/objects/" + id);

        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'knowledge.read' AND details LIKE :id")
                .param("id", "%" + id + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theMarkingDefinitionsAndTheElectionExtensionArePublishedForEveryone() {
        assertThat(outsider.get("/api/v1/objects/" + Tlp.AMBER_STRICT.markingDefinitionId()).json().get("name").asText())
                .isEqualTo("TLP:AMBER+STRICT");
        assertThat(outsider.get("/api/v1/objects?type=extension-definition").json().get("objects").findValuesAsText("name"))
                .contains("Vigie election context");
    }

    @Test
    void disarmTechniquesAreReferenceDataInTheStoreAsDisarmPublishesThem() {
        JsonNode found = outsider.get("/api/v1/objects?type=attack-pattern&q=T0049").json().get("objects");

        JsonNode technique = java.util.stream.StreamSupport.stream(found.spliterator(), false)
                .filter(t -> t.get("external_references").get(0).get("external_id").asText().equals("T0049"))
                .findFirst().orElseThrow(() -> new AssertionError("T0049 not found in " + found.findValuesAsText("name")));
        assertThat(technique.get("kill_chain_phases").get(0).get("kill_chain_name").asText()).isEqualTo("mitre-attack");
        assertThat(technique.get("object_marking_refs").toString()).contains(Tlp.CLEAR.markingDefinitionId());
    }
}
