package org.vigie.server.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** Defining protocols: who may, and a 400 naming the field for each kind of bad input. */
@VigieTest
class ProtocolValidationTest {

    @LocalServerPort
    int port;

    ResponseCell cell;

    @BeforeEach
    void cell() {
        cell = new ResponseCell(port);
    }

    private Api.Response post(Api who, Consumer<Map<String, Object>> change) {
        Map<String, Object> p = new LinkedHashMap<>(cell.protocol(Fixtures.unique("Protocol")));
        change.accept(p);
        return who.post("/api/v1/communities/" + cell.community + "/protocols", p);
    }

    private static String field(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        return r.json().path("errors").path(0).path("field").asText();
    }

    @Test
    void eachBadValueIsRefusedNamingItsField() {
        assertThat(field(post(cell.adminA, p -> p.put("name", "  ")))).isEqualTo("name");
        assertThat(field(post(cell.adminA, p -> p.put("incidentTypes", List.of("PHISHING", "TELEPATHY"))))).isEqualTo("incidentTypes[1]");
        assertThat(field(post(cell.adminA, p -> p.put("minSeverity", "APOCALYPTIC")))).isEqualTo("minSeverity");
        assertThat(field(post(cell.adminA, p -> p.put("targetCategories", List.of("MARTIANS"))))).isEqualTo("targetCategories[0]");
        assertThat(field(post(cell.adminA, p -> p.put("levels", List.of())))).isEqualTo("levels");
        assertThat(field(post(cell.adminA, p -> p.put("levels", List.of(Map.of("name", "L1", "organisations", List.of(cell.orgD.toString()),
                "acknowledgeWithinMinutes", 30)))))).isEqualTo("levels[0].organisations[0]");
        assertThat(field(post(cell.adminA, p -> p.put("levels", List.of(Map.of("name", "L1", "organisations", List.of(cell.orgA.toString()),
                "acknowledgeWithinMinutes", 30), Map.of("name", "L2", "organisations", List.of(cell.orgB.toString()), "roles", List.of("KING"),
                "acknowledgeWithinMinutes", 30)))))).isEqualTo("levels[1].roles[0]");
        assertThat(field(post(cell.adminA, p -> p.put("levels", List.of(Map.of("name", "L1", "organisations", List.of(cell.orgA.toString()),
                "acknowledgeWithinMinutes", 0)))))).isEqualTo("levels[0].acknowledgeWithinMinutes");
        assertThat(field(post(cell.adminA, p -> p.put("levels", List.of(Map.of("name", "", "organisations", List.of(cell.orgA.toString()),
                "acknowledgeWithinMinutes", 5)))))).isEqualTo("levels[0].name");
        assertThat(field(post(cell.adminA, p -> p.put("levels", List.of(Map.of("name", "L1", "organisations", List.of(),
                "acknowledgeWithinMinutes", 5)))))).isEqualTo("levels[0].organisations");
        assertThat(cell.adminA.get("/api/v1/communities/" + cell.community + "/protocols").json()).isEmpty();
    }

    @Test
    void onlyTheCommunitysAdministratorsDefineProtocolsAndMembersReadThem() {
        assertThat(post(cell.adminB, p -> { }).status()).isEqualTo(403); // a member organisation's administrator, not the community's
        assertThat(post(cell.as(cell.analystA1), p -> { }).status()).isEqualTo(403);

        String name = Fixtures.unique("Phishing of election offices");
        Api.Response created = post(cell.adminA, p -> p.put("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("levels")).hasSize(3);
        assertThat(created.json().path("levels").path(0).path("acknowledgeWithin").asText()).isEqualTo("PT30M");
        assertThat(created.json().path("levels").path(1).path("roles")).hasSize(3); // no roles given: everyone
        assertThat(post(cell.adminA, p -> p.put("name", name.toUpperCase())).status()).isEqualTo(409);

        assertThat(cell.as(cell.analystB).get("/api/v1/communities/" + cell.community + "/protocols").json().toString()).contains(name);
        assertThat(cell.as(cell.analystD).get("/api/v1/communities/" + cell.community + "/protocols").status()).isEqualTo(403);

        String id = created.json().path("id").asText();
        Map<String, Object> changed = new LinkedHashMap<>(cell.protocol(name));
        changed.put("minSeverity", "CRITICAL");
        Api.Response updated = cell.adminA.put("/api/v1/communities/" + cell.community + "/protocols/" + id, changed);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("trigger").path("minSeverity").asText()).isEqualTo("CRITICAL");
        assertThat(cell.fixtures.admin().get("/api/v1/audit?action=response.protocol-updated").body()).contains(id);
    }
}
