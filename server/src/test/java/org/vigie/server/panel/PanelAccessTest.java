package org.vigie.server.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.vigie.core.accounts.Member;
import org.vigie.core.panel.Position;
import org.vigie.server.support.ReportFiling;
import org.vigie.server.support.VigieTest;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/** Attempts to reach panel content or act on it from outside the panel, and what a member sees of restricted subjects. */
@VigieTest
class PanelAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Panels panels;

    @Autowired
    Referrals referrals;

    @Autowired
    Assessments assessments;

    @Autowired
    Decisions decisions;

    PanelFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PanelFixtures(port, context);
    }

    private Member outsider(String sector, String role) {
        return fixtures.member(fixtures.fixtures().account(fixtures.fixtures().organisation(sector), role));
    }

    @Test
    void someoneNotOnThePanelFindsNoReferralAndCannotActOnOne() {
        PanelFixtures.Setup setup = fixtures.panel(2);
        Referral referral = fixtures.refer(setup, fixtures.report(setup, "Outsiders " + UUID.randomUUID()));
        // an analyst of another organisation, the referring analyst, and the platform administrator: none is a member
        for (Member stranger : List.of(outsider("MEDIA", "ANALYST"), setup.analyst(), fixtures.admin())) {
            assertThatThrownBy(() -> referrals.get(stranger, referral.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> referrals.queue(stranger, setup.panelId())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> referrals.subjects(stranger, referral.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> assessments.record(stranger, referral.id(), PanelFixtures.assessment(Position.ANNOUNCE)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> assessments.latest(stranger, referral.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> decisions.decide(stranger, referral.id(), new DecisionRequest("x", null)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> referrals.recuse(stranger, referral.id(), "x")).isInstanceOf(NotFoundException.class);
        }
        // the analyst sees the status of what they referred, without the deliberation
        assertThat(referrals.madeBy(setup.analyst())).extracting(Referral::id).contains(referral.id());
    }

    @Test
    void aFormerMemberLosesAccess() {
        PanelFixtures.Setup setup = fixtures.panel(2);
        Referral referral = fixtures.refer(setup, fixtures.report(setup, "Former " + UUID.randomUUID()));
        panels.removeMember(fixtures.admin(), setup.panelId(), setup.member(1).accountId());
        assertThatThrownBy(() -> referrals.get(setup.member(1), referral.id())).isInstanceOf(NotFoundException.class);
        // and the consensus no longer waits for them
        fixtures.assess(setup.member(0), referral.id(), Position.ANNOUNCE);
        assertThat(fixtures.decide(setup, referral.id()).eligible()).containsExactly(setup.member(0).accountId());
    }

    @Test
    void anAnalystCannotReferAReportTheyMayNotSee() {
        PanelFixtures.Setup setup = fixtures.panel(1);
        String amber = fixtures.report(setup, ReportFiling.report("Amber, not shared " + UUID.randomUUID(), setup.electionId()).with("tlp", "AMBER"));
        Member other = outsider("CIVIL_SOCIETY", "ANALYST");
        assertThatThrownBy(() -> referrals.refer(other, setup.panelId(), new ReferralRequest("Mine now", "", List.of(amber))))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("that you may see")
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("subjectIds[0]"));
        // exactly the same answer as for a report that does not exist
        assertThatThrownBy(() -> referrals.refer(other, setup.panelId(), new ReferralRequest("None", "", List.of("incident--" + UUID.randomUUID()))))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("that you may see");
        // a viewer refers nothing, not even what they may see
        Member viewer = outsider("MEDIA", "VIEWER");
        String clear = fixtures.report(setup, "Clear " + UUID.randomUUID());
        assertThatThrownBy(() -> referrals.refer(viewer, setup.panelId(), new ReferralRequest("t", "", List.of(clear))))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aMemberSeesASubjectOnlyIfTheVisibilityPolicyLetsThem() {
        PanelFixtures.Setup setup = fixtures.panel(2);
        UUID sharedWith = setup.member(0).organisationId();
        String amber = fixtures.report(setup, ReportFiling.report("Amber for member 0 " + UUID.randomUUID(), setup.electionId())
                .with("tlp", "AMBER").with("organisations", List.of(sharedWith.toString())));
        Referral referral = fixtures.refer(setup, amber);

        assertThat(referrals.subjects(setup.member(0), referral.id())).singleElement().satisfies(s -> {
            assertThat(s.visible()).isTrue();
            assertThat(s.title()).startsWith("Amber for member 0");
        });
        assertThat(referrals.subjects(setup.member(1), referral.id())).singleElement().satisfies(s -> {
            assertThat(s.visible()).isFalse();
            assertThat(s.title()).isNull();
            assertThat(s.summary()).isNull();
        });
    }

    @Test
    void aMemberWhoseOrganisationIsTargetedIsRecusedAndTheRecordSaysWhy() {
        PanelFixtures.Setup setup = fixtures.panel(2);
        UUID ownOrganisation = setup.member(1).organisationId();
        Referral referral = fixtures.refer(setup, fixtures.reportTargeting(setup, "Institute targeted " + UUID.randomUUID(), ownOrganisation));
        assertThat(referral.recusals()).singleElement().satisfies(r -> {
            assertThat(r.accountId()).isEqualTo(setup.member(1).accountId());
            assertThat(r.automatic()).isTrue();
            assertThat(r.reason()).startsWith("Member of ").contains("a target");
        });
        assertThatThrownBy(() -> fixtures.assess(setup.member(1), referral.id(), Position.ANNOUNCE)).isInstanceOf(ForbiddenException.class);
        // the recused member still reads the record (who decided, and that they were recused)
        assertThat(referrals.get(setup.member(1), referral.id()).recused(setup.member(1).accountId())).isTrue();
    }

    @Test
    void anInterestDeclaredLaterRecusesFromOpenReferrals() {
        PanelFixtures.Setup setup = fixtures.panel(2);
        UUID party = fixtures.fixtures().organisation("POLITICAL_PARTY");
        Referral referral = fixtures.refer(setup, fixtures.reportTargeting(setup, "Later " + UUID.randomUUID(), party));
        assertThat(referral.recusals()).isEmpty();
        assertThatThrownBy(() -> panels.declareInterest(setup.member(1), setup.panelId(), setup.member(0).accountId(),
                new InterestRequest(party, "not mine to declare"))).isInstanceOf(ForbiddenException.class);
        panels.declareInterest(fixtures.admin(), setup.panelId(), setup.member(0).accountId(), new InterestRequest(party, "Treasurer"));
        assertThat(referrals.get(setup.member(0), referral.id()).recused(setup.member(0).accountId())).isTrue();
    }

    @Test
    void onlyPlatformAdministratorsRunPanels() {
        PanelFixtures.Setup setup = fixtures.panel(1);
        Member orgAdmin = outsider("ELECTION_MANAGEMENT_BODY", "ADMINISTRATOR");
        assertThatThrownBy(() -> panels.create(orgAdmin, PanelRequest.consensus("Mine " + UUID.randomUUID(), null)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> panels.addMember(setup.member(0), setup.panelId(), new MemberRequest(orgAdmin.accountId(), null, "x")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> panels.members(orgAdmin, setup.panelId())).isInstanceOf(ForbiddenException.class);
        assertThat(panels.members(setup.member(0), setup.panelId())).hasSize(1);
    }

    @Test
    void aWithdrawnDeclarationNoLongerRecusesButEarlierRecusalsStay() {
        PanelFixtures.Setup setup = fixtures.panel(2);
        UUID party = fixtures.fixtures().organisation("POLITICAL_PARTY");
        Interest interest = panels.declareInterest(setup.member(0), setup.panelId(), setup.member(0).accountId(), new InterestRequest(party, "Candidate in 2022"));
        Referral before = fixtures.refer(setup, fixtures.reportTargeting(setup, "Before " + UUID.randomUUID(), party));
        assertThat(before.recused(setup.member(0).accountId())).isTrue();
        assertThatThrownBy(() -> panels.withdrawInterest(setup.member(1), interest.id())).isInstanceOf(ForbiddenException.class);
        assertThat(panels.withdrawInterest(setup.member(0), interest.id()).active()).isFalse();
        Referral after = fixtures.refer(setup, fixtures.reportTargeting(setup, "After " + UUID.randomUUID(), party));
        assertThat(after.recusals()).isEmpty();
        assertThat(referrals.get(setup.member(0), before.id()).recused(setup.member(0).accountId())).isTrue();
        assertThat(panels.interests(setup.member(1), setup.panelId())).singleElement().satisfies(i -> assertThat(i.withdrawnAt()).isNotNull());
    }

    @Test
    void aRestrictedSubjectLeaksToNoMemberWhoMayNotSeeItThroughTheApiOrThePages() {
        PanelFixtures.Setup setup = fixtures.panel(2);
        String canary = "CANARY-" + UUID.randomUUID();
        UUID reader = setup.member(0).organisationId();
        String red = fixtures.report(setup, ReportFiling.report("Red " + canary, setup.electionId())
                .with("summary", "Summary " + canary).with("tlp", "AMBER").with("organisations", List.of(reader.toString())));
        Referral referral = referrals.refer(setup.analyst(), setup.panelId(), new ReferralRequest("Restricted case", "Note for the panel.", List.of(red)));

        var allowed = fixtures.api(setup.memberUsernames().get(0)).get("/api/v1/panels/referrals/" + referral.id());
        assertThat(allowed.body()).contains(canary);
        var blind = fixtures.api(setup.memberUsernames().get(1));
        var workspace = blind.get("/api/v1/panels/referrals/" + referral.id());
        assertThat(workspace.status()).isEqualTo(200);
        assertThat(workspace.body()).contains(red).doesNotContain(canary);
        var page = org.vigie.server.support.BrowserSession.signedIn(port, setup.memberUsernames().get(1), org.vigie.server.support.Fixtures.PASSWORD);
        assertThat(page.get("/panels/referrals/" + referral.id()).body()).contains("not shared with you").doesNotContain(canary);
        assertThat(page.get("/panels/referrals/" + referral.id() + "/decision").body()).doesNotContain(canary);
        assertThat(page.get("/panels/" + setup.panelId()).body()).doesNotContain(canary);
        assertThat(blind.get("/api/v1/panels/" + setup.panelId() + "/queue").body()).doesNotContain(canary);
    }
}
