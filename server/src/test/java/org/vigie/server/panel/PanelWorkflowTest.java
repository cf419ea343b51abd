package org.vigie.server.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.core.accounts.Member;
import org.vigie.core.panel.DecisionRule;
import org.vigie.core.panel.Outcome;
import org.vigie.core.panel.Position;
import org.vigie.server.support.MutableClock;
import org.vigie.server.support.VigieTest;
import org.vigie.server.web.ConflictException;
import org.vigie.server.web.NotFoundException;

/** The panel's workflow through its services: refer, queue, assess, decide, correct; every step in the record and the audit log. */
@VigieTest
class PanelWorkflowTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Referrals referrals;

    @Autowired
    Assessments assessments;

    @Autowired
    Decisions decisions;

    @Autowired
    MutableClock clock;

    PanelFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PanelFixtures(port, context);
    }

    private List<String> auditActions(UUID referral) {
        return jdbc.sql("SELECT action FROM audit_log WHERE target_id = :id ORDER BY sequence").param("id", referral.toString())
                .query(String.class).list();
    }

    @Test
    void aReferralGoesThroughTheQueueAssessmentsAndAnAnnouncementDecision() {
        PanelFixtures.Setup setup = fixtures.panel(3);
        String first = fixtures.report(setup, "Fake polling station closures " + UUID.randomUUID());
        String second = fixtures.report(setup, "Same narrative elsewhere " + UUID.randomUUID());

        Referral referral = fixtures.refer(setup, first, second);
        assertThat(referral.kind()).isEqualTo(Referral.Kind.ACCUMULATION);
        assertThat(referral.subjects()).extracting(Referral.SubjectRef::id).containsExactlyInAnyOrder(first, second);
        assertThat(referral.status()).isEqualTo(Referral.Status.OPEN);
        assertThat(referral.recusals()).isEmpty();

        clock.advance(Duration.ofHours(5));
        List<Referrals.QueueEntry> queue = referrals.queue(setup.member(1), setup.panelId());
        assertThat(queue).extracting(e -> e.referral().id()).containsExactly(referral.id());
        assertThat(queue.get(0).age()).isGreaterThanOrEqualTo(Duration.ofHours(5));
        assertThat(queue.get(0).eligible()).isEqualTo(3);

        fixtures.assess(setup.member(0), referral.id(), Position.ABSTAIN);
        fixtures.assess(setup.member(0), referral.id(), Position.ANNOUNCE); // a revision: a new row, the latest counts
        fixtures.assess(setup.member(1), referral.id(), Position.ANNOUNCE);
        assertThatThrownBy(() -> fixtures.decide(setup, referral.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("waiting for 1 of 3 members");
        fixtures.assess(setup.member(2), referral.id(), Position.ANNOUNCE);

        Decision decision = fixtures.decide(setup, referral.id());
        assertThat(decision.outcome()).isEqualTo(Outcome.PUBLIC_ANNOUNCEMENT);
        assertThat(decision.dissent()).isEmpty();
        assertThat(decision.positions()).hasSize(3).containsValues(Position.ANNOUNCE);
        assertThat(decisions.latest(referral.id())).contains(decision);
        assertThat(referrals.find(referral.id()).orElseThrow().status()).isEqualTo(Referral.Status.DECIDED);
        assertThat(referrals.queue(setup.member(1), setup.panelId())).isEmpty();
        assertThat(assessments.history(setup.member(2), referral.id())).hasSize(4);
        assertThat(assessments.latest(setup.member(2), referral.id())).hasSize(3);
        assertThat(auditActions(referral.id())).containsExactly("panel.referred", "panel.assessed", "panel.assessed", "panel.assessed",
                "panel.assessed", "panel.decided");
    }

    @Test
    void aDecisionIsNeverRewrittenACorrectionIsANewEntry() {
        PanelFixtures.Setup setup = fixtures.panel(2);
        PanelFixtures.Decided decided = fixtures.announced(setup, fixtures.report(setup, "Deepfake " + UUID.randomUUID()));
        UUID original = decided.decision().id();

        assertThatThrownBy(() -> fixtures.decide(setup, decided.referral().id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("record a correction instead");
        assertThatThrownBy(() -> jdbc.sql("UPDATE panel_decisions SET outcome = 'NO_PUBLIC_ANNOUNCEMENT' WHERE id = :id")
                .param("id", original).update()).hasMessageContaining("append-only");

        Decision correction = decisions.correct(setup.member(1), original, "The rationale named the wrong region.",
                new DecisionRequest("Corrected rationale.", List.of()));
        assertThat(correction.corrects()).isEqualTo(original);
        assertThat(correction.correctionReason()).isEqualTo("The rationale named the wrong region.");
        assertThat(decisions.latest(decided.referral().id())).contains(correction);
        assertThat(decisions.history(setup.member(0), decided.referral().id())).extracting(Decision::id).containsExactly(original, correction.id());
        assertThat(decisions.find(original).orElseThrow().rationale()).isEqualTo("The panel's rationale.");
        assertThatThrownBy(() -> decisions.correct(setup.member(1), original, "again", new DecisionRequest("x", List.of())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already been corrected");
        assertThat(auditActions(decided.referral().id())).endsWith("panel.decided", "panel.decision-corrected");
    }

    @Test
    void aQuorumPanelDecidesByMajorityOfThePositionsTaken() {
        PanelFixtures.Setup setup = fixtures.panel(4, DecisionRule.quorum(3));
        Referral referral = fixtures.refer(setup, fixtures.report(setup, "Hack and leak " + UUID.randomUUID()));
        fixtures.assess(setup.member(0), referral.id(), Position.ANNOUNCE);
        fixtures.assess(setup.member(1), referral.id(), Position.ANNOUNCE);
        assertThatThrownBy(() -> fixtures.decide(setup, referral.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("the quorum is 3");
        fixtures.assess(setup.member(2), referral.id(), Position.DO_NOT_ANNOUNCE);
        Decision decision = fixtures.decide(setup, referral.id());
        assertThat(decision.outcome()).isEqualTo(Outcome.PUBLIC_ANNOUNCEMENT);
        assertThat(decision.dissent()).extracting(Decision.Dissent::account).containsExactly(setup.member(2).accountId());
        assertThat(decision.dissent().get(0).rationale()).isEqualTo("Rationale for DO_NOT_ANNOUNCE.");
    }

    @Test
    void theTargetsOfAReferralAreThoseOfItsReports() {
        PanelFixtures.Setup setup = fixtures.panel(1);
        UUID party = fixtures.fixtures().organisation("POLITICAL_PARTY");
        Referral referral = fixtures.refer(setup, fixtures.reportTargeting(setup, "Party site defaced " + UUID.randomUUID(), party),
                fixtures.report(setup, "No named target " + UUID.randomUUID()));
        assertThat(referrals.targets(referral.id())).containsExactly(party);
        assertThatThrownBy(() -> referrals.targets(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCampaignIsReferredAsOneSubject() {
        PanelFixtures.Setup setup = fixtures.panel(1);
        String report = fixtures.report(setup, "Part of a campaign " + UUID.randomUUID());
        var created = fixtures.api(setup.analystUsername()).post("/api/v1/campaigns",
                Map.of("name", "Campaign " + UUID.randomUUID(), "description", "d", "reports", List.of(report), "tlp", "CLEAR"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String campaign = created.json().get("id").asText();
        Referral referral = fixtures.refer(setup, campaign);
        assertThat(referral.kind()).isEqualTo(Referral.Kind.CAMPAIGN);
        Member member = setup.member(0);
        assertThat(referrals.subjects(member, referral.id())).singleElement().satisfies(s -> {
            assertThat(s.visible()).isTrue();
            assertThat(s.type()).isEqualTo("campaign");
            assertThat(s.reportCount()).isEqualTo(1);
        });
    }

    @Test
    void aReferralIsWithdrawnByItsAuthorOrAChairAndThenTakesNoMoreAssessments() {
        PanelFixtures.Setup setup = fixtures.panel(2);
        Referral byAuthor = fixtures.refer(setup, fixtures.report(setup, "Withdrawn " + UUID.randomUUID()));
        assertThatThrownBy(() -> referrals.withdraw(setup.member(1), byAuthor.id(), "not mine"))
                .isInstanceOf(org.vigie.server.web.ForbiddenException.class); // a member who is not the chair
        assertThatThrownBy(() -> referrals.withdraw(setup.analyst(), byAuthor.id(), " ")).isInstanceOf(org.vigie.server.web.InvalidFieldException.class);
        Referral withdrawn = referrals.withdraw(setup.analyst(), byAuthor.id(), "Duplicate of an earlier referral.");
        assertThat(withdrawn.status()).isEqualTo(Referral.Status.WITHDRAWN);
        assertThat(withdrawn.closedAt()).isNotNull();
        assertThatThrownBy(() -> fixtures.assess(setup.member(0), byAuthor.id(), Position.ANNOUNCE)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> fixtures.decide(setup, byAuthor.id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> referrals.withdraw(setup.analyst(), byAuthor.id(), "again")).isInstanceOf(ConflictException.class);

        Referral byChair = fixtures.refer(setup, fixtures.report(setup, "Chair withdraws " + UUID.randomUUID()));
        assertThat(referrals.withdraw(setup.member(0), byChair.id(), "Outside the mandate.").status()).isEqualTo(Referral.Status.WITHDRAWN);
        assertThat(referrals.queue(setup.member(0), setup.panelId())).isEmpty();
        assertThat(auditActions(byChair.id())).containsExactly("panel.referred", "panel.referral-withdrawn");
    }

    @Test
    void aRuleChangedBeforeTheDecisionAppliesToIt() {
        PanelFixtures.Setup setup = fixtures.panel(3);
        Referral referral = fixtures.refer(setup, fixtures.report(setup, "Rule change " + UUID.randomUUID()));
        fixtures.assess(setup.member(0), referral.id(), Position.ANNOUNCE);
        fixtures.assess(setup.member(1), referral.id(), Position.ANNOUNCE);
        context.getBean(Panels.class).update(fixtures.admin(), setup.panelId(),
                new PanelRequest(setup.panel().name(), setup.electionId(), "", "", DecisionRule.Kind.QUORUM, 2));
        Decision decision = fixtures.decide(setup, referral.id());
        assertThat(decision.rule()).isEqualTo(DecisionRule.quorum(2));
        assertThat(decision.outcome()).isEqualTo(Outcome.PUBLIC_ANNOUNCEMENT);
    }
}
