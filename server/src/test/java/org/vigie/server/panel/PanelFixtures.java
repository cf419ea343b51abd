package org.vigie.server.panel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.vigie.core.accounts.Member;
import org.vigie.core.panel.Criterion;
import org.vigie.core.panel.DecisionRule;
import org.vigie.core.panel.Position;
import org.vigie.core.panel.Rating;
import org.vigie.core.panel.ResponseOption;
import org.vigie.server.accounts.Account;
import org.vigie.server.accounts.Accounts;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.ReportFiling;

/**
 * Panels for tests, built through the real services: a panel (for a new election) with N member
 * accounts, each in an organisation of their own (research institutes, so they involve no one), an
 * analyst in an election management body who files reports through the report API and refers them,
 * members' positions, and the decision. Other parts of issue 8 (statements, public site, review) use
 * it: {@link #announced} drives a referral to a PUBLIC_ANNOUNCEMENT decision in one call.
 *
 * <pre>
 * PanelFixtures panels = new PanelFixtures(port, context);
 * PanelFixtures.Setup setup = panels.panel(3);
 * PanelFixtures.Decided decided = panels.announced(setup, panels.report(setup, "Leaked ballots"));
 * decided.decision().id(); decided.referral().id(); setup.members();
 * </pre>
 */
public final class PanelFixtures {

    private final Fixtures fixtures;
    private final Panels panels;
    private final Referrals referrals;
    private final Assessments assessments;
    private final Decisions decisions;
    private final Accounts accounts;
    private final ApplicationContext context;

    public PanelFixtures(int port, ApplicationContext context) {
        this.fixtures = new Fixtures(port);
        this.panels = context.getBean(Panels.class);
        this.referrals = context.getBean(Referrals.class);
        this.assessments = context.getBean(Assessments.class);
        this.decisions = context.getBean(Decisions.class);
        this.accounts = context.getBean(Accounts.class);
        this.context = context;
    }

    public ApplicationContext context() {
        return context;
    }

    /**
     * A panel and who works with it.
     *
     * @param members          the members' accounts, in the order added; the first is the chair
     * @param memberUsernames  their usernames (password {@link Fixtures#PASSWORD}), for API and browser tests
     * @param analyst          an analyst of {@code analystOrganisation} (an election management body) who files and refers
     */
    public record Setup(Panel panel, UUID electionId, List<Member> members, List<String> memberUsernames, UUID analystOrganisation,
                        Member analyst, String analystUsername) {

        public UUID panelId() {
            return panel.id();
        }

        public Member member(int i) {
            return members.get(i);
        }
    }

    /** A referral and the decision that stands on it. */
    public record Decided(Referral referral, Decision decision) {
    }

    public Fixtures fixtures() {
        return fixtures;
    }

    /** The platform administrator as a {@link Member}. */
    public Member admin() {
        return member("admin");
    }

    public Member member(String username) {
        return accounts.findByUsername(username).map(Account::member).orElseThrow(() -> new IllegalStateException("no account " + username));
    }

    public Api api(String username) {
        return fixtures.signedIn(username);
    }

    /** A consensus panel with this many members, for a new election. */
    public Setup panel(int members) {
        return panel(members, DecisionRule.consensus());
    }

    public Setup panel(int members, DecisionRule rule) {
        UUID election = ReportFiling.election(fixtures);
        Panel panel = panels.create(admin(), new PanelRequest(Fixtures.unique("Panel"), election, "Mandat du panel.", "The panel's mandate.",
                rule.kind(), rule.quorum()));
        List<Member> list = new ArrayList<>();
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            UUID organisation = fixtures.organisation("RESEARCH");
            String username = fixtures.account(organisation, "ANALYST");
            Member m = member(username);
            panels.addMember(admin(), panel.id(), new MemberRequest(m.accountId(), i == 0 ? PanelMember.Role.CHAIR : PanelMember.Role.MEMBER,
                    "Former senior official " + (i + 1)));
            list.add(m);
            usernames.add(username);
        }
        UUID analystOrganisation = fixtures.organisation("ELECTION_MANAGEMENT_BODY");
        String analyst = fixtures.account(analystOrganisation, "ANALYST");
        return new Setup(panels.get(panel.id()), election, List.copyOf(list), List.copyOf(usernames), analystOrganisation, member(analyst), analyst);
    }

    /** Files a CLEAR report about the panel's election through the report API, as the setup's analyst; answers its id. */
    public String report(Setup setup, String title) {
        return ReportFiling.report(title, setup.electionId()).fileAs(api(setup.analystUsername()));
    }

    /** Files a report from a draft of the report API's fields (TLP, targets, ...) as the setup's analyst. */
    public String report(Setup setup, ReportFiling.Draft draft) {
        return draft.fileAs(api(setup.analystUsername()));
    }

    /** A CLEAR report with a target organisation on the platform. */
    public String reportTargeting(Setup setup, String title, UUID targetOrganisation) {
        return report(setup, ReportFiling.report(title, setup.electionId())
                .with("targets", List.of(Map.of("category", "POLITICAL_PARTY", "organisationId", targetOrganisation.toString()))));
    }

    /** The setup's analyst refers these reports or campaigns (one: REPORT or CAMPAIGN; several: ACCUMULATION). */
    public Referral refer(Setup setup, String... subjectIds) {
        return referrals.refer(setup.analyst(), setup.panelId(), new ReferralRequest("Referral " + UUID.randomUUID().toString().substring(0, 8),
                "Cover note for the panel.", Arrays.asList(subjectIds)));
    }

    /** A complete assessment: every threshold criterion rated and justified, and this position. */
    public static AssessmentRequest assessment(Position position) {
        List<Assessment.CriterionAnswer> criteria = new ArrayList<>();
        for (Criterion c : EnumSet.allOf(Criterion.class)) {
            if (c.threshold()) {
                criteria.add(new Assessment.CriterionAnswer(c, Rating.HIGH, "Justification of " + c + "."));
            }
        }
        criteria.add(new Assessment.CriterionAnswer(Criterion.REACH_AND_SCALE, Rating.MODERATE, "Tens of thousands of views."));
        return new AssessmentRequest(criteria, List.of(new Assessment.ResponseChoice(ResponseOption.PRIVATE_NOTICE_TO_TARGETS, "Tell them first.")),
                position, "Rationale for " + position + ".");
    }

    public Assessment assess(Member member, UUID referralId, Position position) {
        return assessments.record(member, referralId, assessment(position));
    }

    /** Every member of the setup who is not recused takes this position. */
    public void allTake(Setup setup, UUID referralId, Position position) {
        Referral referral = referrals.find(referralId).orElseThrow();
        for (Member m : setup.members()) {
            if (!referral.recused(m.accountId())) {
                assess(m, referralId, position);
            }
        }
    }

    /** Records the decision as the first member who is not recused. */
    public Decision decide(Setup setup, UUID referralId) {
        Referral referral = referrals.find(referralId).orElseThrow();
        Member recorder = setup.members().stream().filter(m -> !referral.recused(m.accountId())).findFirst().orElseThrow();
        return decisions.decide(recorder, referralId, new DecisionRequest("The panel's rationale.",
                List.of(new Assessment.ResponseChoice(ResponseOption.PRIVATE_NOTICE_TO_TARGETS, "Before the statement."))));
    }

    /** Refers the subjects, every member takes ANNOUNCE, and the decision (PUBLIC_ANNOUNCEMENT) is recorded. */
    public Decided announced(Setup setup, String... subjectIds) {
        Referral referral = refer(setup, subjectIds);
        allTake(setup, referral.id(), Position.ANNOUNCE);
        Decision decision = decide(setup, referral.id());
        return new Decided(referrals.find(referral.id()).orElseThrow(), decision);
    }
}
