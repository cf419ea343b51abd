package org.vigie.server.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/**
 * Round trips: every third-party bundle in the test resources (the OASIS examples, the DISARM
 * framework) imports, comes back out of the store, validates against the OASIS schemas and equals
 * what went in — same objects, same properties, custom ones included, JSON compared regardless of
 * key order. The one difference allowed is the TLP marking the import gave an object that had none.
 */
@VigieTest
class StixRoundTripTest {

    /** One organisation imports every example: objects shared by two examples (an identity) are then "unchanged", not refused. */
    private static UUID organisation;
    private static String analyst;

    @LocalServerPort
    int port;

    Fixtures fixtures;
    Api importer;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        synchronized (StixRoundTripTest.class) {
            if (organisation == null) {
                organisation = fixtures.organisation("GOVERNMENT_AGENCY");
                analyst = fixtures.account(organisation, "ANALYST");
            }
        }
        importer = fixtures.signedIn(analyst);
    }

    static String[] examples() {
        return StixFixtures.EXAMPLES;
    }

    @ParameterizedTest
    @MethodSource("examples")
    void anOasisExampleComesBackAsItWentInWithTheImportsTlpOnUnmarkedObjects(String file) {
        roundTrip("stix2.1-examples/" + file, Tlp.AMBER);
    }

    /**
     * Every Vigie publishes DISARM v1.6 as reference data, exactly as DISARM publishes it, under the
     * same ids and versions. Importing the bundle finds every object already stored (same id and
     * modified: unchanged), so the export is the published version: equal to the file but for the
     * TLP marking on unmarked objects.
     */
    @Test
    void theDisarmFrameworkComesBackAsItWentIn() {
        roundTrip(StixFixtures.DISARM, Tlp.CLEAR);
    }

    private void roundTrip(String resource, Tlp tlp) {
        JsonNode bundle = StixFixtures.json(resource);
        Api.Response imported = importer.postRaw("/api/v1/import/stix?tlp=" + tlp.name() + "&filename=" + resource.replace('/', '_'),
                StixFixtures.text(resource));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode job = imported.json();
        assertThat(job.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.path("counts").path("rejected").asLong()).isZero();
        assertThat(job.path("progress").path("objectsRead").asInt()).isEqualTo(bundle.path("objects").size());

        ArrayNode exported = StixFixtures.JSON.createArrayNode();
        for (JsonNode object : bundle.path("objects")) {
            String id = object.path("id").asText();
            Api.Response read = importer.get("/api/v1/objects/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
            assertThat(read.status()).as(id).isEqualTo(200);
            exported.add(read.json());
        }
        ObjectNode reExport = StixFixtures.JSON.createObjectNode().put("type", "bundle").put("id", "bundle--" + UUID.randomUUID());
        reExport.set("objects", exported);

        List<String> differences = new ArrayList<>();
        for (int i = 0; i < exported.size(); i++) {
            JsonNode original = bundle.path("objects").get(i);
            JsonNode back = exported.get(i);
            assertThat(StixFixtures.objectProblems(back)).as("schema problems of %s", back.path("id").asText()).isEmpty();
            JsonNode withoutAddedMarking = withoutAddedTlp(original, back, tlp);
            if (!withoutAddedMarking.equals(original)) {
                differences.add(original.path("id").asText() + ":\n  in:  " + original + "\n  out: " + back);
            }
        }
        assertThat(differences).as("objects that came back different").isEmpty();
        if (!resource.equals(StixFixtures.DISARM)) {
            // DISARM's 17 custom x-mitre-* objects are outside bundle.json's object types, as in the original file
            assertThat(StixFixtures.bundleProblems(reExport)).isEmpty();
            exportedBundleHoldsTheImportedObjects(bundle, tlp);
        }
    }

    /**
     * The same through the export of the importer's objects ({@code GET /api/v1/objects/export?owner=}):
     * the bundle validates, and holds every object the import stored for the organisation, equal to the
     * original but for the added TLP. Objects that were already reference data (TLP marking definitions)
     * belong to no organisation; the export's closure adds marking definitions and identities.
     */
    private void exportedBundleHoldsTheImportedObjects(JsonNode bundle, Tlp tlp) {
        Api.Response export = importer.getAccepting("/api/v1/objects/export?owner=" + organisation + "&size=0",
                "application/stix+json, application/json");
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        JsonNode exported = export.json();
        assertThat(StixFixtures.bundleProblems(exported)).isEmpty();
        java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
        exported.path("objects").forEach(o -> byId.put(o.path("id").asText(), o));
        for (JsonNode original : bundle.path("objects")) {
            if (original.path("type").asText().equals("marking-definition")) {
                continue; // reference data: published by Vigie, owned by no organisation
            }
            JsonNode back = byId.get(original.path("id").asText());
            assertThat(back).as("%s in the export", original.path("id").asText()).isNotNull();
            assertThat(withoutAddedTlp(original, back, tlp)).as(original.path("id").asText()).isEqualTo(original);
        }
    }

    /**
     * The exported object with the marking the import added taken off again: only when the original
     * had no TLP marking, and only that one reference (the exact allowed difference, asserted here).
     */
    private static JsonNode withoutAddedTlp(JsonNode original, JsonNode back, Tlp tlp) {
        boolean originalHasTlp = false;
        for (JsonNode ref : original.path("object_marking_refs")) {
            originalHasTlp |= Tlp.ofMarkingDefinition(ref.asText()).isPresent();
        }
        if (originalHasTlp || original.path("type").asText().equals("marking-definition")) {
            return back;
        }
        ObjectNode copy = back.deepCopy();
        ArrayNode refs = (ArrayNode) copy.path("object_marking_refs");
        assertThat(refs.get(0).asText()).as("the marking added to %s", original.path("id").asText()).isEqualTo(tlp.markingDefinitionId());
        refs.remove(0);
        if (refs.isEmpty()) {
            copy.remove("object_marking_refs");
        }
        return copy;
    }
}
