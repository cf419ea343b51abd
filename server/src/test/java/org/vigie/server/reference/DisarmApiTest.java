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
class DisarmApiTest {

    @LocalServerPort
    int port;

    Fixtures fixtures;
    Api viewer;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(port);
        viewer = fixtures.signedIn(fixtures.account(fixtures.organisation("RESEARCH"), "VIEWER"));
    }

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get("id").asText()).toList();
    }

    @Test
    void anyoneSignedInReadsTheSixteenTacticsPhaseByPhase() {
        Api.Response answer = viewer.get("/api/v1/reference/disarm/tactics");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Link")).isEqualTo("<https://creativecommons.org/licenses/by-sa/4.0/>; rel=\"license\"");
        JsonNode tactics = answer.json();
        assertThat(tactics).hasSize(16);
        assertThat(ids(tactics)).startsWith("TA01", "TA02", "TA13").endsWith("TA12");
        JsonNode first = tactics.get(0);
        assertThat(first.get("name").asText()).isEqualTo("Plan Strategy");
        assertThat(first.get("shortname").asText()).isEqualTo("plan-strategy");
        assertThat(first.get("phase").get("id").asText()).isEqualTo("P01");
        assertThat(first.get("phase").get("name").asText()).isEqualTo("Plan");
        assertThat(first.get("stixId").asText()).startsWith("x-mitre-tactic--");
    }

    @Test
    void listsEveryTechniqueWithoutAQuery() {
        JsonNode techniques = viewer.get("/api/v1/reference/disarm/techniques").json();

        assertThat(techniques).hasSize(391);
        assertThat(StreamSupport.stream(techniques.spliterator(), false).filter(t -> t.get("parent").isNull())).hasSize(103);
    }

    @Test
    void searchingAnIdFindsThatTechniqueFirst() {
        JsonNode found = viewer.get("/api/v1/reference/disarm/techniques?q=t0049").json();

        assertThat(ids(found)).hasSize(9).startsWith("T0049", "T0049.001");
        assertThat(ids(viewer.get("/api/v1/reference/disarm/techniques?q=existing%20hashtag").json())).contains("T0049.002");
        assertThat(viewer.get("/api/v1/reference/disarm/techniques?q=xyzzy-nothing").json()).isEmpty();
    }

    @Test
    void readsOneTechniqueWithItsTacticAndSubtechniques() {
        JsonNode flood = viewer.get("/api/v1/reference/disarm/techniques/T0049").json();

        assertThat(flood.get("name").asText()).isEqualTo("Flood Information Space");
        assertThat(flood.get("tactics")).hasSize(1);
        assertThat(flood.get("tactics").get(0).asText()).isEqualTo("TA17");
        assertThat(flood.get("parent").isNull()).isTrue();
        assertThat(flood.get("subtechniques")).hasSize(8);
        assertThat(flood.get("url").asText()).endsWith("/generated_pages/techniques/T0049.md");

        JsonNode trolls = viewer.get("/api/v1/reference/disarm/techniques/T0049.001").json();
        assertThat(trolls.get("parent").asText()).isEqualTo("T0049");
        assertThat(trolls.get("subtechniques")).isEmpty();
    }

    @Test
    void anUnknownTechniqueIsNotFound() {
        Api.Response answer = viewer.get("/api/v1/reference/disarm/techniques/T9999");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("title").asText()).isEqualTo("Not found");
        assertThat(viewer.get("/api/v1/reference/disarm/techniques/not-an-id").status()).isEqualTo(404);
    }

    @Test
    void listsTheCountermeasuresAllOrOfOneTactic() {
        JsonNode all = viewer.get("/api/v1/reference/disarm/countermeasures").json();
        assertThat(all).hasSize(140);
        JsonNode first = all.get(0);
        assertThat(first.get("id").asText()).isEqualTo("C00006");
        assertThat(first.get("name").asText()).isEqualTo("Charge for social media");
        assertThat(first.get("metatechnique").asText()).isEqualTo("M004");
        assertThat(first.get("tactic").asText()).isEqualTo("TA01");

        JsonNode planStrategy = viewer.get("/api/v1/reference/disarm/countermeasures?tactic=TA01").json();
        assertThat(planStrategy).hasSize(28);
        assertThat(viewer.get("/api/v1/reference/disarm/countermeasures?tactic=TA17").json()).isEmpty();
    }

    @Test
    void nobodyReadsItWithoutSigningIn() {
        assertThat(fixtures.anonymous().get("/api/v1/reference/disarm/tactics").status()).isEqualTo(401);
        assertThat(fixtures.anonymous().get("/api/v1/reference/disarm/techniques/T0049").status()).isEqualTo(401);
    }
}
