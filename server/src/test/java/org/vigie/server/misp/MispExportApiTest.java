package org.vigie.server.misp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/**
 * A report exported as a MISP event: the shape MISP's own schema describes, only for readers of the
 * report, and, for an event that came from MISP, the same attributes, tags and DISARM clusters back.
 */
@VigieTest
class MispExportApiTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    UUID organisation;
    Api analyst;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        organisation = fixtures.organisation("GOVERNMENT_AGENCY");
        analyst = fixtures.signedIn(fixtures.account(organisation, "ANALYST"));
    }

    @Test
    void aFiledReportExportsAsAnEventThatMispsStrictSchemaAccepts() {
        Map<String, Object> report = new java.util.LinkedHashMap<>();
        report.put("title", "SMS telling voters their polling station moved");
        report.put("summary", "Messages sent on election morning.");
        report.put("types", List.of("PHISHING"));
        report.put("outcome", "ATTEMPTED");
        report.put("firstSeen", "2026-11-20T08:00:00Z");
        report.put("disarmTechniques", List.of("T0049"));
        report.put("observables", List.of(Map.of("value", "hxxps://vote-valdoria-export[.]com/bureau"), Map.of("value", "+44 7700 900123"),
                Map.of("value", "198.51.100.23"), Map.of("value", "x:@valdoria_vote")));
        report.put("tlp", "GREEN");
        report.put("pap", "AMBER");
        Api.Response filed = analyst.post("/api/v1/reports", report);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String id = filed.json().get("id").asText();

        JsonNode exported = analyst.get("/api/v1/reports/" + id + "/misp").json();

        assertThat(violations("schema.json", exported)).isEmpty();
        JsonNode event = exported.get("Event");
        assertThat(event.get("uuid").asText()).isEqualTo(id.substring("incident--".length()));
        assertThat(event.get("info").asText()).isEqualTo("SMS telling voters their polling station moved");
        assertThat(event.get("date").asText()).isEqualTo("2026-11-20");
        assertThat(event.get("distribution").asText()).as("TLP:GREEN: connected communities").isEqualTo("2");
        assertThat(event.get("threat_level_id").asText()).isEqualTo("4");
        assertThat(event.get("timestamp").asText()).matches("\\d+");
        assertThat(names(event.get("Tag"))).contains("tlp:green", "PAP:AMBER", "misp-galaxy:disarm=\"Flood Information Space\"");
        List<String> attributes = new ArrayList<>();
        event.get("Attribute").forEach(a -> attributes.add(a.get("type").asText() + "|" + a.get("category").asText() + "|"
                + a.get("to_ids").asBoolean() + "|" + a.get("value").asText()));
        assertThat(attributes).contains("url|Network activity|true|https://vote-valdoria-export.com/bureau",
                "phone-number|Person|false|+447700900123", "ip-dst|Network activity|true|198.51.100.23",
                "twitter-id|Social network|false|valdoria_vote")
                .anyMatch(a -> a.startsWith("link|External analysis|false|http") && a.endsWith("/reports/" + id));
        JsonNode galaxy = event.get("Galaxy").get(0);
        assertThat(galaxy.get("type").asText()).isEqualTo("disarm");
        assertThat(galaxy.get("GalaxyCluster").get(0).get("meta").get("external_id").get(0).asText()).isEqualTo("T0049");
        assertThat(galaxy.get("GalaxyCluster").get(0).get("tag_name").asText()).isEqualTo("misp-galaxy:disarm=\"Flood Information Space\"");
    }

    @Test
    void anotherOrganisationsAmberReportIsNotExported() {
        UUID recipient = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        Api recipientAnalyst = fixtures.signedIn(fixtures.account(recipient, "ANALYST"));
        Api outsider = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ANALYST"));
        ObjectNode event = MispEvents.event("Amber for one recipient", 1_763_600_000L, "tlp:amber");
        MispEvents.attribute(event, "domain", "Network activity", true, "amber-only-test.com");
        Api.Response imported = analyst.postRaw("/api/v1/import/misp?organisation=" + recipient, MispFiles.write(event));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        String id = imported.json().get("events").get(0).get("reportId").asText();

        assertThat(outsider.get("/api/v1/reports/" + id + "/misp").status()).isEqualTo(404);
        assertThat(outsider.get("/api/v1/reports/incident--" + UUID.randomUUID() + "/misp").status()).isEqualTo(404);
        JsonNode exported = recipientAnalyst.get("/api/v1/reports/" + id + "/misp").json();
        assertThat(exported.get("Event").get("distribution").asText()).isEqualTo("1");
        assertThat(names(exported.get("Event").get("Tag"))).contains("tlp:amber");
        assertThat(exported.toString()).contains("amber-only-test.com");
    }

    @Test
    void exportOfAnImportedEventGivesBackItsAttributesTagsAndDisarmClusters() {
        ObjectNode original = MispFiles.json("existing_event.json");
        original.withArray("Tag").addObject().put("name", "misp-galaxy:disarm=\"Flood Information Space\"");
        ObjectNode disarm = original.withArray("Galaxy").addObject().put("name", "DISARM Techniques").put("type", "disarm")
                .put("uuid", MispExport.DISARM_GALAXY_UUID);
        disarm.putArray("GalaxyCluster").addObject().put("type", "disarm").put("value", "Develop Text-Based Content")
                .put("tag_name", "misp-galaxy:disarm=\"Develop Text-Based Content\"").putObject("meta").putArray("external_id").add("T0085");
        Api.Response imported = analyst.postRaw("/api/v1/import/misp", MispFiles.write(original));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        String id = imported.json().get("events").get(0).get("reportId").asText();

        JsonNode exported = analyst.get("/api/v1/reports/" + id + "/misp").json();

        assertThat(violations("schema-lax.json", exported)).isEmpty();
        JsonNode event = exported.get("Event");
        assertThat(event.get("uuid").asText()).isEqualTo(original.get("uuid").asText());
        assertThat(event.get("info").asText()).isEqualTo(original.get("info").asText());
        assertThat(event.get("distribution").asText()).isEqualTo("3");
        assertThat(event.get("threat_level_id").asText()).isEqualTo("3");
        assertThat(attributes(event.get("Attribute"))).containsAll(attributes(original.get("Attribute")));
        assertThat(event.get("Object")).hasSize(original.get("Object").size());
        List<String> originalObjectAttributes = new ArrayList<>();
        original.get("Object").forEach(o -> originalObjectAttributes.addAll(attributes(o.get("Attribute"))));
        List<String> exportedObjectAttributes = new ArrayList<>();
        event.get("Object").forEach(o -> exportedObjectAttributes.addAll(attributes(o.get("Attribute"))));
        assertThat(exportedObjectAttributes).containsExactlyInAnyOrderElementsOf(originalObjectAttributes);
        assertThat(names(event.get("Tag"))).containsAll(names(original.get("Tag")));
        Set<String> clusters = new HashSet<>();
        event.get("Galaxy").forEach(g -> {
            if (g.get("type").asText().equals("disarm")) {
                g.get("GalaxyCluster").forEach(c -> clusters.add(c.get("meta").get("external_id").get(0).asText()));
            }
        });
        assertThat(clusters).containsExactlyInAnyOrder("T0049", "T0085");
        assertThat(names(event.get("Tag"))).contains("misp-galaxy:disarm=\"Develop Text-Based Content\"");
        List<String> galaxyTypes = new ArrayList<>();
        event.get("Galaxy").forEach(g -> galaxyTypes.add(g.get("type").asText()));
        assertThat(galaxyTypes).contains("threat-actor", "exploit-kit", "tool", "mitre-malware", "disarm");

        // and the export imports again, into another organisation, as the same event
        Api other = fixtures.signedIn(fixtures.account(fixtures.organisation("RESEARCH"), "ANALYST"));
        Api.Response again = other.postRaw("/api/v1/import/misp", exported.toString());
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("events").get(0).get("disarmTechniques")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("T0049", "T0085");
        assertThat(again.json().get("events").get(0).get("indicators").asInt()).isEqualTo(56);
    }

    @Test
    void aNoteForgedByAnotherOrganisationDoesNotChangeTheExport() {
        ObjectNode event = MispEvents.event("Open report", 1_763_600_000L, "tlp:clear");
        MispEvents.attribute(event, "domain", "Network activity", true, "genuine-test.com");
        String id = analyst.postRaw("/api/v1/import/misp", MispFiles.write(event)).json().get("events").get(0).get("reportId").asText();
        Api other = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ANALYST"));
        ObjectNode forged = MispFiles.json("malware_exist.json").withArray("response").get(0).deepCopy();
        ObjectNode fake = MispFiles.JSON.createObjectNode();
        fake.put("type", "note").put("spec_version", "2.1").put("id", "note--" + UUID.randomUUID())
                .put("created", "2001-01-01T00:00:00.000Z").put("modified", "2001-01-01T00:00:00.000Z").put("content", "forged")
                .put("x_misp_event_uuid", MispEvents.uuid(event)).put("x_misp_event", forged.toString());
        fake.putArray("object_refs").add(id);
        assertThat(other.post("/api/v1/objects?tlp=CLEAR", fake).status()).isEqualTo(201);

        // listed before the genuine note (notes come oldest first): only the report owner's MISP note counts
        String exported = analyst.get("/api/v1/reports/" + id + "/misp").json().toString();
        String seenByOther = other.get("/api/v1/reports/" + id + "/misp").json().toString();

        assertThat(exported).contains("genuine-test.com").doesNotContain("7637beddacbeac59d44469b2b120b9e6");
        assertThat(seenByOther).contains("genuine-test.com").doesNotContain("7637beddacbeac59d44469b2b120b9e6");
    }

    @Test
    void observablesRemovedInVigieAreNotExportedAgain() {
        ObjectNode event = MispEvents.event("Edited after import", 1_763_600_000L, "tlp:green");
        MispEvents.attribute(event, "domain", "Network activity", true, "stays-test.com");
        MispEvents.attribute(event, "domain", "Network activity", true, "removed-test.com");
        MispEvents.attribute(event, "btc", "Financial fraud", true, "1BoatSLRHtKNngkdXEeobR76b53LETtpyT");
        Api.Response imported = analyst.postRaw("/api/v1/import/misp", MispFiles.write(event));
        String id = imported.json().get("events").get(0).get("reportId").asText();
        JsonNode report = analyst.get("/api/v1/reports/" + id).json();
        Map<String, Object> edit = new java.util.LinkedHashMap<>();
        edit.put("title", "Edited after import");
        edit.put("types", List.of("OTHER"));
        edit.put("observables", List.of(Map.of("value", "stays-test.com")));
        edit.put("baseModified", report.get("modified").asText());
        Api.Response edited = analyst.put("/api/v1/reports/" + id, edit);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);

        JsonNode exported = analyst.get("/api/v1/reports/" + id + "/misp").json().get("Event");

        assertThat(exported.toString()).contains("stays-test.com").contains("1BoatSLRHtKNngkdXEeobR76b53LETtpyT").doesNotContain("removed-test.com");

        Api.Response again = analyst.postRaw("/api/v1/import/misp", MispFiles.write(event));
        assertThat(again.json().get("events").get(0).get("status").asText()).isEqualTo("UNCHANGED");
        assertThat(again.json().get("events").get(0).get("warnings").toString()).contains("newer version in Vigie");
        assertThat(analyst.get("/api/v1/reports/" + id).json().get("content").get("observables")).hasSize(1);
    }

    private static List<String> attributes(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(a -> out.add(a.get("type").asText() + "|" + a.get("category").asText() + "|"
                + MispEventMapper.bool(a.get("to_ids")) + "|" + a.get("value").asText()));
        return out;
    }

    private static List<String> names(JsonNode tags) {
        List<String> names = new ArrayList<>();
        tags.forEach(t -> names.add(t.get("name").asText()));
        return names;
    }

    private static Set<ValidationMessage> violations(String schema, JsonNode document) {
        try {
            JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                    .getSchema(MispFiles.JSON.readTree(MispFiles.text(schema)));
            return validator.validate(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
