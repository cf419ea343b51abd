package org.vigie.server.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;

/**
 * A community for response tests: a local election office (A, founder), a national cell (B), an
 * international partner (C), all having accepted the charter, and a stranger (D) outside it. Each
 * has an administrator and two analysts.
 */
final class ResponseCell {

    final Fixtures fixtures;
    final UUID community;
    final UUID orgA;
    final UUID orgB;
    final UUID orgC;
    final UUID orgD;
    final Api adminA;
    /** adminA's username: the community's founder and first administrator. */
    final String founder;
    final Api adminB;
    final String analystA1;
    final String analystA2;
    final String analystB;
    final String analystC;
    final String analystD;

    ResponseCell(int port) {
        fixtures = new Fixtures(port);
        orgA = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        orgB = fixtures.organisation("GOVERNMENT_AGENCY");
        orgC = fixtures.organisation("INTERNATIONAL_ORGANISATION");
        orgD = fixtures.organisation("MEDIA");
        founder = fixtures.account(orgA, "ADMINISTRATOR");
        adminA = fixtures.signedIn(founder);
        adminB = fixtures.signedIn(fixtures.account(orgB, "ADMINISTRATOR"));
        Api adminC = fixtures.signedIn(fixtures.account(orgC, "ADMINISTRATOR"));
        Api.Response created = adminA.post("/api/v1/communities", Map.of("name", Fixtures.unique("Cell"), "purpose", "Response",
                "charter", Map.of("preamble", "Members respond together.", "objectives", List.of())));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        community = UUID.fromString(created.json().get("id").asText());
        for (UUID org : List.of(orgB, orgC)) {
            assertThat(adminA.post("/api/v1/communities/" + community + "/members", Map.of("organisationId", org.toString())).status()).isEqualTo(201);
        }
        assertThat(adminB.post("/api/v1/communities/" + community + "/charter/accept", "").status()).isLessThan(300);
        assertThat(adminC.post("/api/v1/communities/" + community + "/charter/accept", "").status()).isLessThan(300);
        analystA1 = fixtures.account(orgA, "ANALYST");
        analystA2 = fixtures.account(orgA, "ANALYST");
        analystB = fixtures.account(orgB, "ANALYST");
        analystC = fixtures.account(orgC, "ANALYST");
        analystD = fixtures.account(orgD, "ANALYST");
    }

    Api as(String username) {
        return fixtures.signedIn(username);
    }

    /** Level 1: A's analysts within 30 min; level 2: B, all roles, within 60 min; level 3: C's analysts. */
    Map<String, Object> protocol(String name) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("incidentTypes", List.of("PHISHING"));
        p.put("minSeverity", "MODERATE");
        p.put("levels", List.of(
                Map.of("name", "Local election office", "organisations", List.of(orgA.toString()), "roles", List.of("ANALYST"),
                        "checklist", List.of("Confirm the facts", "Preserve the evidence"), "acknowledgeWithinMinutes", 30),
                Map.of("name", "National cell", "organisations", List.of(orgB.toString()), "roles", List.of(),
                        "checklist", List.of("Assess national impact"), "acknowledgeWithinMinutes", 60),
                Map.of("name", "International partners", "organisations", List.of(orgC.toString()), "roles", List.of("ANALYST"),
                        "acknowledgeWithinMinutes", 120)));
        return p;
    }

    UUID createProtocol(String name) {
        Api.Response created = adminA.post("/api/v1/communities/" + community + "/protocols", protocol(name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asText());
    }

    /** A phishing report by A's first analyst meeting two VIGINUM criteria (MODERATE), shared as asked. */
    String report(String title, String tlp, Map<String, Object> sharing) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("title", title);
        report.put("types", List.of("PHISHING"));
        report.put("outcome", "ATTEMPTED");
        report.put("disarmTechniques", List.of("T0085"));
        report.put("viginum", Map.of("FOREIGN_INVOLVEMENT", Map.of("met", true, "justification", "x"),
                "ARTIFICIAL_SPREAD", Map.of("met", true, "justification", "y")));
        report.put("tlp", tlp);
        report.putAll(sharing);
        Api.Response filed = as(analystA1).post("/api/v1/reports", report);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.json().get("id").asText();
    }

    String greenReport(String title) {
        return report(title, "GREEN", Map.of("communities", List.of(community.toString())));
    }
}
