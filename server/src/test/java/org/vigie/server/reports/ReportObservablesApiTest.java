package org.vigie.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

@VigieTest
class ReportObservablesApiTest {

    @LocalServerPort
    int port;

    Api reporter;
    Api colleague;

    @BeforeEach
    void setUp() {
        Fixtures fixtures = new Fixtures(port);
        UUID organisation = fixtures.organisation("FACT_CHECKER");
        reporter = fixtures.signedIn(fixtures.account(organisation, "ANALYST"));
        colleague = fixtures.signedIn(fixtures.account(fixtures.organisation("RESEARCH"), "ANALYST"));
    }

    @Test
    void pastedObservablesAreTypedAndNormalised() {
        Map<String, Object> report = ReportApiTest.report("Pasted indicators", "CLEAR", List.of());
        report.put("observablesText", "hxxps://Vote-Valdoria[.]example:443/login?utm_source=sms\n198.51.100.23\n+33 6 12 34 56 78\nx:@FakeCommission");
        Api.Response filed = reporter.post("/api/v1/reports", report);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);

        JsonNode observables = filed.json().get("content").get("observables");
        assertThat(observables.findValuesAsText("type")).containsExactly("url", "ipv4", "phone", "social-account");
        assertThat(observables.get(0).get("normalised").asText()).isEqualTo("https://vote-valdoria.example/login");
        assertThat(observables.get(2).get("normalised").asText()).isEqualTo("+33612345678");
    }

    @Test
    void anObservableThatDoesNotParseIsFlaggedOnItsLineWithTheReason() {
        Map<String, Object> report = ReportApiTest.report("Typos", "CLEAR", List.of());
        report.put("observablesText", "evil-valdoria.com\n300.1.2.3\n06 12 34 56 78");

        Api.Response refused = reporter.post("/api/v1/reports", report);

        assertThat(refused.status()).isEqualTo(400);
        List<String> messages = refused.json().get("errors").findValuesAsText("message");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0)).contains("line 2", "300.1.2.3");
        assertThat(messages.get(1)).contains("line 3", "+");
    }

    @Test
    void aTypeCorrectionIsHonoured() {
        Map<String, Object> report = ReportApiTest.report("Corrected", "CLEAR", List.of());
        report.put("observables", List.of(Map.of("type", "social-account", "value", "https://x.com/FakeCommission")));
        Api.Response filed = reporter.post("/api/v1/reports", report);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);

        assertThat(filed.json().get("content").get("observables").get(0).get("type").asText()).isEqualTo("social-account");
    }

    @Test
    void aWarningListedDomainConnectsNothing() {
        Map<String, Object> first = ReportApiTest.with(ReportApiTest.report("Shortened link one", "CLEAR",
                List.of("https://bit.ly/aaa111")), "disarmTechniques", List.of());
        Map<String, Object> second = ReportApiTest.with(ReportApiTest.report("Shortened link two", "CLEAR",
                List.of("https://bit.ly/bbb222")), "disarmTechniques", List.of());
        reporter.post("/api/v1/reports", first);
        String id = colleague.post("/api/v1/reports", second).json().get("id").asText();

        assertThat(colleague.get("/api/v1/reports/" + id + "/related").json()).isEmpty();
    }

    @Test
    void searchingForAnObservableNormalisesItFirst() {
        Map<String, Object> report = ReportApiTest.with(ReportApiTest.report("Searchable URL", "CLEAR",
                List.of("https://search-me.example/path")), "disarmTechniques", List.of());
        String id = reporter.post("/api/v1/reports", report).json().get("id").asText();

        JsonNode found = colleague.get("/api/v1/reports?observable=HTTPS://Search-Me.example:443/path%3Futm_medium%3Dx").json();
        assertThat(found.get("reports").findValuesAsText("id")).contains(id);
    }
}
