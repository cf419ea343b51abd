package org.vigie.server.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.vigie.server.reference.DisarmFramework.Countermeasure;
import org.vigie.server.reference.DisarmFramework.Phase;
import org.vigie.server.reference.DisarmFramework.Tactic;
import org.vigie.server.reference.DisarmFramework.Technique;

/** The loader on the shipped DISARM v1.6 files: no Spring, no database. */
class DisarmFrameworkTest {

    private static final DisarmFramework DISARM = new DisarmFramework();

    private static List<JsonNode> ofType(List<JsonNode> objects, String type) {
        return objects.stream().filter(o -> type.equals(o.path("type").asText())).toList();
    }

    @Test
    void readsTheFourPhasesAndSixteenTactics() {
        assertThat(DISARM.phases()).extracting(Phase::id, Phase::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("P01", "Plan"), org.assertj.core.groups.Tuple.tuple("P02", "Prepare"),
                org.assertj.core.groups.Tuple.tuple("P03", "Execute"), org.assertj.core.groups.Tuple.tuple("P04", "Assess"));
        assertThat(DISARM.tactics()).hasSize(16);
        assertThat(DISARM.tactics()).extracting(Tactic::id).doesNotHaveDuplicates().allMatch(id -> id.matches("TA\\d\\d"));
    }

    @Test
    void eachTacticIsInItsPhaseOfTheRedFramework() {
        Map<String, String> phaseOf = DISARM.tactics().stream().collect(Collectors.toMap(Tactic::id, t -> t.phase().id()));

        assertThat(phaseOf).containsAllEntriesOf(Map.ofEntries(
                Map.entry("TA01", "P01"), Map.entry("TA02", "P01"), Map.entry("TA13", "P01"),
                Map.entry("TA05", "P02"), Map.entry("TA06", "P02"), Map.entry("TA07", "P02"),
                Map.entry("TA14", "P02"), Map.entry("TA15", "P02"), Map.entry("TA16", "P02"),
                Map.entry("TA08", "P03"), Map.entry("TA09", "P03"), Map.entry("TA10", "P03"),
                Map.entry("TA11", "P03"), Map.entry("TA17", "P03"), Map.entry("TA18", "P03"),
                Map.entry("TA12", "P04")));
    }

    @Test
    void tacticsComeInTheMatrixOrderWithEachPhasesTacticsTogether() {
        assertThat(DISARM.tactics()).extracting(Tactic::id).containsExactly("TA01", "TA02", "TA13", "TA14", "TA06", "TA15",
                "TA16", "TA05", "TA07", "TA08", "TA09", "TA17", "TA18", "TA10", "TA11", "TA12");
        assertThat(DISARM.tactics()).extracting(t -> t.phase().id()).isSorted();
        Tactic plan = DISARM.tactic("ta13").orElseThrow();
        assertThat(plan.name()).isEqualTo("Target Audience Analysis");
        assertThat(plan.redFrameworkColumn()).isEqualTo(11);
        assertThat(plan.shortname()).isEqualTo("target-audience-analysis");
    }

    @Test
    void readsTheTechniquesAndSubtechniques() {
        assertThat(DISARM.techniques()).hasSize(391);
        assertThat(DISARM.techniques().stream().filter(t -> !t.isSubtechnique())).hasSize(103);
        assertThat(DISARM.techniques().stream().filter(Technique::isSubtechnique)).hasSize(288);
        assertThat(DISARM.techniques()).extracting(Technique::id).doesNotHaveDuplicates();
        assertThat(DISARM.techniques()).allSatisfy(t -> {
            assertThat(t.name()).isNotBlank();
            assertThat(t.description()).isNotBlank();
            assertThat(t.tacticIds()).hasSize(1);
            assertThat(t.stixId()).startsWith("attack-pattern--");
            assertThat(t.url()).startsWith("https://github.com/DISARMFoundation/DISARMframeworks/").endsWith(t.id() + ".md");
        });
        assertThat(DISARM.tactics().stream().mapToInt(t -> DISARM.techniques(t.id()).size()).sum()).isEqualTo(103);
    }

    @Test
    void t0049FloodsTheInformationSpaceToMaximiseExposure() {
        Technique flood = DISARM.technique("T0049").orElseThrow();

        assertThat(flood.name()).isEqualTo("Flood Information Space");
        assertThat(flood.tacticId()).isEqualTo("TA17");
        assertThat(DISARM.tactic(flood.tacticId()).orElseThrow().name()).isEqualTo("Maximise Exposure");
        assertThat(DISARM.tactic(flood.tacticId()).orElseThrow().phase().name()).isEqualTo("Execute");
        assertThat(flood.isSubtechnique()).isFalse();
        assertThat(flood.subtechniqueIds()).containsExactly("T0049.001", "T0049.002", "T0049.003", "T0049.004", "T0049.005",
                "T0049.006", "T0049.007", "T0049.008");
        Technique trolls = DISARM.technique("t0049.001").orElseThrow();
        assertThat(trolls.name()).isEqualTo("Trolls Amplify and Manipulate");
        assertThat(trolls.parentId()).isEqualTo("T0049");
        assertThat(trolls.tacticId()).isEqualTo("TA17");
        assertThat(DISARM.subtechniques("T0049")).extracting(Technique::id).startsWith("T0049.001").hasSize(8);
        assertThat(DISARM.technique("T9999")).isEmpty();
        assertThat(DISARM.technique(null)).isEmpty();
    }

    @Test
    void techniquesOfATacticFollowTheRedGrid() {
        assertThat(DISARM.techniques("TA01")).extracting(Technique::id).startsWith("T0073", "T0074");
        assertThat(DISARM.techniques("TA17")).extracting(Technique::id).startsWith("T0039", "T0049");
        assertThat(DISARM.techniques("TA99")).isEmpty();
        // in the full list each technique is followed by its own sub-techniques
        List<String> ids = DISARM.techniques().stream().map(Technique::id).toList();
        assertThat(ids.subList(ids.indexOf("T0049"), ids.indexOf("T0049") + 9)).allMatch(id -> id.startsWith("T0049"));
    }

    @Test
    void readsTheCountermeasuresWithTheirTactic() {
        assertThat(DISARM.countermeasures()).hasSize(140);
        assertThat(DISARM.countermeasures()).extracting(Countermeasure::id).doesNotHaveDuplicates();
        Countermeasure first = DISARM.countermeasures().get(0);
        assertThat(first).isEqualTo(new Countermeasure("C00006", "Charge for social media", "M004", "TA01"));
        assertThat(DISARM.countermeasures("TA01")).hasSize(28).allMatch(c -> c.tacticId().equals("TA01"));
        assertThat(DISARM.countermeasures("TA17")).isEmpty();
        assertThat(DISARM.tactics().stream().mapToInt(t -> DISARM.countermeasures(t.id()).size()).sum()).isEqualTo(140);
        // quoted fields with commas and doubled quotes
        Map<String, String> names = DISARM.countermeasures().stream().collect(Collectors.toMap(Countermeasure::id, Countermeasure::name));
        assertThat(names.get("C00031")).isEqualTo("Dilute the core narrative - create multiple permutations, target / amplify");
        assertThat(names.get("C00112")).isEqualTo("\"Prove they are not an op!\"");
    }

    @Test
    void searchPutsTheExactIdFirstThenItsSubtechniques() {
        List<Technique> found = DISARM.search("T0049");

        assertThat(found).extracting(Technique::id).startsWith("T0049", "T0049.001").hasSize(9);
        assertThat(DISARM.search("t0049.00")).extracting(Technique::id).hasSize(8);
        assertThat(DISARM.search(" t0049 ").get(0).id()).isEqualTo("T0049");
    }

    @Test
    void searchLooksInNamesAndDescriptionsIgnoringCase() {
        assertThat(DISARM.search("FLOOD EXISTING hashtag")).extracting(Technique::id).first().isEqualTo("T0049.002");
        assertThat(DISARM.search("hashtag")).extracting(Technique::id).contains("T0049.002");
        assertThat(DISARM.search("cutouts or proxies")).extracting(Technique::id).contains("T0014.001");
        assertThat(DISARM.search("no technique says this xyzzy")).isEmpty();
        assertThat(DISARM.search("  ")).hasSize(391);
        assertThat(DISARM.search(null)).hasSize(391);
    }

    @Test
    void stixObjectsAreTheWholeFrameworkAsPublished() {
        List<JsonNode> objects = DISARM.stixObjects();

        assertThat(objects).hasSize(1 + 1 + 1 + 16 + 391 + 288);
        assertThat(ofType(objects, "identity")).hasSize(1);
        assertThat(ofType(objects, "marking-definition")).hasSize(1);
        assertThat(ofType(objects, "x-mitre-matrix")).hasSize(1);
        assertThat(ofType(objects, "x-mitre-tactic")).hasSize(16);
        assertThat(ofType(objects, "attack-pattern")).hasSize(391);
        assertThat(ofType(objects, "relationship")).hasSize(288)
                .allMatch(r -> r.path("relationship_type").asText().equals("subtechnique-of"));
        assertThat(objects).extracting(o -> o.path("id").asText()).doesNotHaveDuplicates();
        assertThat(objects.get(0).path("type").asText()).isEqualTo("identity");
    }

    @Test
    void theStixObjectsArePublishedExactlyAsDisarmPublishesThem() throws java.io.IOException {
        Map<String, JsonNode> upstream = new LinkedHashMap<>();
        try (var in = DisarmFramework.class.getClassLoader().getResourceAsStream("reference/disarm/DISARM.json")) {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).path("objects").forEach(o -> upstream.put(o.path("id").asText(), o));
        }

        List<JsonNode> published = DISARM.stixObjects();

        assertThat(published).hasSize(upstream.size())
                .allSatisfy(object -> assertThat(object).isEqualTo(upstream.get(object.path("id").asText())));
    }

    @Test
    void everyTechniquesKillChainPhaseIsItsTactic() {
        Map<String, String> tacticShortnames = DISARM.tactics().stream().collect(Collectors.toMap(Tactic::id, Tactic::shortname));

        List<JsonNode> patterns = ofType(DISARM.stixObjects(), "attack-pattern");

        assertThat(patterns).hasSize(391).allSatisfy(pattern -> {
            JsonNode phases = pattern.path("kill_chain_phases");
            String id = pattern.path("external_references").get(0).path("external_id").asText();
            Technique technique = DISARM.technique(id).orElseThrow();
            assertThat(phases).extracting(p -> p.path("phase_name").asText()).contains(tacticShortnames.get(technique.tacticId()));
        });
    }

    @Test
    void everythingElseIsKeptAsPublished() {
        Map<String, JsonNode> byId = DISARM.stixObjects().stream()
                .collect(Collectors.toMap(o -> o.path("id").asText(), Function.identity(), (a, b) -> a, LinkedHashMap::new));
        JsonNode flood = byId.get(DISARM.technique("T0049").orElseThrow().stixId());

        assertThat(flood.path("spec_version").asText()).isEqualTo("2.1");
        assertThat(flood.path("name").asText()).isEqualTo("Flood Information Space");
        assertThat(flood.path("x_mitre_is_subtechnique").asBoolean()).isFalse();
        assertThat(flood.path("x_mitre_version").asText()).isEqualTo("2.1");
        assertThat(flood.path("x_mitre_platforms")).hasSize(3);
        assertThat(flood.path("created").asText()).startsWith("2024-11-22T");
        assertThat(flood.path("created_by_ref").asText()).startsWith("identity--");
        assertThat(flood.path("object_marking_refs").get(0).asText()).startsWith("marking-definition--");
        JsonNode tactic = byId.get(DISARM.tactic("TA17").orElseThrow().stixId());
        assertThat(tactic.path("x_mitre_shortname").asText()).isEqualTo("maximise-exposure");
        JsonNode marking = ofType(DISARM.stixObjects(), "marking-definition").get(0);
        assertThat(marking.path("definition").path("statement").asText()).isEqualTo("CC-BY-SA-4.0 DISARM Foundation");
        JsonNode matrix = ofType(DISARM.stixObjects(), "x-mitre-matrix").get(0);
        assertThat(matrix.path("tactic_refs")).hasSize(16);
    }

    @Test
    void stixObjectsAreACopyTheCallerMayChange() {
        JsonNode first = DISARM.stixObjects().get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) first).put("name", "changed");

        assertThat(DISARM.stixObjects().get(0).path("name").asText()).isEqualTo("DISARM Foundation");
    }

    @Test
    void theModelCannotBeChanged() {
        assertThatThrownBy(() -> DISARM.tactics().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> DISARM.techniques().get(0).subtechniqueIds().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> DISARM.countermeasures("TA01").clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> DISARM.search("flood").clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void csvReadsQuotedFieldsAndBothLineEndings() {
        String text = "a,\"b, c\",\"say \"\"hi\"\"\"\r\nd,,f\n";

        assertThat(DisarmFramework.csv(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
                .containsExactly(List.of("a", "b, c", "say \"hi\""), List.of("d", "", "f"));
    }
}
