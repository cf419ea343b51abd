package org.vigie.server.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.vigie.core.panel.Position;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** The pages: the panel list and administration, the referral form from a report, the queue, the workspace and the decision page, in English and French. */
@VigieTest
class PanelPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Referrals referrals;

    PanelFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PanelFixtures(port, context);
    }

    @Test
    void anAdministratorCreatesAPanelAndAddsMembersThroughThePages() {
        BrowserSession admin = BrowserSession.signedIn(port, "admin", org.vigie.server.support.VigieTest.ADMIN_PASSWORD);
        String name = Fixtures.unique("Panel");
        BrowserSession.Page created = admin.submitFields("/panels", "name", name, "rule", "QUORUM", "quorum", "2", "mandateEn", "Tell the public.");
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        BrowserSession.Page panel = admin.follow(created);
        assertThat(panel.text()).contains(name, "Quorum of 2 and a strict majority", "Members", "Declared interests");
        String path = created.location().replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "");

        String username = fixtures.fixtures().account(fixtures.fixtures().organisation("RESEARCH"), "ANALYST");
        BrowserSession.Page added = admin.submitFields(path + "/members", "username", username, "publicTitle", "Former electoral commissioner",
                "role", "CHAIR");
        BrowserSession.Page withMember = admin.follow(added);
        assertThat(withMember.text()).contains(username, "Chair");
        assertThat(withMember.body()).contains("value=\"Former electoral commissioner\"");
        BrowserSession.Page unknown = admin.submitFields(path + "/members", "username", "nobody-" + UUID.randomUUID().toString().substring(0, 6));
        assertThat(admin.follow(unknown).text()).contains("No account with this username");
        BrowserSession.Page badRule = admin.submitFields("/panels", "name", Fixtures.unique("P"), "rule", "CONSENSUS", "quorum", "3");
        assertThat(admin.follow(badRule).text()).contains("A consensus rule has no quorum");
    }

    @Test
    void anAnalystRefersFromAReportAndMembersAssessAndDecideThroughThePages() {
        PanelFixtures.Setup setup = fixtures.panel(2);
        String title = "Fake polling closures " + UUID.randomUUID();
        String report = fixtures.report(setup, title);
        BrowserSession analyst = BrowserSession.signedIn(port, setup.analystUsername(), Fixtures.PASSWORD);
        assertThat(analyst.get("/reports/" + report).body()).contains("/panels/subject?subject=" + report);
        assertThat(analyst.get("/panels/subject?subject=" + report).text()).contains("Refer to the expert panel");
        BrowserSession.Page form = analyst.get("/panels/referrals/new?subject=" + report);
        assertThat(form.text()).contains("Refer to the expert panel", title, setup.panel().name());
        // the search page offers the selection
        assertThat(analyst.get("/reports").body()).contains("id=\"refer-selection\"", "form=\"refer-selection\"");

        BrowserSession.Page referred = analyst.submitFields("/panels/referrals", "panelId", setup.panelId().toString(), "subject", report,
                "title", "Closures, please assess", "coverNote", "Seen in three regions.");
        assertThat(referred.status()).as(referred.body()).isEqualTo(302);
        assertThat(analyst.follow(referred).text()).contains("Referred: Closures, please assess", "Your referrals");
        UUID referral = referrals.madeBy(setup.analyst()).get(0).id();

        BrowserSession alice = BrowserSession.signedIn(port, setup.memberUsernames().get(0), Fixtures.PASSWORD);
        BrowserSession.Page queue = alice.get("/panels/" + setup.panelId());
        assertThat(queue.text()).contains("Queue", "Closures, please assess", "0 d 0 h", "0 of 2", "to assess");
        BrowserSession.Page workspace = alice.get("/panels/referrals/" + referral);
        assertThat(workspace.text()).contains("Seen in three regions.", title,
                "Degree to which the incident undermines the ability to hold a free and fair election", "Reach and scale",
                "Private notice to the targets", "Inform the public");

        BrowserSession.Page missing = alice.submitFields("/panels/referrals/" + referral + "/assessments", "position", "ANNOUNCE", "rationale", "Yes.");
        assertThat(alice.follow(missing).text()).contains("Answer the three threshold criteria");
        BrowserSession.Page saved = alice.submitFields("/panels/referrals/" + referral + "/assessments",
                "rating-UNDERMINES_FREE_FAIR_ELECTION", "HIGH", "justification-UNDERMINES_FREE_FAIR_ELECTION", "Voters misled about where to vote.",
                "rating-UNDERMINES_CREDIBILITY", "MODERATE", "justification-UNDERMINES_CREDIBILITY", "Some outlets relayed it.",
                "rating-CONFIDENCE_IN_INFORMATION", "HIGH", "justification-CONFIDENCE_IN_INFORMATION", "The commission confirmed.",
                "option", "ENGAGE_PLATFORMS", "note-ENGAGE_PLATFORMS", "Ask for labels.", "position", "ANNOUNCE", "rationale", "Inform now.");
        BrowserSession.Page after = alice.follow(saved);
        assertThat(after.text()).contains("Your assessment is recorded.", "Revise your assessment", "Inform now.");
        assertThat(after.body()).contains("Voters misled about where to vote.");

        BrowserSession.Page decisionPage = alice.get("/panels/referrals/" + referral + "/decision");
        assertThat(decisionPage.text()).contains("No decision yet: waiting for 1 of 2 members.");
        fixtures.assess(setup.member(1), referral, Position.DO_NOT_ANNOUNCE);
        BrowserSession.Page decided = alice.submitFields("/panels/referrals/" + referral + "/decision", "rationale", "No consensus.",
                "option", "PRIVATE_NOTICE_TO_TARGETS");
        BrowserSession.Page record = alice.follow(decided);
        assertThat(record.text()).contains("No public announcement", "Dissent", setup.memberUsernames().get(0), "Inform now.", "stands",
                "Correct the decision");

        BrowserSession french = BrowserSession.signedIn(port, setup.memberUsernames().get(1), Fixtures.PASSWORD, "fr");
        assertThat(french.get("/panels/referrals/" + referral + "/decision").text()).contains("Décision", "Pas d'annonce publique",
                "Opinions divergentes");
        assertThat(french.get("/panels/referrals/" + referral).text()).contains("Évaluations des membres", "Récusations");

        // outsiders: the analyst who referred and a member of another panel find nothing
        assertThat(analyst.get("/panels/referrals/" + referral).status()).isEqualTo(404);
        assertThat(analyst.get("/panels/referrals/" + referral + "/decision").status()).isEqualTo(404);
        assertThat(analyst.get("/panels/" + setup.panelId()).text()).doesNotContain("Closures, please assess");
    }

    @Test
    void membersDeclareRecuseAndCorrectAndReferralsAreWithdrawnThroughThePages() {
        PanelFixtures.Setup setup = fixtures.panel(2);
        UUID party = fixtures.fixtures().organisation("POLITICAL_PARTY");
        BrowserSession chair = BrowserSession.signedIn(port, setup.memberUsernames().get(0), Fixtures.PASSWORD);
        BrowserSession other = BrowserSession.signedIn(port, setup.memberUsernames().get(1), Fixtures.PASSWORD);
        BrowserSession.Page declared = other.submitFields("/panels/" + setup.panelId() + "/interests", "organisationId", party.toString(),
                "nature", "Former staffer");
        assertThat(other.follow(declared).text()).contains("Former staffer");

        Referral targeted = fixtures.refer(setup, fixtures.reportTargeting(setup, "Party hacked " + UUID.randomUUID(), party));
        BrowserSession.Page recusedView = other.get("/panels/referrals/" + targeted.id());
        assertThat(recusedView.text()).contains("Declared interest in", "Former staffer", "You are recused");
        assertThat(recusedView.body()).doesNotContain("id=\"assessment-form\"");

        Referral plain = fixtures.refer(setup, fixtures.report(setup, "Plain " + UUID.randomUUID()));
        BrowserSession.Page recused = chair.submitFields("/panels/referrals/" + plain.id() + "/recusals", "reason", "I know the author.");
        assertThat(chair.follow(recused).text()).contains("I know the author.", "self-recusal");

        // the chair withdraws the first referral from its workspace
        BrowserSession.Page withdrawn = chair.submitFields("/panels/referrals/" + targeted.id() + "/withdraw", "reason", "Sent to the wrong panel.");
        assertThat(chair.follow(withdrawn).text()).contains("The referral is withdrawn.");

        // the member who is not recused decides the second alone (consensus of one) and corrects it
        fixtures.assess(setup.member(1), plain.id(), Position.ANNOUNCE);
        BrowserSession.Page decided = other.submitFields("/panels/referrals/" + plain.id() + "/decision", "rationale", "Clear case.");
        assertThat(other.follow(decided).text()).contains("Public announcement", "stands");
        UUID decision = fixtures.context().getBean(Decisions.class).latest(plain.id()).orElseThrow().id();
        BrowserSession.Page corrected = other.submitFields("/panels/referrals/" + plain.id() + "/decision/" + decision + "/correction",
                "reason", "Wrong region named.", "rationale", "Clear case, northern region.");
        assertThat(other.follow(corrected).text()).contains("Corrects the previous decision: Wrong region named.", "Clear case, northern region.",
                "Clear case.");
        BrowserSession.Page refused = chair.submitFields("/panels/referrals/" + plain.id() + "/decision/" + decision + "/correction",
                "reason", "Mine.", "rationale", "Mine.");
        assertThat(refused.status()).isEqualTo(403);
    }
}
