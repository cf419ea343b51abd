package org.vigie.server.panelreview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** The dossier through the API: complete and in time order, subjects through the visibility policy, who may read it, audit, bad input. */
@VigieTest
class ReviewDossierTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    ReviewCase review;

    @BeforeEach
    void record() {
        review = new ReviewCase(port, jdbc, transaction);
    }

    @Test
    void theElectionDossierHoldsEveryEntryInTimeOrderWithItsTimestamp() {
        Api.Response read = review.fixtures.admin().get("/api/v1/review/elections/" + review.election);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        JsonNode events = read.json().path("events");

        List<ReviewCase.Entry> listed = new ArrayList<>();
        events.forEach(e -> listed.add(new ReviewCase.Entry(e.path("kind").asText(), Instant.parse(e.path("at").asText()))));
        assertThat(listed).containsExactlyElementsOf(review.expected);
        assertThat(listed).extracting(ReviewCase.Entry::kind).containsSubsequence("REFERRAL", "RECUSAL", "ASSESSMENT", "ASSESSMENT",
                "DECISION", "STATEMENT_VERSION", "STATEMENT_APPROVAL", "NOTICE", "NOTICE", "PUBLICATION", "STATEMENT_CORRECTION", "DECISION");

        JsonNode referral = events.get(0);
        assertThat(referral.path("referralId").asText()).isEqualTo(review.referral1.toString());
        assertThat(referral.path("detail").path("coverNote").asText()).isEqualTo(ReviewCase.COVER_NOTE);
        assertThat(referral.path("actor").asText()).isEqualTo("Test ANALYST (" + review.chair + ")");
        JsonNode recusal = find(events, "RECUSAL");
        assertThat(recusal.path("detail").path("reason").asText()).contains("conseiller du parti");
        assertThat(recusal.path("detail").path("organisation").asText()).startsWith("Org-");
        JsonNode revision = events.get(listed.indexOf(review.expected.stream().filter(e -> e.kind().equals("ASSESSMENT")).skip(2).findFirst().orElseThrow()));
        assertThat(revision.path("detail").path("revision").asInt()).isEqualTo(2);
        assertThat(revision.path("detail").path("criteria").findValuesAsText("criterion")).contains("UNDERMINES_FREE_FAIR_ELECTION");

        JsonNode decision = find(events, "DECISION");
        assertThat(decision.path("detail").path("outcome").asText()).isEqualTo("PUBLIC_ANNOUNCEMENT");
        assertThat(decision.path("detail").path("dissent").path(0).path("rationale").asText()).isEqualTo("Réserve sur la portée");
        assertThat(decision.path("detail").path("recused")).hasSize(1);
        assertThat(decision.path("detail").path("responseOptions").findValuesAsText("option"))
                .containsExactly("PRIVATE_NOTICE_TO_TARGETS", "ENGAGE_PLATFORMS");
        assertThat(decision.path("detail").path("recused").path(0).asText()).contains(review.member3);
        assertThat(decision.path("detail").path("positions").findValuesAsText("member")).allMatch(m -> m.startsWith("Test ANALYST ("));
        JsonNode corrected = events.get(events.size() - 1);
        assertThat(corrected.path("detail").path("corrects").asText()).isEqualTo(review.decision.toString());
        assertThat(corrected.path("detail").path("correctionReason").asText()).isEqualTo("Le décompte omettait une position.");

        List<JsonNode> notices = new ArrayList<>();
        events.forEach(e -> {
            if (e.path("kind").asText().equals("NOTICE")) {
                notices.add(e);
            }
        });
        assertThat(notices).extracting(n -> n.path("detail").path("batch").asText()).containsOnly(review.batch.toString());
        assertThat(notices).extracting(n -> n.path("detail").path("kind").asText()).containsExactly("PRE_ANNOUNCEMENT", "TARGET");
        assertThat(notices).extracting(n -> n.path("detail").path("deliveryStatus").asText()).containsExactly("PENDING", "DELIVERED");
        assertThat(find(events, "PUBLICATION").path("detail").path("titleFr").asText()).isEqualTo(ReviewCase.STATEMENT_TITLE_FR);

        JsonNode summary = read.json().path("summary");
        assertThat(summary.path("referrals").asInt()).isEqualTo(2);
        assertThat(summary.path("undecided").asInt()).isEqualTo(1);
        assertThat(summary.path("announcements").asInt()).isEqualTo(1);
        assertThat(summary.path("recusals").asInt()).isEqualTo(1);
        assertThat(summary.path("assessments").asInt()).isEqualTo(3);
        assertThat(summary.path("decisions").asInt()).isEqualTo(1);
        assertThat(summary.path("decisionCorrections").asInt()).isEqualTo(1);
        assertThat(summary.path("targetNotices").asInt()).isEqualTo(1);
        assertThat(summary.path("preAnnouncementNotices").asInt()).isEqualTo(1);
        assertThat(summary.path("noticesNotDelivered").asInt()).isEqualTo(1);
        assertThat(summary.path("publications").asInt()).isEqualTo(1);
        assertThat(summary.path("statementCorrections").asInt()).isEqualTo(1);
        // referred at start, decided 30 h later; published 4 days after start, i.e. 66 h after the decision
        assertThat(summary.path("referralToDecision").path("median").path("seconds").asLong()).isEqualTo(30 * 3600);
        assertThat(summary.path("decisionToPublication").path("median").path("seconds").asLong()).isEqualTo(66 * 3600);
        assertThat(read.json().path("referrals")).hasSize(2);
    }

    @Test
    void aSubjectTheReaderMayNotSeeIsShownByItsIdOnly() {
        JsonNode events = review.as(review.chair).get("/api/v1/review/elections/" + review.election).json().path("events");
        JsonNode accumulation = null;
        for (JsonNode e : events) {
            if (e.path("kind").asText().equals("REFERRAL") && e.path("referralId").asText().equals(review.referral2.toString())) {
                accumulation = e;
            }
        }
        assertThat(accumulation).isNotNull();
        JsonNode subjects = accumulation.path("detail").path("subjects");
        assertThat(subjects).hasSize(2);
        for (JsonNode s : subjects) {
            if (s.path("id").asText().equals(review.restrictedReport)) {
                assertThat(s.path("title").isNull()).isTrue();
            } else {
                assertThat(s.path("title").asText()).isEqualTo(review.visibleReportTitle);
            }
        }
        assertThat(events.toString()).doesNotContain(review.restrictedReportTitle);
        // a platform administrator has no organisation: the AMBER report is restricted to them too
        assertThat(review.fixtures.admin().get("/api/v1/review/elections/" + review.election).body()).doesNotContain(review.restrictedReportTitle)
                .contains(review.restrictedReport);
    }

    @Test
    void onlyAdministratorsAndCurrentMembersReadIt() {
        String election = "/api/v1/review/elections/" + review.election;
        String panel = "/api/v1/review/panels/" + review.panel;
        for (String path : List.of(election, panel, election + "/dossier.pdf", panel + "/dossier.pdf")) {
            assertThat(review.as(review.outsider).get(path).status()).as("a non-member analyst: " + path).isEqualTo(403);
            assertThat(review.as(review.formerMember).get(path).status()).as("a removed member: " + path).isEqualTo(403);
            assertThat(review.fixtures.anonymous().get(path).status()).as("anonymous: " + path).isEqualTo(401);
            assertThat(review.as(review.member2).get(path).status()).as("a member: " + path).isEqualTo(200);
        }
        Api.Response refused = review.as(review.outsider).get(election);
        assertThat(refused.json().path("detail").asText()).contains("members of this election's panels");
        assertThat(refused.body()).doesNotContain("Phishing wave");
    }

    @Test
    void everyReadIsAuditedWithItsReaderAndFormat() {
        assertThat(review.as(review.member2).get("/api/v1/review/panels/" + review.panel + "?from=2027-01-01").status()).isEqualTo(200);
        List<Map<String, Object>> entries = jdbc.sql("""
                SELECT actor_name, target_type, details FROM audit_log WHERE action = 'panelreview.read' AND target_id = :panel""")
                .param("panel", review.panel.toString()).query().listOfRows();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("actor_name")).isEqualTo(review.member2);
        assertThat(entries.get(0).get("target_type")).isEqualTo("panel");
        assertThat(String.valueOf(entries.get(0).get("details"))).contains("JSON", "2027-01-01", review.panel.toString());

        review.fixtures.admin().get("/api/v1/review/elections/" + review.election + "/dossier.pdf");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'panelreview.read' AND target_id = :e AND details LIKE '%PDF%'")
                .param("e", review.election.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void unknownElectionsAndPanelsAre404() {
        Api admin = review.fixtures.admin();
        assertThat(admin.get("/api/v1/review/elections/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/review/panels/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/review/panels/" + UUID.randomUUID() + "/dossier.pdf").status()).isEqualTo(404);
        assertThat(review.as(review.outsider).get("/api/v1/review/elections/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/review/elections/not-an-id").status()).isEqualTo(404);
    }

    @Test
    void aWrongDateOrAReversedPeriodIsRefusedNamingTheParameter() {
        Api member = review.as(review.chair);
        Api.Response wrong = member.get("/api/v1/review/panels/" + review.panel + "?from=2027-13-01");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("errors").path(0).path("field").asText()).isEqualTo("from");
        assertThat(wrong.json().path("detail").asText()).contains("'from'", "2027-13-01");

        Api.Response reversed = member.get("/api/v1/review/elections/" + review.election + "?from=2027-06-01&to=2027-05-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().path("errors").path(0).path("field").asText()).isEqualTo("to");
        assertThat(member.get("/api/v1/review/elections/" + review.election + "/dossier.pdf?to=yesterday").json()
                .path("errors").path(0).path("field").asText()).isEqualTo("to");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'panelreview.read' AND target_id IN (:e, :p)")
                .param("e", review.election.toString()).param("p", review.panel.toString()).query(Long.class).single()).isZero();
    }

    @Test
    void aPeriodSelectsTheReferralsMadeInItWithEverythingThatFollowed() {
        String day = review.start.toString().substring(0, 10);
        JsonNode dossier = review.as(review.chair).get("/api/v1/review/panels/" + review.panel + "?from=" + day + "&to=" + day).json();
        assertThat(dossier.path("referrals")).hasSize(1);
        assertThat(dossier.path("referrals").path(0).path("id").asText()).isEqualTo(review.referral1.toString());
        assertThat(dossier.path("events").findValuesAsText("kind")).contains("PUBLICATION", "STATEMENT_CORRECTION");
        assertThat(dossier.path("scope").path("from").asText()).isEqualTo(day);
        JsonNode before = review.as(review.chair).get("/api/v1/review/panels/" + review.panel + "?to=2020-01-01").json();
        assertThat(before.path("events")).isEmpty();
        assertThat(before.path("summary").path("referrals").asInt()).isZero();
    }

    private static JsonNode find(JsonNode events, String kind) {
        for (JsonNode e : events) {
            if (e.path("kind").asText().equals(kind)) {
                return e;
            }
        }
        throw new AssertionError("no " + kind + " entry");
    }
}
