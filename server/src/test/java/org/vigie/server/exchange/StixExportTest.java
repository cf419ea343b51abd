package org.vigie.server.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.support.ReportFiling.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.knowledge.KnowledgeStore;
import org.vigie.server.knowledge.StixSchemas;
import org.vigie.server.reference.DisarmFramework;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.ReportFiling;
import org.vigie.server.support.VigieTest;

/**
 * The STIX export of each set: what a bundle holds, its closure, that it validates and is
 * deterministic, and that it never carries what its reader may not see.
 */
@VigieTest
class StixExportTest {

    static final String TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    Fixtures fixtures;
    UUID election;
    UUID agency;
    UUID media;
    Api analyst;
    Api outsider;
    Api stranger;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        election = ReportFiling.election(fixtures);
        agency = fixtures.organisation("GOVERNMENT_AGENCY");
        media = fixtures.organisation("MEDIA");
        analyst = fixtures.signedIn(fixtures.account(agency, "ANALYST"));
        outsider = fixtures.signedIn(fixtures.account(media, "ANALYST"));
        stranger = fixtures.signedIn(fixtures.account(fixtures.organisation("RESEARCH"), "ANALYST"));
    }

    // ---- a report ------------------------------------------------------------------------------

    @Test
    void aReportBundleHoldsTheIncidentWhatItReferencesItsObservablesAndTheirClosure() {
        String sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        String id = report("Fake polling-station SMS", election, "https://fake-bureau.example/vote?id=1", "fake-bureau.fr",
                "203.0.113.7", "press@fake-bureau.fr", sha256, "x:fakebureau", "+33 6 12 34 56 78")
                .with("newActors", List.of(Map.of("name", "Bureau troll farm", "type", "threat-actor")))
                .with("newNarratives", List.of(Map.of("name", "Polling stations moved")))
                .fileAs(analyst);
        assertThat(analyst.post("/api/v1/reports/" + id + "/comments", Map.of("text", "Seen in three departments.", "tlp", "CLEAR"))
                .status()).isEqualTo(201);

        JsonNode bundle = export(outsider, "/api/v1/reports/" + id + "/stix");

        assertValid(bundle);
        Map<String, JsonNode> objects = byId(bundle);
        JsonNode incident = objects.get(id);
        assertThat(incident.get("type").asText()).isEqualTo("incident");
        assertThat(ofType(bundle, "threat-actor")).extracting(o -> o.get("name").asText()).containsExactly("Bureau troll farm");
        assertThat(ofType(bundle, "x-vigie-narrative")).extracting(o -> o.get("name").asText()).containsExactly("Polling stations moved");
        assertThat(ofType(bundle, "note")).extracting(o -> o.get("content").asText()).containsExactly("Seen in three departments.");

        // observables as cyber-observables, each related to the incident
        assertThat(values(bundle, "url")).containsExactly("https://fake-bureau.example/vote?id=1");
        assertThat(values(bundle, "domain-name")).containsExactly("fake-bureau.fr");
        assertThat(values(bundle, "ipv4-addr")).containsExactly("203.0.113.7");
        assertThat(values(bundle, "email-addr")).containsExactly("press@fake-bureau.fr");
        assertThat(ofType(bundle, "file")).extracting(f -> f.at("/hashes/SHA-256").asText()).containsExactly(sha256);
        assertThat(ofType(bundle, "user-account")).singleElement().satisfies(a -> {
            assertThat(a.get("account_type").asText()).isEqualTo("twitter");
            assertThat(a.get("account_login").asText()).isEqualTo("fakebureau");
        });
        List<JsonNode> related = ofType(bundle, "relationship").stream().filter(r -> r.get("relationship_type").asText().equals("related-to")).toList();
        assertThat(related).hasSize(6).allSatisfy(r -> {
            assertThat(r.get("source_ref").asText()).isEqualTo(id);
            assertThat(objects).containsKey(r.get("target_ref").asText());
            assertThat(r.get("object_marking_refs")).isEqualTo(incident.get("object_marking_refs"));
        });
        assertThat(StixIds.observable("domain-name", Map.of("value", "fake-bureau.fr")))
                .as("the STIX 2.1 deterministic id (UUIDv5 in the OASIS namespace)")
                .isEqualTo(ofType(bundle, "domain-name").get(0).get("id").asText());

        // the closure
        assertThat(objects).containsKeys(Tlp.CLEAR.markingDefinitionId(), KnowledgeStore.REPORT_EXTENSION_ID,
                KnowledgeStore.ELECTION_EXTENSION_ID, StixIds.organisationIdentity(agency));
        JsonNode identity = objects.get(StixIds.organisationIdentity(agency));
        assertThat(identity.get("identity_class").asText()).isEqualTo("organization");
        assertThat(identity.get("sectors").get(0).asText()).isEqualTo("government-national");
        assertThat(incident.has("created_by_ref")).as("exported objects are not rewritten").isFalse();
        assertThat(ofType(bundle, "attack-pattern")).singleElement().satisfies(technique -> assertThat(technique.get("external_references"))
                .anySatisfy(r -> {
                    assertThat(r.get("source_name").asText()).as("as DISARM publishes it").isEqualTo(DisarmFramework.UPSTREAM_SOURCE_NAME);
                    assertThat(r.get("external_id").asText()).isEqualTo("T0085");
                }));
        assertThat(danglingRefs(bundle)).as("everything referenced is in the bundle").isEmpty();
    }

    @Test
    void evidenceFilesAreExportedAsFileObjectsWithTheirHashNameSizeAndMediaType() {
        byte[] png = new byte[2048];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(header, 0, png, 0, header.length);
        png[100] = (byte) UUID.randomUUID().hashCode(); // a file of its own
        Api.Response uploaded = analyst.postFile("/api/v1/reports/evidence", "file", "screenshot.png", "image/png", png);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String sha256 = uploaded.json().get("sha256").asText();
        String id = report("With evidence", election).with("evidence", List.of(Map.of("sha256", sha256, "fileName", "screenshot.png")))
                .fileAs(analyst);

        JsonNode bundle = export(analyst, "/api/v1/reports/" + id + "/stix");

        assertValid(bundle);
        assertThat(ofType(bundle, "file")).singleElement().satisfies(file -> {
            assertThat(file.at("/hashes/SHA-256").asText()).isEqualTo(sha256);
            assertThat(file.get("name").asText()).isEqualTo("screenshot.png");
            assertThat(file.get("size").asLong()).isEqualTo(2048);
            assertThat(file.get("mime_type").asText()).isEqualTo("image/png");
        });
    }

    @Test
    void twoExportsOfTheSameReportAreIdenticalApartFromTheBundleId() {
        String id = report("Deterministic", election, "https://same-twice.example/", "198.51.100.4").fileAs(analyst);

        JsonNode first = export(analyst, "/api/v1/reports/" + id + "/stix");
        JsonNode second = export(analyst, "/api/v1/reports/" + id + "/stix");

        assertThat(first.get("id").asText()).isNotEqualTo(second.get("id").asText()).startsWith("bundle--");
        ((ObjectNode) first).remove("id");
        ((ObjectNode) second).remove("id");
        assertThat(first).isEqualTo(second);
    }

    @Test
    void aReportTheReaderMayNotSeeIsNotFoundAndADownloadIsAnAttachment() {
        String secret = report("Agency only", election).with("tlp", "AMBER").fileAs(analyst);

        assertThat(outsider.get("/api/v1/reports/" + secret + "/stix").status()).isEqualTo(404);
        assertThat(outsider.get("/api/v1/reports/incident--" + UUID.randomUUID() + "/stix").status()).isEqualTo(404);
        assertThat(analyst.get("/api/v1/reports/" + secret + "/stix?versions=some").status()).isEqualTo(400);
        Api.Response download = analyst.get("/api/v1/reports/" + secret + "/stix?download=true");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith("application/stix+json");
        assertThat(download.header("Content-Disposition")).startsWith("attachment").contains("vigie-report-" + secret + ".stix.json");
    }

    @Test
    void allVersionsExportsEveryVersionTheReaderMaySee() {
        String id = report("Versioned", election).fileAs(analyst);
        JsonNode current = analyst.get("/api/v1/reports/" + id).json();
        Map<String, Object> edit = new LinkedHashMap<>(report("Versioned, corrected", election).fields());
        edit.put("baseModified", current.get("modified").asText());
        assertThat(analyst.put("/api/v1/reports/" + id, edit).status()).isEqualTo(200);

        JsonNode latest = export(analyst, "/api/v1/reports/" + id + "/stix");
        JsonNode all = export(analyst, "/api/v1/reports/" + id + "/stix?versions=all");

        assertThat(ofType(latest, "incident")).extracting(i -> i.get("name").asText()).containsExactly("Versioned, corrected");
        assertThat(ofType(all, "incident")).extracting(i -> i.get("name").asText()).containsExactly("Versioned", "Versioned, corrected");
        assertValid(all);
    }

    // ---- a campaign: the leak tests ------------------------------------------------------------

    @Test
    void aCampaignExportCarriesOnlyTheMembersRelationshipsNotesAndObservablesItsReaderMaySee() {
        String open = report("Open member", election, "open-member.fr").fileAs(analyst);
        String amber = report("Amber member", election, "amber-member.fr").with("tlp", "AMBER")
                .with("organisations", List.of(media.toString())).fileAs(analyst);
        String strict = report("Strict member", election, "strict-member.fr").with("tlp", "AMBER_STRICT").fileAs(analyst);
        String red = report("Red member", election, "red-member.fr").with("tlp", "RED").fileAs(analyst);
        analyst.post("/api/v1/reports/" + open + "/comments", Map.of("text", "A note anyone may read.", "tlp", "CLEAR"));
        analyst.post("/api/v1/reports/" + open + "/comments", Map.of("text", "A note for the agency only.", "tlp", "AMBER_STRICT"));
        Api.Response created = analyst.post("/api/v1/campaigns", Map.of("name", "Operation Mixed", "tlp", "CLEAR",
                "reports", List.of(open, amber, strict, red)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String campaign = created.json().get("id").asText();

        JsonNode owner = export(analyst, "/api/v1/campaigns/" + campaign + "/stix");
        JsonNode recipient = export(outsider, "/api/v1/campaigns/" + campaign + "/stix");
        JsonNode other = export(stranger, "/api/v1/campaigns/" + campaign + "/stix");

        assertValid(owner);
        assertValid(recipient);
        assertThat(ofType(owner, "incident")).extracting(i -> i.get("id").asText()).containsExactlyInAnyOrder(open, amber, strict, red);
        assertThat(attributed(owner, campaign)).containsExactlyInAnyOrder(open, amber, strict, red);
        assertThat(ofType(owner, "note")).hasSize(2);

        assertThat(ofType(recipient, "incident")).extracting(i -> i.get("id").asText()).containsExactlyInAnyOrder(open, amber);
        assertThat(attributed(recipient, campaign)).containsExactlyInAnyOrder(open, amber);
        assertThat(values(recipient, "domain-name")).containsExactlyInAnyOrder("open-member.fr", "amber-member.fr");
        assertThat(ofType(recipient, "note")).extracting(n -> n.get("content").asText()).containsExactly("A note anyone may read.");
        assertThat(recipient.toString()).doesNotContain(strict, red, "Strict member", "Red member", "strict-member", "red-member",
                "for the agency only", Tlp.AMBER_STRICT.markingDefinitionId(), Tlp.RED.markingDefinitionId());

        assertThat(ofType(other, "incident")).extracting(i -> i.get("id").asText()).containsExactly(open);
        assertThat(other.toString()).doesNotContain(amber, strict, red, "amber-member", "Amber member");
        assertThat(outsider.get("/api/v1/campaigns/campaign--" + UUID.randomUUID() + "/stix").status()).isEqualTo(404);
    }

    @Test
    void exportsAreAuditedWithTheRestrictedObjectsTheyRead() {
        String red = report("Red, audited", election).with("tlp", "RED").fileAs(analyst);
        String strict = report("Strict, audited", election).with("tlp", "AMBER_STRICT").fileAs(analyst);
        String campaign = analyst.post("/api/v1/campaigns", Map.of("name", "Operation Audit", "tlp", "CLEAR", "reports", List.of(red, strict)))
                .json().get("id").asText();

        JsonNode bundle = export(analyst, "/api/v1/campaigns/" + campaign + "/stix");

        JsonNode exported = fixtures.admin().get("/api/v1/audit?action=exchange.exported&targetType=campaign&targetId=" + campaign).json()
                .get("entries").get(0);
        JsonNode details = read(exported.get("details").asText());
        assertThat(details.get("objects").asInt()).isEqualTo(bundle.get("objects").size());
        assertThat(details.get("restricted").asInt()).isEqualTo(2);
        assertThat(details.get("complete").asBoolean()).isTrue();
        String restricted = fixtures.admin().get("/api/v1/audit?action=knowledge.exported&size=20").body();
        assertThat(restricted).contains(red + " (TLP:RED)", strict + " (TLP:AMBER+STRICT)");
    }

    @Test
    void theClosureNeverAddsAnObjectTheReaderMayNotSeeTheReferenceStaysDangling() {
        String hidden = "threat-actor--" + UUID.randomUUID();
        String front = "threat-actor--" + UUID.randomUUID();
        String link = "relationship--" + UUID.randomUUID();
        assertThat(analyst.post("/api/v1/objects?tlp=AMBER_STRICT", actor(hidden, "Hidden operator")).status()).isEqualTo(201);
        assertThat(analyst.post("/api/v1/objects?tlp=CLEAR", actor(front, "Visible front")).status()).isEqualTo(201);
        Map<String, Object> relationship = new LinkedHashMap<>(Map.of("type", "relationship", "spec_version", "2.1", "id", link,
                "created", "2026-10-02T00:00:00.000Z", "modified", "2026-10-02T00:00:00.000Z", "relationship_type", "related-to",
                "source_ref", front, "target_ref", hidden));
        assertThat(analyst.post("/api/v1/objects?tlp=CLEAR", relationship).status()).isEqualTo(201);

        JsonNode outside = export(outsider, "/api/v1/objects/export?type=relationship&owner=" + agency);
        JsonNode inside = export(analyst, "/api/v1/objects/export?type=relationship&owner=" + agency);

        assertThat(byId(outside)).containsKeys(link, front).doesNotContainKey(hidden);
        assertThat(outside.toString()).doesNotContain("Hidden operator", Tlp.AMBER_STRICT.markingDefinitionId());
        assertThat(danglingRefs(outside)).containsExactly("target_ref -> " + hidden);
        assertThat(byId(inside)).containsKeys(link, front, hidden, Tlp.AMBER_STRICT.markingDefinitionId());
        assertThat(danglingRefs(inside)).isEmpty();
    }

    static Map<String, Object> actor(String id, String name) {
        return Map.of("type", "threat-actor", "spec_version", "2.1", "id", id, "created", "2026-10-01T00:00:00.000Z",
                "modified", "2026-10-01T00:00:00.000Z", "name", name);
    }

    // ---- a report search, a community feed, the knowledge search -------------------------------

    @Test
    void aReportSearchExportsTheReportsTheListWouldShow() {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
        String open = report("Search " + word + " open", election).fileAs(analyst);
        String amber = report("Search " + word + " amber", election).with("tlp", "AMBER").fileAs(analyst);

        assertThat(ids(export(analyst, "/api/v1/reports/stix?q=" + word), "incident")).containsExactlyInAnyOrder(open, amber);
        assertThat(ids(export(analyst, "/api/v1/reports/stix?q=" + word + "&tlp=AMBER"), "incident")).containsExactly(amber);
        assertThat(ids(export(outsider, "/api/v1/reports/stix?q=" + word), "incident")).containsExactly(open);
    }

    @Test
    void aCommunityFeedHoldsWhatWasSharedIntoItAndIsNotFoundForOutsiders() {
        Api administrator = fixtures.signedIn(fixtures.account(agency, "ADMINISTRATOR"));
        Api.Response created = administrator.post("/api/v1/communities", Map.of("name", Fixtures.unique("Cell"), "purpose", "Export test",
                "charter", Map.of("preamble", "We share.", "objectives", List.of(Map.of("sectors", List.of("GOVERNMENT_AGENCY"),
                        "kinds", List.of("INCIDENTS"), "defaultTlp", "GREEN")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String community = created.json().get("id").asText();
        String shared = report("Shared into the cell", election).with("tlp", "GREEN").with("communities", List.of(community)).fileAs(analyst);
        String notShared = report("Not shared into the cell", election).fileAs(analyst);

        JsonNode feed = export(analyst, "/api/v1/communities/" + community + "/stix");

        assertValid(feed);
        assertThat(ids(feed, "incident")).containsExactly(shared);
        assertThat(feed.toString()).doesNotContain(notShared);
        assertThat(outsider.get("/api/v1/communities/" + community + "/stix").status()).isEqualTo(404);
        assertThat(analyst.get("/api/v1/communities/" + UUID.randomUUID() + "/stix").status()).isEqualTo(404);
    }

    @Test
    void theKnowledgeExportPagesThroughLargeSetsAndKeepsItsDefaultLimit() {
        List<Map<String, Object>> actors = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            actors.add(Map.of("type", "threat-actor", "spec_version", "2.1", "id", "threat-actor--" + UUID.randomUUID(),
                    "created", "2026-10-01T00:00:00.000Z", "modified", "2026-10-01T00:00:00.000Z", "name", "Actor " + i));
        }
        Api.Response stored = analyst.post("/api/v1/objects?tlp=CLEAR", Map.of("type", "bundle", "id", "bundle--" + UUID.randomUUID(),
                "objects", actors));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);

        JsonNode everything = export(outsider, "/api/v1/objects/export?type=threat-actor&owner=" + agency + "&size=0");
        JsonNode firstThousand = export(outsider, "/api/v1/objects/export?type=threat-actor&owner=" + agency);

        List<String> all = ids(everything, "threat-actor");
        assertThat(all).hasSize(1_100).doesNotHaveDuplicates().isSorted(); // keyset pages of 500, in id order
        assertThat(ids(firstThousand, "threat-actor")).isEqualTo(all.subList(0, 1_000));
        assertThat(byId(everything)).containsKeys(StixIds.organisationIdentity(agency), Tlp.CLEAR.markingDefinitionId());
        assertValid(firstThousand);
    }

    // ---- helpers -------------------------------------------------------------------------------

    static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode export(Api who, String path) {
        Api.Response response = who.get(path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    void assertValid(JsonNode bundle) {
        assertThat(bundle.get("type").asText()).isEqualTo("bundle");
        assertThat(bundle.get("id").asText()).matches("bundle--[0-9a-f-]{36}");
        Set<String> seen = new HashSet<>();
        for (JsonNode object : bundle.get("objects")) {
            assertThat(StixSchemas.violations(context, object)).as(object.toString()).isEmpty();
            String key = object.get("id").asText() + "@" + object.path("modified").asText("");
            assertThat(seen.add(key)).as("written once: " + key).isTrue();
        }
    }

    static Map<String, JsonNode> byId(JsonNode bundle) {
        Map<String, JsonNode> objects = new LinkedHashMap<>();
        bundle.get("objects").forEach(o -> objects.put(o.get("id").asText(), o));
        return objects;
    }

    static List<JsonNode> ofType(JsonNode bundle, String type) {
        List<JsonNode> found = new ArrayList<>();
        bundle.get("objects").forEach(o -> {
            if (o.get("type").asText().equals(type)) {
                found.add(o);
            }
        });
        return found;
    }

    static List<String> ids(JsonNode bundle, String type) {
        return ofType(bundle, type).stream().map(o -> o.get("id").asText()).toList();
    }

    static List<String> values(JsonNode bundle, String type) {
        return ofType(bundle, type).stream().map(o -> o.get("value").asText()).toList();
    }

    static List<String> attributed(JsonNode bundle, String campaign) {
        return ofType(bundle, "relationship").stream()
                .filter(r -> r.get("relationship_type").asText().equals("attributed-to") && r.get("target_ref").asText().equals(campaign))
                .map(r -> r.get("source_ref").asText()).toList();
    }

    /** References (and extension definitions used) that the bundle does not hold, the OASIS TLP 2.0 extension aside. */
    static List<String> danglingRefs(JsonNode bundle) {
        Map<String, JsonNode> objects = byId(bundle);
        List<String> dangling = new ArrayList<>();
        bundle.get("objects").forEach(o -> walk(o, null, objects, dangling));
        return dangling;
    }

    private static void walk(JsonNode node, String field, Map<String, JsonNode> objects, List<String> dangling) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("extensions")) {
                    e.getValue().fieldNames().forEachRemaining(name -> {
                        if (name.startsWith("extension-definition--") && !name.equals(TLP2_EXTENSION) && !objects.containsKey(name)) {
                            dangling.add(name);
                        }
                    });
                }
                walk(e.getValue(), e.getKey(), objects, dangling);
            });
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, field, objects, dangling));
        } else if (node.isTextual() && field != null && (field.endsWith("_ref") || field.endsWith("_refs"))
                && node.asText().matches("[a-z0-9-]+--[0-9a-f-]{36}") && !objects.containsKey(node.asText())) {
            dangling.add(field + " -> " + node.asText());
        }
    }
}
