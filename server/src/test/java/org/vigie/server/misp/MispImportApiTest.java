package org.vigie.server.misp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/**
 * MISP events imported through the API become reports: what their tags, galaxies, attributes and
 * objects say lands in the report, in STIX indicators and in a provenance note, under the sharing
 * the event's TLP tag gives; bad files are refused naming the event, the attribute and the property.
 */
@VigieTest
class MispImportApiTest {

    private static final String IMPORT = "/api/v1/import/misp";

    @LocalServerPort
    int port;

    Fixtures fixtures;
    UUID organisation;
    Api analyst;
    Api outsider;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        organisation = fixtures.organisation("GOVERNMENT_AGENCY");
        analyst = fixtures.signedIn(fixtures.account(organisation, "ANALYST"));
        outsider = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ANALYST"));
    }

    @Test
    void theSednitEventBecomesAClearReportWithObservablesIndicatorsActorAndProvenanceNote() {
        Api.Response answer = analyst.postRaw(IMPORT, MispFiles.text("existing_event.json"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode result = answer.json().get("events").get(0);
        assertThat(result.get("status").asText()).isEqualTo("CREATED");
        assertThat(result.get("uuid").asText()).isEqualTo("5a3c2fcd-8328-42bb-a95e-4f4402de0b81");
        assertThat(result.get("tlp").asText()).as("tlp:white is TLP:CLEAR").isEqualTo("CLEAR");
        assertThat(result.get("problems")).isEmpty();
        String id = result.get("reportId").asText();
        assertThat(id).isEqualTo("incident--" + MispEventMapper.derived(organisation, "5a3c2fcd-8328-42bb-a95e-4f4402de0b81", "incident"));

        JsonNode report = outsider.get("/api/v1/reports/" + id).json(); // TLP:CLEAR: every signed-in user reads it
        assertThat(report.get("tlp").asText()).isEqualTo("CLEAR");
        JsonNode content = report.get("content");
        assertThat(content.get("title").asText()).isEqualTo("OSINT - Sednit update: How Fancy Bear Spent the Year");
        assertThat(content.get("summary").asText()).contains("The Sednit group").contains("https://www.welivesecurity.com/2017/12/21/");
        assertThat(content.get("firstSeen").asText()).isEqualTo("2017-12-21T00:00:00Z");
        assertThat(content.get("lastSeen").asText()).isEqualTo("2017-12-22T13:17:22Z");
        assertThat(content.get("outcome").asText()).isEqualTo("UNKNOWN");
        List<String> observables = new ArrayList<>();
        content.get("observables").forEach(o -> observables.add(o.get("type").asText() + " " + o.get("normalised").asText()));
        assertThat(observables).contains("domain movieultimate.com", "file-hash 68064fc152e23d56e541714af52651cb4ba81aaf")
                .anyMatch(o -> o.startsWith("ipv4 "));
        assertThat(content.get("actorRefs")).hasSize(1);
        assertThat(outsider.get("/api/v1/objects/" + content.get("actorRefs").get(0).asText()).json().get("name").asText()).isEqualTo("Sofacy");

        // 7 domains marked for detection, and 49 objects (37 files, 12 domain-ip), each one indicator
        JsonNode indicators = analyst.get("/api/v1/objects?type=indicator&owner=" + organisation + "&size=1000").json().get("objects");
        assertThat(indicators).hasSize(56);
        for (JsonNode indicator : indicators) {
            assertThat(StixPatternCheck.problem(indicator.get("pattern").asText())).as(indicator.get("pattern").asText()).isNull();
            assertThat(indicator.get("object_marking_refs").get(0).asText()).isEqualTo("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487");
        }
        assertThat(indicators).anySatisfy(i -> assertThat(i.get("pattern").asText()).isEqualTo("[domain-name:value = 'movieultimate.com']"));
        assertThat(indicators).anySatisfy(i -> assertThat(i.get("pattern").asText())
                .matches("\\[(file:name = 'Bulletin.doc' AND file:hashes.'SHA-1' = '[0-9a-f]{40}'|file:hashes.'SHA-1' = '[0-9a-f]{40}' AND file:name = 'Bulletin.doc')\\]"));
        assertThat(indicators).anySatisfy(i -> assertThat(i.get("pattern").asText())
                .matches("\\[domain-name:value = '[^']+' AND domain-name:resolves_to_refs\\[\\*\\]\\.value = '[0-9.]+'\\]"));
        JsonNode relationships = analyst.get("/api/v1/objects?type=relationship&owner=" + organisation + "&size=1000").json().get("objects");
        assertThat(relationships).hasSize(56).allSatisfy(r -> assertThat(r.get("target_ref").asText()).isEqualTo(id));

        JsonNode notes = analyst.get("/api/v1/objects?type=note&owner=" + organisation).json().get("objects");
        assertThat(notes).hasSize(1);
        JsonNode note = notes.get(0);
        assertThat(note.get("object_refs").get(0).asText()).isEqualTo(id);
        assertThat(note.get("x_misp_event_uuid").asText()).isEqualTo("5a3c2fcd-8328-42bb-a95e-4f4402de0b81");
        assertThat(note.get("x_misp_distribution").asText()).isEqualTo("3");
        assertThat(note.get("x_misp_distribution_label").asText()).isEqualTo("All communities");
        assertThat(note.get("x_misp_orgc").get("name").asText()).isEqualTo("CIRCL");
        assertThat(note.get("content").asText()).contains("5a3c2fcd-8328-42bb-a95e-4f4402de0b81").contains("CIRCL")
                .contains("distribution: 3 (All communities)");
    }

    @Test
    void theResponseWrapperWithoutATlpTagTakesTheImportsSharing() {
        UUID recipient = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        Api recipientAnalyst = fixtures.signedIn(fixtures.account(recipient, "ANALYST"));

        Api.Response answer = analyst.postRaw(IMPORT + "?tlp=AMBER&pap=GREEN&organisation=" + recipient, MispFiles.text("malware_exist.json"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode result = answer.json().get("events").get(0);
        assertThat(result.get("uuid").asText()).isEqualTo("5a4e4fdd-1eb4-4ff3-9e87-43fa950d210f");
        assertThat(result.get("tlp").asText()).isEqualTo("AMBER");
        String id = result.get("reportId").asText();
        JsonNode report = recipientAnalyst.get("/api/v1/reports/" + id).json();
        assertThat(report.get("tlp").asText()).isEqualTo("AMBER");
        assertThat(report.get("pap").asText()).isEqualTo("GREEN");
        assertThat(report.get("content").get("observables").toString()).contains("7637beddacbeac59d44469b2b120b9e6");
        assertThat(outsider.get("/api/v1/reports/" + id).status()).isEqualTo(404);
        JsonNode indicators = analyst.get("/api/v1/objects?type=indicator&owner=" + organisation).json().get("objects");
        assertThat(indicators).hasSize(1);
        assertThat(indicators.get(0).get("pattern").asText())
                .isEqualTo("[file:hashes.MD5 = '7637beddacbeac59d44469b2b120b9e6' AND file:hashes.'SHA-1' = '023853a4331db8d67e44553004cf338ec1b7440e'"
                        + " AND file:hashes.'SHA-256' = '6ae8b0f1c7d6f3238d1fc14038018c3b4704c8cc23dac1c2bfd2c81b5a278eef']");
        assertThat(outsider.get("/api/v1/objects/" + indicators.get(0).get("id").asText()).status()).isEqualTo(404);
    }

    @Test
    void theFragmentWithoutAnEventUuidIsRefusedNamingTheProperty() {
        Api.Response answer = analyst.postRaw(IMPORT + "?tlp=GREEN", MispFiles.text("event_obj_attr_tag.json"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("event").asInt()).isZero();
        assertThat(error.get("property").asText()).isEqualTo("uuid");
        assertThat(error.get("pointer").asText()).isEqualTo("/uuid");
        assertThat(answer.json().get("detail").asText()).contains("event 0").contains("uuid").contains("nothing was imported");

        Api.Response partial = analyst.postRaw(IMPORT + "?tlp=GREEN&partial=true", MispFiles.text("event_obj_attr_tag.json"));
        assertThat(partial.status()).as(partial.body()).isEqualTo(200);
        assertThat(partial.json().get("rejected").asInt()).isEqualTo(1);
        assertThat(partial.json().get("events").get(0).get("problems").get(0).get("property").asText()).isEqualTo("uuid");
    }

    @Test
    void tlpAndPapTagsGiveTheReportsMarkings() {
        String[][] cases = {{"tlp:white", "CLEAR"}, {"tlp:clear", "CLEAR"}, {"tlp:green", "GREEN"}, {"tlp:amber", "AMBER"},
                {"tlp:amber+strict", "AMBER_STRICT"}, {"TLP:RED", "RED"}};
        for (String[] c : cases) {
            ObjectNode event = MispEvents.event("Marking " + c[0], 1_763_600_000L, c[0], "PAP:RED");
            MispEvents.attribute(event, "domain", "Network activity", false, "marking-" + UUID.randomUUID() + "-test.com");
            Api.Response answer = analyst.postRaw(IMPORT + "?tlp=GREEN&pap=CLEAR", MispFiles.write(event));
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            JsonNode report = analyst.get("/api/v1/reports/" + answer.json().get("events").get(0).get("reportId").asText()).json();
            assertThat(report.get("tlp").asText()).as(c[0]).isEqualTo(c[1]);
            assertThat(report.get("pap").asText()).as("PAP:RED tag").isEqualTo("RED");
        }
        ObjectNode twoLevels = MispEvents.event("Two levels", 1_763_600_000L, "tlp:green", "tlp:amber");
        Api.Response answer = analyst.postRaw(IMPORT, MispFiles.write(twoLevels));
        assertThat(answer.json().get("events").get(0).get("tlp").asText()).as("the stricter").isEqualTo("AMBER");
        assertThat(answer.json().get("events").get(0).get("warnings").toString()).contains("two TLP tags");

        Api.Response none = analyst.postRaw(IMPORT, MispFiles.write(MispEvents.event("No marking", 1_763_600_000L)));
        assertThat(none.status()).as(none.body()).isEqualTo(422);
        assertThat(none.json().get("errors").get(0).get("property").asText()).isEqualTo("tlp");
    }

    @Test
    void disarmGalaxyClustersAndTagsBecomeTheReportsTechniques() {
        ObjectNode event = MispEvents.event("Fake polling-station pages", 1_763_600_000L, "tlp:green",
                "misp-galaxy:disarm=\"Facilitate State Propaganda\"", "misp-galaxy:disarm-techniques=\"Flood Information Space - T0049\"",
                "misp-galaxy:mitre-attack-pattern=\"Phishing - T1566\"");
        ArrayNode galaxies = ((ObjectNode) event.get("Event")).putArray("Galaxy");
        ObjectNode galaxy = galaxies.addObject().put("name", "DISARM Techniques").put("type", "disarm")
                .put("uuid", "a90f2bb6-11e1-58a7-9962-ba37886720ec");
        galaxy.putArray("GalaxyCluster").addObject().put("type", "disarm").put("value", "Create Clickbait")
                .put("tag_name", "misp-galaxy:disarm=\"Create Clickbait\"").putObject("meta").putArray("external_id").add("T0016");
        galaxy.withArray("GalaxyCluster").addObject().put("type", "disarm").put("value", "Create Fake Experts")
                .putObject("meta").putArray("external_id").add("T0009");
        ObjectNode attack = galaxies.addObject().put("name", "Attack Pattern").put("type", "mitre-attack-pattern");
        attack.putArray("GalaxyCluster").addObject().put("type", "mitre-attack-pattern").put("value", "Phishing - T1566")
                .putObject("meta").putArray("external_id").add("T1566");
        ObjectNode actors = galaxies.addObject().put("name", "Threat Actor").put("type", "threat-actor");
        actors.putArray("GalaxyCluster").addObject().put("type", "threat-actor").put("value", "Ghostwriter " + UUID.randomUUID())
                .put("description", "A campaign of fabricated content.");
        MispEvents.attribute(event, "url", "Network activity", true, "https://bureau-de-vote-test.com/change");

        Api.Response answer = analyst.postRaw(IMPORT, MispFiles.write(event));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode content = analyst.get("/api/v1/reports/" + answer.json().get("events").get(0).get("reportId").asText()).json().get("content");
        assertThat(content.get("disarmTechniques")).extracting(JsonNode::asText).containsExactlyInAnyOrder("T0002", "T0016", "T0049");
        assertThat(content.get("attackTechniques")).extracting(JsonNode::asText).containsExactly("T1566");
        assertThat(content.get("types")).extracting(JsonNode::asText).as("from the words of its tags").contains("PHISHING");
        assertThat(answer.json().get("events").get(0).get("warnings").toString()).contains("Create Fake Experts");
        assertThat(content.get("actorRefs")).hasSize(1);
        assertThat(content.get("actorRefs").get(0).asText()).startsWith("threat-actor--");
    }

    @Test
    void attributesMarkedForDetectionBecomeIndicatorsWithValidPatterns() {
        ObjectNode event = MispEvents.event("Indicators", 1_763_600_000L, "tlp:amber");
        MispEvents.attribute(event, "domain", "Network activity", true, "vote-valdoria-test.com");
        MispEvents.attribute(event, "ip-dst|port", "Network activity", true, "203.0.113.7|8443");
        MispEvents.attribute(event, "filename|sha256", "Payload delivery", true,
                "bulletin.doc|9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        MispEvents.attribute(event, "url", "Network activity", true, "https://evil-test.com/it's?q=a\\b");
        MispEvents.attribute(event, "email-src", "Payload delivery", true, "noreply@vote-valdoria-test.com");
        MispEvents.attribute(event, "AS", "Network activity", true, "AS64500");
        MispEvents.attribute(event, "btc", "Financial fraud", true, "1BoatSLRHtKNngkdXEeobR76b53LETtpyT");
        MispEvents.attribute(event, "domain", "Network activity", false, "not-for-detection-test.com");
        MispEvents.attribute(event, "yara", "Payload installation", true, "rule x { condition: true }");

        Api.Response answer = analyst.postRaw(IMPORT, MispFiles.write(event));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode result = answer.json().get("events").get(0);
        assertThat(result.get("indicators").asInt()).isEqualTo(7);
        assertThat(result.get("warnings").toString()).contains("'btc' has no STIX pattern");
        List<String> patterns = new ArrayList<>();
        analyst.get("/api/v1/objects?type=indicator&owner=" + organisation).json().get("objects").forEach(i -> {
            if (i.get("pattern_type").asText().equals("stix")) {
                assertThat(StixPatternCheck.problem(i.get("pattern").asText())).isNull();
                assertThat(i.get("pattern_version").asText()).isEqualTo("2.1");
            }
            assertThat(i.get("valid_from").asText()).isEqualTo("2025-11-20T00:53:20.000Z");
            patterns.add(i.get("pattern").asText());
        });
        assertThat(patterns).containsExactlyInAnyOrder(
                "[domain-name:value = 'vote-valdoria-test.com']",
                "[network-traffic:dst_ref.value = '203.0.113.7' AND network-traffic:dst_port = 8443]",
                "[file:name = 'bulletin.doc' AND file:hashes.'SHA-256' = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08']",
                "[url:value = 'https://evil-test.com/it\\'s?q=a\\\\b']",
                "[email-addr:value = 'noreply@vote-valdoria-test.com']",
                "[autonomous-system:number = 64500]",
                "rule x { condition: true }");
        JsonNode report = analyst.get("/api/v1/reports/" + result.get("reportId").asText()).json().get("content");
        List<String> observables = new ArrayList<>();
        report.get("observables").forEach(o -> observables.add(o.get("type").asText()));
        assertThat(observables).contains("domain", "ipv4", "file-hash", "url", "email");
    }

    @Test
    void theDistributionAndSharingGroupAreRecordedInTheNote() {
        ObjectNode event = MispEvents.event("Shared with a group", 1_763_600_000L, "tlp:green");
        ((ObjectNode) event.get("Event")).put("distribution", "4").put("sharing_group_id", "7");
        ((ObjectNode) event.get("Event")).putObject("SharingGroup").put("name", "G7 RRM").put("uuid", UUID.randomUUID().toString());
        MispEvents.attribute(event, "domain", "Network activity", false, "group-test.com");

        Api.Response answer = analyst.postRaw(IMPORT, MispFiles.write(event));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode note = analyst.get("/api/v1/objects?type=note&owner=" + organisation).json().get("objects").get(0);
        assertThat(note.get("x_misp_distribution").asText()).isEqualTo("4");
        assertThat(note.get("x_misp_distribution_label").asText()).isEqualTo("Sharing group");
        assertThat(note.get("x_misp_sharing_group").get("name").asText()).isEqualTo("G7 RRM");
        assertThat(note.get("content").asText()).contains("4 (Sharing group)").contains("sharing group G7 RRM");
        assertThat(note.get("object_marking_refs").get(0).asText()).isEqualTo("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb");
    }

    @Test
    void importingTheSameEventAgainStoresNothingAndANewerOneStoresANewVersion() {
        ObjectNode event = MispEvents.event("Versions", 1_763_600_000L, "tlp:amber");
        MispEvents.attribute(event, "domain", "Network activity", true, "first-test.com");

        Api.Response first = analyst.postRaw(IMPORT, MispFiles.write(event));
        Api.Response again = analyst.postRaw(IMPORT, MispFiles.write(event));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(1);
        String id = first.json().get("events").get(0).get("reportId").asText();
        assertThat(analyst.get("/api/v1/reports/" + id + "/versions").json()).hasSize(1);
        JsonNode objects = analyst.get("/api/v1/objects?owner=" + organisation + "&size=1000").json().get("objects");
        for (JsonNode object : objects) {
            assertThat(analyst.get("/api/v1/objects/" + object.get("id").asText() + "/versions").json().get("versions"))
                    .as(object.get("id").asText()).hasSize(1);
        }

        ((ObjectNode) event.get("Event")).put("timestamp", "1763700000").put("info", "Versions, updated");
        MispEvents.attribute(event, "domain", "Network activity", true, "second-test.com");
        Api.Response newer = analyst.postRaw(IMPORT, MispFiles.write(event));

        assertThat(newer.status()).as(newer.body()).isEqualTo(201);
        assertThat(newer.json().get("events").get(0).get("status").asText()).isEqualTo("NEW_VERSION");
        assertThat(newer.json().get("events").get(0).get("reportId").asText()).isEqualTo(id);
        JsonNode report = analyst.get("/api/v1/reports/" + id).json();
        assertThat(report.get("content").get("title").asText()).isEqualTo("Versions, updated");
        assertThat(report.get("content").get("observables")).hasSize(2);
        assertThat(analyst.get("/api/v1/reports/" + id + "/versions").json()).hasSize(2);
        assertThat(analyst.get("/api/v1/objects?type=indicator&owner=" + organisation).json().get("objects")).hasSize(2);
        JsonNode audit = fixtures.admin().get("/api/v1/audit?targetType=report&targetId=" + id).json().get("entries");
        assertThat(audit).extracting(e -> e.get("action").asText()).containsExactly("report.import-updated", "report.imported");
    }

    @Test
    void aReportRevokedInVigieStaysRevokedWhenANewerEventArrives() {
        ObjectNode event = MispEvents.event("Revoked here", 1_763_600_000L, "tlp:green");
        MispEvents.attribute(event, "domain", "Network activity", false, "revoked-here-test.com");
        String id = analyst.postRaw(IMPORT, MispFiles.write(event)).json().get("events").get(0).get("reportId").asText();
        assertThat(analyst.post("/api/v1/reports/" + id + "/revoke", Map.of()).status()).isEqualTo(200);

        ((ObjectNode) event.get("Event")).put("timestamp", Long.toString(java.time.Instant.now().getEpochSecond() + 2 * 86_400));
        Api.Response newer = analyst.postRaw(IMPORT, MispFiles.write(event));

        assertThat(newer.json().get("events").get(0).get("status").asText()).as(newer.body()).isEqualTo("NEW_VERSION");
        assertThat(analyst.get("/api/v1/reports/" + id).json().get("revoked").asBoolean()).isTrue();
    }

    @Test
    void anUnknownAttributeTypeIsRefusedNamingEventAttributeAndPropertyUnlessPartial() {
        ObjectNode event = MispEvents.event("Unknown type", 1_763_600_000L, "tlp:green");
        MispEvents.attribute(event, "domain", "Network activity", true, "kept-test.com");
        ObjectNode object = ((ObjectNode) event.get("Event")).putArray("Object").addObject().put("name", "file")
                .put("uuid", UUID.randomUUID().toString());
        ObjectNode bad = object.putArray("Attribute").addObject().put("type", "sha1").put("value", "023853a4331db8d67e44553004cf338ec1b7440e")
                .put("category", "Payload delivery");
        ((ArrayNode) object.get("Attribute")).addObject().put("type", "qr-sha42").put("value", "x").put("uuid", "11111111-2222-4333-8444-555555555555")
                .put("object_relation", "weird");
        assertThat(bad).isNotNull();
        String uuid = MispEvents.uuid(event);
        String id = "incident--" + MispEventMapper.derived(organisation, uuid, "incident");

        Api.Response refused = analyst.postRaw(IMPORT, MispFiles.write(event));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("eventUuid").asText()).isEqualTo(uuid);
        assertThat(error.get("eventInfo").asText()).isEqualTo("Unknown type");
        assertThat(error.get("object").asInt()).isZero();
        assertThat(error.get("objectName").asText()).isEqualTo("file");
        assertThat(error.get("attribute").asInt()).isEqualTo(1);
        assertThat(error.get("attributeUuid").asText()).isEqualTo("11111111-2222-4333-8444-555555555555");
        assertThat(error.get("property").asText()).isEqualTo("type");
        assertThat(error.get("pointer").asText()).isEqualTo("/Event/Object/0/Attribute/1/type");
        assertThat(refused.json().get("detail").asText()).contains("qr-sha42").contains("object 0 \u201cfile\u201d").contains(uuid);
        assertThat(analyst.get("/api/v1/reports/" + id).status()).as("nothing imported").isEqualTo(404);

        Api.Response partial = analyst.postRaw(IMPORT + "?partial=true", MispFiles.write(event));

        assertThat(partial.status()).as(partial.body()).isEqualTo(201);
        JsonNode result = partial.json().get("events").get(0);
        assertThat(result.get("status").asText()).isEqualTo("CREATED");
        assertThat(result.get("skipped").asInt()).isEqualTo(1);
        assertThat(result.get("problems").get(0).get("property").asText()).isEqualTo("type");
        assertThat(analyst.get("/api/v1/reports/" + id).json().get("content").get("observables")).hasSize(2);
    }

    @Test
    void severalEventsAreAllOrNothingAndEachIsReported() {
        ObjectNode good = MispEvents.event("Good", 1_763_600_000L, "tlp:green");
        MispEvents.attribute(good, "domain", "Network activity", false, "good-test.com");
        ObjectNode bad = MispEvents.event("Bad", 1_763_600_000L, "tlp:green");
        MispEvents.attribute(bad, "not-a-type", "Other", false, "x");
        ObjectNode body = MispFiles.JSON.createObjectNode();
        body.putArray("response").add(good).add(bad.get("Event"));
        String goodId = "incident--" + MispEventMapper.derived(organisation, MispEvents.uuid(good), "incident");

        Api.Response refused = analyst.postRaw(IMPORT, MispFiles.write(body));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("event").asInt()).isEqualTo(1);
        assertThat(refused.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/response/1/Attribute/0/type");
        assertThat(analyst.get("/api/v1/reports/" + goodId).status()).isEqualTo(404);

        ((ArrayNode) bad.get("Event").get("Attribute")).removeAll();
        MispEvents.attribute(bad, "domain", "Network activity", false, "bad-now-good-test.com");
        Api.Response both = analyst.postRaw(IMPORT, MispFiles.write(body));
        assertThat(both.status()).as(both.body()).isEqualTo(201);
        assertThat(both.json().get("created").asInt()).isEqualTo(2);
        assertThat(analyst.get("/api/v1/reports/" + goodId).status()).isEqualTo(200);
    }

    @Test
    void aFileThatIsNotJsonOrHoldsNoEventIsRefusedClearly() {
        Api.Response notJson = analyst.postRaw(IMPORT + "?tlp=GREEN", "{\"Event\": {\"info\": \"x\",\n  \"uuid\": }");
        assertThat(notJson.status()).as(notJson.body()).isEqualTo(400);
        assertThat(notJson.json().get("detail").asText()).contains("line 2, column");
        assertThat(notJson.json().get("line").asInt()).isEqualTo(2);

        Api.Response noEvent = analyst.postRaw(IMPORT + "?tlp=GREEN", "{\"type\":\"bundle\",\"objects\":[]}");
        assertThat(noEvent.status()).as(noEvent.body()).isEqualTo(422);
        assertThat(noEvent.json().get("detail").asText()).contains("no MISP event");

        Api.Response badTlp = analyst.postRaw(IMPORT + "?tlp=PURPLE", MispFiles.text("malware_exist.json"));
        assertThat(badTlp.status()).isEqualTo(400);

        Api.Response oddLists = analyst.postRaw(IMPORT, "{\"Event\":{\"uuid\":\"" + UUID.randomUUID()
                + "\",\"info\":\"Lists that are not lists\",\"timestamp\":\"1763600000\",\"Attribute\":{\"a\":1},"
                + "\"Object\":\"none\",\"Tag\":[{\"name\":\"tlp:green\"}]}}");
        assertThat(oddLists.status()).as(oddLists.body()).isEqualTo(201);
        assertThat(oddLists.json().get("events").get(0).get("observables").asInt()).isZero();
    }

    @Test
    void aMultipartUploadIsImportedLikeARawBody() {
        Api.Response answer = analyst.postFile(IMPORT + "?tlp=GREEN", "file", "event.json", "application/json",
                MispFiles.text("malware_exist.json").getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("events").get(0).get("tlp").asText()).isEqualTo("GREEN");
    }

    @Test
    void aViewerMayNotImport() {
        Api viewer = fixtures.signedIn(fixtures.account(organisation, "VIEWER"));
        assertThat(viewer.postRaw(IMPORT, MispFiles.text("existing_event.json")).status()).isEqualTo(403);
    }
}
