package org.vigie.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.core.sharing.Distribution;
import org.vigie.core.sharing.Sharing;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.sharing.Viewer;
import org.vigie.core.sharing.VisibilityPolicy;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/**
 * Tries to learn of reports one may not see through the report read paths. Reports with random
 * markings and distributions, all carrying the same observable and the same word, are filed by
 * several organisations; for every person, the core policy says which they may see, and every read
 * path must agree: a report's page, the search, the observable filter, the victim view and every
 * visible report's connections (which would otherwise reveal the others).
 */
@VigieTest
class ReportAccessTest {

    @LocalServerPort
    int port;

    record Person(UUID account, UUID organisation, Api client) {
    }

    record Filed(String id, Sharing sharing) {
    }

    @Test
    void everyReportReadPathAgreesWithThePolicy() {
        Random random = new Random(2027_06_13L);
        Fixtures fixtures = new Fixtures(port);
        List<Person> people = new ArrayList<>();
        for (String sector : List.of("ELECTION_MANAGEMENT_BODY", "GOVERNMENT_AGENCY", "MEDIA", "RESEARCH")) {
            UUID organisation = fixtures.organisation(sector);
            for (int i = 0; i < 2; i++) {
                String username = fixtures.account(organisation, "ANALYST");
                Api client = fixtures.signedIn(username);
                people.add(new Person(UUID.fromString(client.get("/api/v1/me").json().get("id").asText()), organisation, client));
            }
        }
        StringBuilder letters = new StringBuilder("zyx");
        java.util.concurrent.ThreadLocalRandom.current().ints(10, 'a', 'z' + 1).forEach(c -> letters.append((char) c));
        String word = letters.toString();
        String observable = "203.0.113." + (1 + random.nextInt(250));
        String domain = "https://" + word + "-probe.com/x";
        List<Filed> filed = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Person author = people.get(random.nextInt(people.size()));
            Tlp tlp = Tlp.values()[random.nextInt(Tlp.values().length)];
            Set<UUID> organisations = new HashSet<>();
            Set<UUID> users = new HashSet<>();
            people.forEach(p -> {
                if (random.nextInt(3) == 0) {
                    organisations.add(p.organisation());
                }
                if (random.nextInt(4) == 0) {
                    users.add(p.account());
                }
            });
            Map<String, Object> report = new LinkedHashMap<>(ReportApiTest.report("Probe " + word + " " + i, tlp.name(),
                    List.of(observable, domain)));
            report.put("disarmTechniques", List.of());
            report.put("organisations", organisations);
            report.put("users", users);
            UUID target = people.get(random.nextInt(people.size())).organisation();
            report.put("targets", List.of(Map.of("category", "MEDIA", "organisationId", target)));
            Api.Response answer = author.client().post("/api/v1/reports", report);
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            // naming another organisation as a target notifies it, which shares the report with it (ADR 0008):
            // its organisation is named, and at RED its analysts (the notice recipients) are
            Set<UUID> sharedOrganisations = new HashSet<>(organisations);
            Set<UUID> sharedUsers = new HashSet<>(users);
            if (!target.equals(author.organisation())) {
                sharedOrganisations.add(target);
                if (tlp == Tlp.RED) {
                    people.stream().filter(p -> p.organisation().equals(target)).forEach(p -> sharedUsers.add(p.account()));
                }
            }
            filed.add(new Filed(answer.json().get("id").asText(),
                    new Sharing(author.organisation(), tlp, null, new Distribution(Set.of(), sharedOrganisations, sharedUsers))));
        }

        int checks = 0;
        for (Person person : people) {
            Viewer viewer = new Viewer(person.account(), person.organisation(), Set.of());
            Set<String> visible = new HashSet<>();
            filed.stream().filter(f -> VisibilityPolicy.maySee(viewer, f.sharing())).forEach(f -> visible.add(f.id()));

            assertThat(ids(person.client().get("/api/v1/reports?q=" + word + "&size=100").json().get("reports")))
                    .as("search").isEqualTo(visible);
            assertThat(ids(person.client().get("/api/v1/reports?observable=" + observable + "&size=500").json().get("reports")))
                    .as("observable filter").containsAll(visible)
                    .doesNotContainAnyElementsOf(filed.stream().map(Filed::id).filter(id -> !visible.contains(id)).toList());
            for (Filed report : filed) {
                int status = person.client().get("/api/v1/reports/" + report.id()).status();
                assertThat(status).as("get " + report.id()).isEqualTo(visible.contains(report.id()) ? 200 : 404);
                if (visible.contains(report.id())) {
                    Set<String> connected = ids(person.client().get("/api/v1/reports/" + report.id() + "/related").json());
                    Set<String> expected = new HashSet<>(visible);
                    expected.remove(report.id());
                    assertThat(connected).as("connections of " + report.id()).isEqualTo(expected);
                }
                checks++;
            }
        }
        assertThat(checks).isEqualTo(people.size() * filed.size());
    }

    private static Set<String> ids(JsonNode list) {
        Set<String> ids = new HashSet<>();
        list.forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }
}
