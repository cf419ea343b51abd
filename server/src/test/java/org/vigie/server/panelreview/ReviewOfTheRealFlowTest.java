package org.vigie.server.panelreview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.vigie.server.panel.PanelFixtures;
import org.vigie.server.statements.Publication;
import org.vigie.server.statements.Statements;
import org.vigie.server.support.Api;
import org.vigie.server.support.MutableClock;
import org.vigie.server.support.VigieTest;

/**
 * The dossier of a case driven through the real services — the panel's referral, assessments and
 * decision, the statement's drafting, approvals, scheduling, notices and publication — rather than
 * rows written by hand: what those features record is what the dossier shows, in order.
 */
@VigieTest
class ReviewOfTheRealFlowTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    Publication publication;

    @Autowired
    Statements statements;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aReferralDecidedAnnouncedAndPublishedReadsInOrderInTheDossier() {
        PanelFixtures panels = new PanelFixtures(port, context);
        PanelFixtures.Setup setup = panels.panel(3);
        String report = panels.report(setup, "Faux bureaux de vote à Saint-Étienne " + UUID.randomUUID());
        clock.advance(Duration.ofMinutes(5));
        PanelFixtures.Decided decided = panels.announced(setup, report);

        clock.advance(Duration.ofMinutes(5));
        Api chair = panels.api(setup.memberUsernames().get(0));
        Api.Response created = chair.post("/api/v1/statements", request(decided.decision().id()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID statement = UUID.fromString(created.json().at("/statement/id").asText());
        for (String member : setup.memberUsernames()) {
            assertThat(panels.api(member).post("/api/v1/statements/" + statement + "/approvals", Map.of("version", 1)).status()).isEqualTo(201);
        }
        Instant publishAt = clock.instant().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        assertThat(chair.put("/api/v1/statements/" + statement + "/schedule", Map.of("scheduledFor", publishAt.toString())).status()).isEqualTo(200);
        clock.advance(Duration.between(clock.instant(), publishAt.minus(statements.leadTime())).plusSeconds(1));
        publication.runDue();
        clock.advance(statements.leadTime().plusMinutes(1)); // the notices' lead time has passed: published
        assertThat(publication.runDue().published()).contains(statement);

        JsonNode dossier = panels.api(setup.memberUsernames().get(1)).get("/api/v1/review/elections/" + setup.electionId()).json();
        List<String> kinds = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        dossier.path("events").forEach(e -> {
            kinds.add(e.path("kind").asText());
            times.add(Instant.parse(e.path("at").asText()));
        });
        assertThat(times).isSorted();
        assertThat(kinds.subList(0, 6)).containsExactly("REFERRAL", "ASSESSMENT", "ASSESSMENT", "ASSESSMENT", "DECISION", "STATEMENT_VERSION");
        assertThat(kinds).containsSubsequence("STATEMENT_APPROVAL", "STATEMENT_APPROVAL", "STATEMENT_APPROVAL", "NOTICE", "PUBLICATION");
        assertThat(kinds.get(kinds.size() - 1)).isEqualTo("PUBLICATION");
        assertThat(kinds.indexOf("PUBLICATION")).isGreaterThan(kinds.lastIndexOf("NOTICE"));
        assertThat(kinds).contains("NOTICE");

        JsonNode referral = dossier.path("events").path(0).path("detail");
        assertThat(referral.path("subjects").path(0).path("title").asText()).startsWith("Faux bureaux de vote à Saint-Étienne");
        assertThat(referral.path("coverNote").asText()).isEqualTo("Cover note for the panel.");
        JsonNode decision = dossier.path("events").path(4).path("detail");
        assertThat(decision.path("outcome").asText()).isEqualTo("PUBLIC_ANNOUNCEMENT");
        assertThat(decision.path("positions")).hasSize(3);
        assertThat(decision.path("positions").findValuesAsText("position")).containsOnly("ANNOUNCE");
        assertThat(decision.path("responseOptions").findValuesAsText("option")).containsExactly("PRIVATE_NOTICE_TO_TARGETS");
        JsonNode assessment = dossier.path("events").path(1).path("detail");
        assertThat(assessment.path("criteria").findValuesAsText("criterion")).contains("UNDERMINES_FREE_FAIR_ELECTION", "REACH_AND_SCALE");
        assertThat(assessment.path("criteria").findValuesAsText("rating")).contains("HIGH", "MODERATE");

        JsonNode summary = dossier.path("summary");
        assertThat(summary.path("referrals").asInt()).isEqualTo(1);
        assertThat(summary.path("announcements").asInt()).isEqualTo(1);
        assertThat(summary.path("publications").asInt()).isEqualTo(1);
        assertThat(summary.path("approvals").asInt()).isEqualTo(3);
        assertThat(summary.path("decisionToPublication").path("count").asInt()).isEqualTo(1);
        assertThat(dossier.path("referrals").path(0).path("publishedAt").asText()).endsWith("UTC");
    }

    private static Map<String, Object> request(UUID decision) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decisionId", decision.toString());
        body.put("fr", text("Faux bureaux de vote annoncés à Saint-Étienne", "De faux messages annoncent des bureaux de vote déplacés."));
        body.put("en", text("Fake polling stations announced in Saint-Étienne", "Fake messages announce that polling stations have moved."));
        body.put("incidentType", "impersonation");
        body.put("cyclePhase", "CAMPAIGN");
        return body;
    }

    private static Map<String, String> text(String title, String what) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("title", title);
        t.put("whatHappened", what);
        t.put("whoIsAffected", "Voters. Les électeurs.");
        t.put("whatToDo", "Check your polling station. Vérifiez votre bureau de vote.");
        t.put("whatIsBeingDone", "The messages are being taken down.");
        t.put("howThePanelDecided", "By consensus, against the published criteria.");
        return t;
    }
}
