package org.vigie.server.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.vigie.core.panel.Outcome;
import org.vigie.core.panel.Position;
import org.vigie.server.support.VigieTest;
import org.vigie.server.web.ForbiddenException;

/** The consensus rule as the panel applies it: one dissent blocks an announcement; a recused member's vote does not count. */
@VigieTest
class PanelConsensusTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Referrals referrals;

    @Autowired
    Decisions decisions;

    PanelFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PanelFixtures(port, context);
    }

    @Test
    void oneDissentingMemberBlocksAnAnnouncementUnderConsensus() {
        PanelFixtures.Setup setup = fixtures.panel(5);
        Referral referral = fixtures.refer(setup, fixtures.report(setup, "Voter suppression texts " + UUID.randomUUID()));
        for (int i = 0; i < 4; i++) {
            fixtures.assess(setup.member(i), referral.id(), Position.ANNOUNCE);
        }
        fixtures.assess(setup.member(4), referral.id(), Position.DO_NOT_ANNOUNCE);

        Decision decision = fixtures.decide(setup, referral.id());

        assertThat(decision.outcome()).isEqualTo(Outcome.NO_PUBLIC_ANNOUNCEMENT);
        // under a NO decision the dissent on record is the four who wanted to announce, each with their rationale
        assertThat(decision.dissent()).hasSize(4).extracting(Decision.Dissent::position).containsOnly(Position.ANNOUNCE);
    }

    @Test
    void anAbstentionAlsoBlocksAnAnnouncementUnderConsensus() {
        PanelFixtures.Setup setup = fixtures.panel(3);
        Referral referral = fixtures.refer(setup, fixtures.report(setup, "Abstained " + UUID.randomUUID()));
        fixtures.assess(setup.member(0), referral.id(), Position.ANNOUNCE);
        fixtures.assess(setup.member(1), referral.id(), Position.ANNOUNCE);
        fixtures.assess(setup.member(2), referral.id(), Position.ABSTAIN);
        assertThat(fixtures.decide(setup, referral.id()).outcome()).isEqualTo(Outcome.NO_PUBLIC_ANNOUNCEMENT);
    }

    @Test
    void aRecusedMembersVoteIsNotCounted() {
        PanelFixtures.Setup setup = fixtures.panel(3);
        Referral referral = fixtures.refer(setup, fixtures.report(setup, "Recused dissent " + UUID.randomUUID()));
        fixtures.assess(setup.member(0), referral.id(), Position.ANNOUNCE);
        fixtures.assess(setup.member(1), referral.id(), Position.ANNOUNCE);
        // the third member assesses against, then finds a conflict and recuses: the earlier vote no longer counts
        fixtures.assess(setup.member(2), referral.id(), Position.DO_NOT_ANNOUNCE);
        referrals.recuse(setup.member(2), referral.id(), "My sibling works for the affected campaign.");

        assertThatThrownBy(() -> fixtures.assess(setup.member(2), referral.id(), Position.DO_NOT_ANNOUNCE))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("recused");

        Decision decision = fixtures.decide(setup, referral.id());
        assertThat(decision.outcome()).isEqualTo(Outcome.PUBLIC_ANNOUNCEMENT);
        assertThat(decision.positions()).containsOnlyKeys(setup.member(0).accountId(), setup.member(1).accountId());
        assertThat(decision.recused()).containsExactly(setup.member(2).accountId());
        assertThat(decision.eligible()).doesNotContain(setup.member(2).accountId()).hasSize(2);
        assertThat(decision.dissent()).isEmpty();
    }

    @Test
    void aMemberRecusedAutomaticallyIsNotWaitedForAndCannotDecide() {
        PanelFixtures.Setup setup = fixtures.panel(3);
        UUID party = fixtures.fixtures().organisation("POLITICAL_PARTY");
        fixtures.context().getBean(Panels.class).declareInterest(setup.member(2), setup.panelId(), setup.member(2).accountId(),
                new InterestRequest(party, "Party member since 2015"));
        Referral referral = fixtures.refer(setup, fixtures.reportTargeting(setup, "Party targeted " + UUID.randomUUID(), party));

        assertThat(referral.recusals()).singleElement().satisfies(r -> {
            assertThat(r.accountId()).isEqualTo(setup.member(2).accountId());
            assertThat(r.organisationId()).isEqualTo(party);
            assertThat(r.reason()).contains("Declared interest").contains("Party member since 2015").contains("target");
        });
        fixtures.assess(setup.member(0), referral.id(), Position.ANNOUNCE);
        fixtures.assess(setup.member(1), referral.id(), Position.ANNOUNCE);
        assertThatThrownBy(() -> decisions.decide(setup.member(2), referral.id(), new DecisionRequest("mine", null)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("recused");
        assertThat(fixtures.decide(setup, referral.id()).outcome()).isEqualTo(Outcome.PUBLIC_ANNOUNCEMENT);
    }
}
