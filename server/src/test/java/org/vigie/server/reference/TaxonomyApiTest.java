package org.vigie.server.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class TaxonomyApiTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    Api analyst;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        analyst = fixtures.signedIn(fixtures.account(fixtures.organisation("CIVIL_SOCIETY"), "ANALYST"));
    }

    private static List<String> field(JsonNode array, String name) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(name).asText()).toList();
    }

    @Test
    void givesTheStagesWithTheirPhasesAndTheTargetsInEnglish() {
        JsonNode taxonomy = analyst.get("/api/v1/reference/taxonomy", "en").json();

        assertThat(taxonomy.get("language").asText()).isEqualTo("en");
        JsonNode stages = taxonomy.get("stages");
        assertThat(field(stages, "id")).containsExactly("PRE_ELECTORAL", "ELECTORAL", "POST_ELECTORAL");
        assertThat(field(stages, "label")).containsExactly("Pre-electoral", "Electoral", "Post-electoral");
        assertThat(field(stages.get(0).get("phases"), "id")).containsExactly("LEGAL_FRAMEWORK", "PLANNING", "TRAINING",
                "VOTER_REGISTRATION", "CANDIDATE_REGISTRATION", "CAMPAIGN");
        assertThat(field(stages.get(1).get("phases"), "label")).containsExactly("Voting", "Counting", "Results");
        assertThat(field(stages.get(2).get("phases"), "id")).containsExactly("DISPUTES", "AUDITS", "ARCHIVING");
        JsonNode targets = taxonomy.get("targetCategories");
        assertThat(targets).hasSize(10);
        assertThat(targets.get(0).get("id").asText()).isEqualTo("ELECTION_MANAGEMENT_BODY");
        assertThat(targets.get(0).get("label").asText()).isEqualTo("Election management body");
    }

    @Test
    void givesTheLabelsInFrenchToAFrenchClient() {
        JsonNode taxonomy = analyst.get("/api/v1/reference/taxonomy", "fr-FR,fr;q=0.9").json();

        assertThat(taxonomy.get("language").asText()).isEqualTo("fr");
        assertThat(field(taxonomy.get("stages"), "label")).containsExactly("Pr\u00e9-\u00e9lectorale", "\u00c9lectorale", "Post-\u00e9lectorale");
        assertThat(field(taxonomy.get("stages").get(1).get("phases"), "label")).containsExactly("Vote", "D\u00e9pouillement", "R\u00e9sultats");
        assertThat(field(taxonomy.get("targetCategories"), "label")).contains("Organe de gestion \u00e9lectorale", "\u00c9lecteurs");
    }

    @Test
    void everyValueHasALabelInBothLanguages() {
        for (String language : List.of("en", "fr")) {
            JsonNode taxonomy = analyst.get("/api/v1/reference/taxonomy", language).json();
            List<String> labels = new java.util.ArrayList<>(field(taxonomy.get("stages"), "label"));
            taxonomy.get("stages").forEach(stage -> labels.addAll(field(stage.get("phases"), "label")));
            labels.addAll(field(taxonomy.get("targetCategories"), "label"));
            assertThat(labels).hasSize(3 + 12 + 10).allSatisfy(label -> assertThat(label).isNotBlank().doesNotContain("taxonomy."));
        }
    }

    @Test
    void needsASignedInClient() {
        assertThat(fixtures.anonymous().get("/api/v1/reference/taxonomy").status()).isEqualTo(401);
    }
}
