package org.vigie.server.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.OrganisationRole;
import org.vigie.core.organisations.Sector;
import org.vigie.core.panel.Criterion;
import org.vigie.core.panel.Position;
import org.vigie.core.panel.Rating;
import org.vigie.core.panel.ResponseOption;
import org.vigie.core.reports.Admiralty;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.reports.Outcome;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.core.taxonomy.TargetCategory;
import org.vigie.server.accounts.Account;
import org.vigie.server.accounts.Accounts;
import org.vigie.server.accounts.NewAccount;
import org.vigie.server.accounts.PasswordGenerator;
import org.vigie.server.elections.Election;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.organisations.OrganisationChanges;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.panel.Assessment.CriterionAnswer;
import org.vigie.server.panel.Assessment.ResponseChoice;
import org.vigie.server.panel.AssessmentRequest;
import org.vigie.server.panel.Assessments;
import org.vigie.server.panel.Decision;
import org.vigie.server.panel.DecisionRequest;
import org.vigie.server.panel.Decisions;
import org.vigie.server.panel.InterestRequest;
import org.vigie.server.panel.MemberRequest;
import org.vigie.server.panel.Panel;
import org.vigie.server.panel.PanelMember;
import org.vigie.server.panel.PanelRequest;
import org.vigie.server.panel.Panels;
import org.vigie.server.panel.Referral;
import org.vigie.server.panel.ReferralRequest;
import org.vigie.server.panel.Referrals;
import org.vigie.server.reports.ReportDraft;
import org.vigie.server.reports.ReportObservable;
import org.vigie.server.reports.Reports;
import org.vigie.server.reports.Target;
import org.vigie.server.statements.Publication;
import org.vigie.server.statements.Statement;
import org.vigie.server.statements.StatementDraft;
import org.vigie.server.statements.StatementStatus;
import org.vigie.server.statements.StatementText;
import org.vigie.server.statements.Statements;

/**
 * The expert panel of the 2027 legislative election, and three cases it has had, all made through the
 * panel's and the statements' services as the people would (so the audit log records every step):
 * <ul>
 *   <li>five members, a chair and four members from different organisations, each with a public
 *       title; the rule is consensus; one member declared a tie to the Green Alliance;</li>
 *   <li>a fake "your polling station has moved" text-message campaign, decided PUBLIC_ANNOUNCEMENT
 *       unanimously, with a bilingual statement approved by all five, notified to the commission, the
 *       parties and the election body, then published;</li>
 *   <li>a small, quickly debunked "pre-marked ballots" rumour, decided NO_PUBLIC_ANNOUNCEMENT with one
 *       dissent, answered by a private notice to the commission and a request to the platform;</li>
 *   <li>forged e-mails attributed to Green Alliance candidates and the accounts amplifying them,
 *       referred together (an accumulation) and still open, the member tied to the party recused.</li>
 * </ul>
 * The panel's administration is done by the panel secretariat, a platform administrator account of
 * the demo. Idempotent: the panel is found by name, members by username, each case by its referral's
 * title; the demo statement, if a start left it scheduled, is published once its time has come.
 */
@Component
class DemoPanel {

    static final String PANEL = "Election Integrity Panel – 2027 legislative election";
    static final String POLLING_STATIONS = "Text messages telling voters their polling station has moved";
    static final String PRE_MARKED = "Rumour that ballot papers will be pre-marked";
    static final String FORGED_EMAILS = "Forged e-mails attributed to Green Alliance candidates, and their amplification";
    static final String GREEN_ALLIANCE = "Green Alliance of Valdoria";
    /** The statement is published at start only if the lead time is this short; a longer one is left to the publication job. */
    private static final Duration WAIT_AT_MOST = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(DemoPanel.class);

    /** An account of the demo that works for the panel. */
    record DemoPanelAccount(String username, String displayName, String organisation, PanelMember.Role role, String publicTitle) {
    }

    /** The organisations some members come from that the rest of the demo has no use for. */
    static final List<DemoData.DemoOrganisation> ORGANISATIONS = List.of(
            new DemoData.DemoOrganisation("University of Valdoria", Sector.RESEARCH,
                    "Public university; its Faculty of Law teaches constitutional and electoral law."),
            new DemoData.DemoOrganisation("Valdoria Council of State", Sector.GOVERNMENT_AGENCY,
                    "Advises the government on bills and decrees and is the supreme administrative court."));

    static final DemoPanelAccount SECRETARIAT = new DemoPanelAccount("panel-secretariat", "Nadia Okafor (Panel secretariat)", null, null,
            null);

    static final List<DemoPanelAccount> MEMBERS = List.of(
            new DemoPanelAccount("panel-chair", "Hélène Marchetti (Panel chair)", "University of Valdoria", PanelMember.Role.CHAIR,
                    "Former President of the Constitutional Council"),
            new DemoPanelAccount("panel-kaminski", "Piotr Kaminski (Panel member)", "Valdoria Council of State", PanelMember.Role.MEMBER,
                    "Former National Security Adviser to the Prime Minister"),
            new DemoPanelAccount("panel-haddad", "Amira Haddad (Panel member)", "Valdoria Institute for Digital Research",
                    PanelMember.Role.MEMBER, "Director of the Valdoria Institute for Digital Research"),
            new DemoPanelAccount("panel-varga", "Tomas Varga (Panel member)", "Citizens for Clean Elections", PanelMember.Role.MEMBER,
                    "Former national coordinator of the Citizens for Clean Elections observer network"),
            new DemoPanelAccount("panel-ferraro", "Lucia Ferraro (Panel member)", "Valdoria Public Broadcasting", PanelMember.Role.MEMBER,
                    "Former Director of News of Valdoria Public Broadcasting"));

    private final Organisations organisations;
    private final Accounts accounts;
    private final Panels panels;
    private final Referrals referrals;
    private final Assessments assessments;
    private final Decisions decisions;
    private final Statements statements;
    private final Publication publication;
    private final Reports reports;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    DemoPanel(Organisations organisations, Accounts accounts, Panels panels, Referrals referrals, Assessments assessments, Decisions decisions,
              Statements statements, Publication publication, Reports reports, Clock clock) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.panels = panels;
        this.referrals = referrals;
        this.assessments = assessments;
        this.decisions = decisions;
        this.statements = statements;
        this.publication = publication;
        this.reports = reports;
        this.clock = clock;
    }

    /** A demo account and its new password, for the console. */
    record Credentials(DemoPanelAccount account, String password) {
    }

    /**
     * Seeds what is missing and publishes the statement if its time has come.
     *
     * @param commission the commission's administrator, who refers the text-message campaign
     * @param agency     the agency's analyst, who files and refers the other cases
     * @return the panel accounts with their new passwords, secretariat first
     */
    List<Credentials> seed(Member commission, Member agency, Election election) {
        for (DemoData.DemoOrganisation demo : ORGANISATIONS) {
            if (organisations.findByName(demo.name()).isEmpty()) {
                organisations.createBySystem(new OrganisationChanges(demo.name(), demo.sector(), DemoData.COUNTRY, demo.description()));
            }
        }
        List<Credentials> credentials = new ArrayList<>();
        credentials.add(account(SECRETARIAT));
        MEMBERS.forEach(m -> credentials.add(account(m)));
        Member secretariat = member(SECRETARIAT.username());

        Panel panel = panels.list().stream().filter(p -> p.name().equals(PANEL)).findFirst()
                .orElseGet(() -> panels.create(secretariat, new PanelRequest(PANEL, election.id(), MANDATE_FR, MANDATE_EN, null, null)));
        Map<String, Member> members = new LinkedHashMap<>();
        for (DemoPanelAccount demo : MEMBERS) {
            Member member = member(demo.username());
            if (!panels.isMember(panel.id(), member.accountId())) {
                panels.addMember(secretariat, panel.id(), new MemberRequest(member.accountId(), demo.role(), demo.publicTitle()));
            }
            members.put(demo.username(), member);
        }
        Member haddad = members.get("panel-haddad");
        UUID greens = organisations.findByName(GREEN_ALLIANCE).orElseThrow().id();
        boolean declared = panels.interests(secretariat, panel.id()).stream()
                .anyMatch(i -> i.active() && i.accountId().equals(haddad.accountId()) && i.organisationId().equals(greens));
        if (!declared) {
            panels.declareInterest(haddad, panel.id(), haddad.accountId(), new InterestRequest(greens,
                    "Spouse is a Green Alliance candidate in the 2027 legislative election"));
        }

        Member chair = members.get("panel-chair");
        Map<String, UUID> cases = new LinkedHashMap<>();
        referrals.all(chair, panel.id()).forEach(e -> cases.put(e.referral().title(), e.referral().id()));
        SharingRequest toThePanel = toThePanel(agency);
        UUID announced = cases.get(POLLING_STATIONS);
        if (announced == null) {
            announced = pollingStations(panel, commission, members, election, toThePanel);
            // the notices go now, so that the lead time before the publication passes while the other cases are seeded
            publishDue(chair, announced, StatementStatus.NOTICES_SENT);
        }
        if (!cases.containsKey(PRE_MARKED)) {
            preMarkedBallots(panel, agency, members, election, toThePanel);
        }
        if (!cases.containsKey(FORGED_EMAILS)) {
            forgedEmails(panel, agency, members, election, toThePanel, greens);
        }
        publishDue(chair, announced, StatementStatus.PUBLISHED);
        return credentials;
    }

    private Credentials account(DemoPanelAccount demo) {
        String password = PasswordGenerator.generate(random);
        Optional<Account> existing = accounts.findByUsername(demo.username());
        if (existing.isPresent()) {
            accounts.resetPasswordBySystem(existing.get().id(), password);
        } else if (demo.organisation() == null) {
            accounts.createBySystem(new NewAccount(demo.username(), password, demo.displayName(), null, null, null, true));
        } else {
            UUID organisation = organisations.findByName(demo.organisation()).orElseThrow().id();
            accounts.createBySystem(new NewAccount(demo.username(), password, demo.displayName(), null, organisation,
                    OrganisationRole.ANALYST, false));
        }
        return new Credentials(demo, password);
    }

    private Member member(String username) {
        return accounts.findByUsername(username).orElseThrow().member();
    }

    /** GREEN, named to the members' organisations and the agency: what a referring analyst shares so the panel can read it. */
    private SharingRequest toThePanel(Member agency) {
        Set<UUID> recipients = new java.util.HashSet<>();
        recipients.add(agency.organisationId());
        for (DemoPanelAccount m : MEMBERS) {
            recipients.add(organisations.findByName(m.organisation()).orElseThrow().id());
        }
        return new SharingRequest(Tlp.GREEN, Pap.GREEN, Set.of(), recipients, Set.of());
    }

    // ---- case 1: announced, statement published -------------------------------------------------

    /** @return the referral's id */
    private UUID pollingStations(Panel panel, Member commission, Map<String, Member> members, Election election, SharingRequest sharing) {
        Instant now = clock.instant();
        UUID commissionId = commission.organisationId();
        String report = reports.file(commission, new ReportDraft(POLLING_STATIONS,
                        "Over the past five days, voters have received text messages saying that their polling station for the legislative "
                                + "election has moved, with a link to a 'new address' page on a look-alike site. The sender name imitates "
                                + "the commission's. No polling station has moved.\n\n- about 60 000 messages in four districts, according to "
                                + "two mobile operators\n- the link collects phone numbers and postcodes",
                        now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(1)), election.id(), CyclePhase.CAMPAIGN,
                        Set.of(IncidentType.DISINFORMATION_NARRATIVE, IncidentType.IMPERSONATION), Outcome.SUCCESSFUL,
                        List.of(new Target(TargetCategory.VOTERS, null, "Voters of the four western districts", null, null),
                                new Target(TargetCategory.ELECTION_MANAGEMENT_BODY, commissionId, null, now.minus(Duration.ofDays(4)),
                                        "Commission duty desk")),
                        List.of("T0085"), List.of(), List.of(), List.of(), Map.of(), 85,
                        new Admiralty(Admiralty.Reliability.A, Admiralty.Credibility.CONFIRMED),
                        List.of(new ReportObservable("url", "https://bureau-vote-valdoria.example/new-address",
                                        "https://bureau-vote-valdoria.example/new-address"),
                                new ReportObservable("phone", "+44 7700 900456", "+447700900456")),
                        List.of()),
                List.of(), List.of(), sharing).id();
        Referral referral = referrals.refer(commission, panel.id(), new ReferralRequest(POLLING_STATIONS,
                "Tens of thousands of voters were told their polling station has moved. The messages impersonate the commission and "
                        + "reach voters who may not check. We ask the panel whether the public should be told before the campaign starts.",
                List.of(report)));
        List<CriterionAnswer> checklist = List.of(
                new CriterionAnswer(Criterion.UNDERMINES_FREE_FAIR_ELECTION, Rating.HIGH,
                        "Voters who believe the message may go to the wrong place or not vote at all."),
                new CriterionAnswer(Criterion.UNDERMINES_CREDIBILITY, Rating.MODERATE,
                        "The messages impersonate the commission; voters turned away could doubt the organisation of the vote."),
                new CriterionAnswer(Criterion.CONFIDENCE_IN_INFORMATION, Rating.HIGH,
                        "Confirmed by the commission and by two mobile operators; the messages are in the report."),
                new CriterionAnswer(Criterion.REACH_AND_SCALE, Rating.HIGH, "About 60 000 messages in four districts."),
                new CriterionAnswer(Criterion.DEBUNKED_OR_SELF_CORRECTED, Rating.LOW, "Not yet corrected publicly."),
                new CriterionAnswer(Criterion.ATTRIBUTION, Rating.NOT_APPLICABLE, ""));
        List<ResponseChoice> responses = List.of(
                new ResponseChoice(ResponseOption.PRIVATE_NOTICE_TO_TARGETS, "The commission is told first, with the text."),
                new ResponseChoice(ResponseOption.ENGAGE_PLATFORMS, "Ask the mobile operators to block the sender names."));
        Map<String, String> rationales = Map.of(
                "panel-chair", "The threshold is met: the messages can stop people from voting, and only a public correction reaches "
                        + "everyone who received one.",
                "panel-kaminski", "Clear, verified and wide. Informing the public does not compromise any investigation.",
                "panel-haddad", "The reach is large and growing; a plain correction is the best protection for voters.",
                "panel-varga", "Our observers heard the same story in three districts. Voters need to know where to check.",
                "panel-ferraro", "Announce. The statement must say how to check, not repeat the false address.");
        members.forEach((username, member) -> assessments.record(member, referral.id(),
                new AssessmentRequest(checklist, responses, Position.ANNOUNCE, rationales.get(username))));
        Member chair = members.get("panel-chair");
        Decision decision = decisions.decide(chair, referral.id(), new DecisionRequest(
                "The five members agree: the messages can prevent voters from voting, the information is confirmed and the reach is "
                        + "large. The public is informed in plain language; the commission, the parties and the election body are told "
                        + "first.", responses));
        Statement statement = statements.create(chair, decision.id(), null, new StatementDraft(STATEMENT_FR, STATEMENT_EN,
                "DISINFORMATION_NARRATIVE", "CAMPAIGN", election.id()));
        for (Member member : members.values()) {
            statements.approve(member, statement.id(), statement.currentVersion());
        }
        // the earliest time the module allows, plus a moment: the notices go at once, the publication a lead time later
        statements.schedule(chair, statement.id(), clock.instant().plus(statements.leadTime()).plusMillis(300));
        return referral.id();
    }

    // ---- case 2: no announcement, one dissent -----------------------------------------------------

    private void preMarkedBallots(Panel panel, Member agency, Map<String, Member> members, Election election, SharingRequest sharing) {
        Instant now = clock.instant();
        UUID commissionId = organisations.findByName("Valdoria Electoral Commission").orElseThrow().id();
        String report = reports.file(agency, new ReportDraft(PRE_MARKED,
                        "A dozen accounts posted that ballot papers for the legislative election will be printed already marked for one "
                                + "list. About 2 000 views in two days; VeriFact Valdoria published a fact-check within six hours and the "
                                + "posts stopped spreading.",
                        now.minus(Duration.ofDays(4)), now.minus(Duration.ofDays(3)), election.id(), CyclePhase.CAMPAIGN,
                        Set.of(IncidentType.DISINFORMATION_NARRATIVE), Outcome.ATTEMPTED,
                        List.of(new Target(TargetCategory.ELECTION_MANAGEMENT_BODY, commissionId, null, null, null)),
                        List.of(), List.of(), List.of(), List.of(), Map.of(), 70,
                        new Admiralty(Admiralty.Reliability.B, Admiralty.Credibility.PROBABLY_TRUE),
                        List.of(new ReportObservable("social-account", "x:@ballot_truth_xv", "x:ballot_truth_xv")),
                        List.of()),
                List.of(), List.of(), sharing).id();
        Referral referral = referrals.refer(agency, panel.id(), new ReferralRequest(PRE_MARKED,
                "Small and already debunked, but it attacks trust in the count. Referred so the panel decides whether anything "
                        + "beyond the fact-check is needed.", List.of(report)));
        List<CriterionAnswer> checklist = List.of(
                new CriterionAnswer(Criterion.UNDERMINES_FREE_FAIR_ELECTION, Rating.LOW, "It does not stop anyone from voting."),
                new CriterionAnswer(Criterion.UNDERMINES_CREDIBILITY, Rating.MODERATE, "It questions the integrity of the ballot papers."),
                new CriterionAnswer(Criterion.CONFIDENCE_IN_INFORMATION, Rating.HIGH, "The posts and their reach are documented."),
                new CriterionAnswer(Criterion.REACH_AND_SCALE, Rating.LOW, "About 2 000 views."),
                new CriterionAnswer(Criterion.DEBUNKED_OR_SELF_CORRECTED, Rating.HIGH, "Fact-checked within six hours."));
        List<ResponseChoice> responses = List.of(
                new ResponseChoice(ResponseOption.PRIVATE_NOTICE_TO_TARGETS,
                        "The commission is told privately, with the evidence, so it can answer journalists' questions."),
                new ResponseChoice(ResponseOption.ENGAGE_PLATFORMS, "Agora Social is asked to label the posts with the fact-check."),
                new ResponseChoice(ResponseOption.MONITOR_FURTHER, "The agency watches for the claim coming back closer to election day."));
        Map<String, Position> positions = new LinkedHashMap<>();
        Map<String, String> rationales = new LinkedHashMap<>();
        positions.put("panel-chair", Position.DO_NOT_ANNOUNCE);
        rationales.put("panel-chair", "Below the threshold: small reach, already corrected. A statement would spread the claim further.");
        positions.put("panel-kaminski", Position.DO_NOT_ANNOUNCE);
        rationales.put("panel-kaminski", "No sign of a coordinated operation behind the accounts. Monitor.");
        positions.put("panel-haddad", Position.DO_NOT_ANNOUNCE);
        rationales.put("panel-haddad", "The posts stopped spreading after the fact-check; announcing would amplify them.");
        positions.put("panel-varga", Position.DO_NOT_ANNOUNCE);
        rationales.put("panel-varga", "A private notice to the commission is enough for now.");
        positions.put("panel-ferraro", Position.ANNOUNCE);
        rationales.put("panel-ferraro", "The claim goes to the heart of trust in the count. A short statement now would pre-empt a larger "
                + "wave closer to election day.");
        positions.forEach((username, position) -> assessments.record(members.get(username), referral.id(),
                new AssessmentRequest(checklist, responses, position, rationales.get(username))));
        decisions.decide(members.get("panel-chair"), referral.id(), new DecisionRequest(
                "No public announcement: the threshold is not met (small reach, corrected by a fact-check within hours), and a "
                        + "statement would give the claim an audience it does not have. Lucia Ferraro dissents. The commission is told "
                        + "privately and the platform is asked to label the posts.", responses));
    }

    // ---- case 3: an accumulation still open, one member recused ----------------------------------

    private void forgedEmails(Panel panel, Member agency, Map<String, Member> members, Election election, SharingRequest sharing,
                              UUID greens) {
        Instant now = clock.instant();
        List<Target> party = List.of(new Target(TargetCategory.POLITICAL_PARTY, greens, null, now.minus(Duration.ofDays(1)),
                "National CERT"));
        String leak = reports.file(agency, new ReportDraft("Forged e-mails attributed to Green Alliance candidates on a leak site",
                        "A leak site published 40 e-mails said to come from Green Alliance candidates. Metadata and wording show at "
                                + "least a dozen are forged; the party says its mail server was not breached.",
                        now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)), election.id(), CyclePhase.CAMPAIGN,
                        Set.of(IncidentType.HACK_AND_LEAK), Outcome.SUCCESSFUL, party,
                        List.of(), List.of(), List.of(), List.of(), Map.of(), 60,
                        new Admiralty(Admiralty.Reliability.B, Admiralty.Credibility.POSSIBLY_TRUE),
                        List.of(new ReportObservable("url", "https://valdoria-leaks.example/greens", "https://valdoria-leaks.example/greens")),
                        List.of()),
                List.of(), List.of(), sharing).id();
        String amplification = reports.file(agency, new ReportDraft("New accounts amplifying the forged Green Alliance e-mails",
                        "Within three hours of the leak, about 300 accounts created this month posted the same links and hashtags on "
                                + "Agora Social, most of them at regular intervals.",
                        now.minus(Duration.ofDays(1)), now.minus(Duration.ofHours(6)), election.id(), CyclePhase.CAMPAIGN,
                        Set.of(IncidentType.COORDINATED_INAUTHENTIC_BEHAVIOUR), Outcome.SUCCESSFUL, party,
                        List.of(), List.of(), List.of(), List.of(), Map.of(), 75,
                        new Admiralty(Admiralty.Reliability.B, Admiralty.Credibility.PROBABLY_TRUE),
                        List.of(new ReportObservable("social-account", "x:@green_leaks_xv", "x:green_leaks_xv")),
                        List.of()),
                List.of(), List.of(), sharing).id();
        Referral referral = referrals.refer(agency, panel.id(), new ReferralRequest(FORGED_EMAILS,
                "Two reports that look like one operation: forged e-mails on a leak site, pushed within hours by a network of new "
                        + "accounts. Referred together so the panel weighs the accumulation rather than each incident alone.",
                List.of(leak, amplification)));
        // two of the four members who take part have assessed; the recused member does not, the others have yet to
        List<CriterionAnswer> checklist = List.of(
                new CriterionAnswer(Criterion.UNDERMINES_FREE_FAIR_ELECTION, Rating.MODERATE,
                        "Forged material about candidates can mislead voters about who they vote for."),
                new CriterionAnswer(Criterion.UNDERMINES_CREDIBILITY, Rating.MODERATE, "Not about the vote itself, but about a party."),
                new CriterionAnswer(Criterion.CONFIDENCE_IN_INFORMATION, Rating.MODERATE,
                        "A dozen forgeries shown; the rest not yet examined."),
                new CriterionAnswer(Criterion.ATTRIBUTION, Rating.LOW, "No attribution yet."),
                new CriterionAnswer(Criterion.RISK_TO_ONGOING_INVESTIGATIONS, Rating.MODERATE,
                        "The prosecutor opened an inquiry; a statement must not name suspects."));
        List<ResponseChoice> responses = List.of(
                new ResponseChoice(ResponseOption.PRIVATE_NOTICE_TO_TARGETS, "The party is told what the analysis shows."),
                new ResponseChoice(ResponseOption.ENGAGE_PLATFORMS, "Agora Social is given the list of accounts."));
        assessments.record(members.get("panel-chair"), referral.id(), new AssessmentRequest(checklist, responses, Position.ANNOUNCE,
                "An accumulation: the forgery and its coordinated amplification together reach the threshold."));
        assessments.record(members.get("panel-kaminski"), referral.id(), new AssessmentRequest(checklist, responses, Position.ABSTAIN,
                "Waiting for the analysis of the remaining e-mails before taking a position."));
    }

    // ---- publication ------------------------------------------------------------------------------

    /**
     * Runs the statements module's publication step until the demo statement has reached {@code wanted}
     * (its notices sent, or published), when that is a few seconds away at most (the demo's lead time);
     * otherwise the publication job does it when the time comes. The module itself keeps the order:
     * notices first, publication a lead time later.
     */
    private void publishDue(Member chair, UUID referralId, StatementStatus wanted) {
        if (statements.leadTime().compareTo(WAIT_AT_MOST) > 0) {
            log.info("Demo statement: notices and publication are left to the publication job (lead time {})", statements.leadTime());
            return;
        }
        Instant deadline = clock.instant().plus(statements.leadTime()).plus(WAIT_AT_MOST);
        while (true) {
            publication.runDue();
            Optional<Statement> pending = statements.list(chair).stream().map(Statements.Summary::statement)
                    .filter(s -> s.referralId().equals(referralId))
                    .filter(s -> s.status() == StatementStatus.APPROVED
                            || s.status() == StatementStatus.NOTICES_SENT && wanted == StatementStatus.PUBLISHED).findFirst();
            if (pending.isEmpty() || clock.instant().isAfter(deadline)) {
                return;
            }
            Statement s = pending.get();
            Instant next = s.status() == StatementStatus.APPROVED ? s.scheduledFor().minus(statements.leadTime())
                    : latest(s.scheduledFor(), s.noticesSentAt().plus(statements.leadTime()));
            long millis = Math.max(50, Duration.between(clock.instant(), next).toMillis() + 20);
            try {
                Thread.sleep(Math.min(millis, WAIT_AT_MOST.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    // ---- texts ------------------------------------------------------------------------------------

    static final String MANDATE_EN = "The panel assesses reported interference in the 2027 legislative election against its published "
            + "criteria and decides, by consensus, whether the public should be informed. It speaks only when the threshold is met, "
            + "tells those targeted first, and informs every party and the Electoral Commission at the same time before the public.";
    static final String MANDATE_FR = "Le panel évalue, selon ses critères publiés, les ingérences signalées dans les élections législatives "
            + "de 2027 et décide par consensus s'il faut informer le public. Il ne s'exprime que lorsque le seuil est atteint, prévient "
            + "d'abord les personnes visées, et informe en même temps tous les partis et la Commission électorale avant le public.";

    static final StatementText STATEMENT_EN = new StatementText(
            "Fake text messages say your polling station has moved: it has not",
            "Many voters have received text messages saying that their polling station has moved. The messages seem to come from the "
                    + "Electoral Commission. They do not. They are false. No polling station has moved for the legislative election.",
            "Voters in four districts in the west of the country received these messages. About 60,000 messages were sent. The "
                    + "messages copy the name of the Electoral Commission.",
            "Do not click on the link in the message. Do not reply. Check your polling station on your voter card, or on the "
                    + "Electoral Commission's website. You can also call your town hall. You can delete the message.",
            "The Electoral Commission knows about the messages and is warning voters. Mobile operators are blocking the numbers that "
                    + "send them. The commission will post every voter a reminder of their polling station before election day.",
            "The five members of the panel looked at the facts against the published criteria. They all agreed that these messages "
                    + "could stop people from voting and that the public should know. Before this statement, the panel told the "
                    + "Electoral Commission and every registered party, at the same time.");

    static final StatementText STATEMENT_FR = new StatementText(
            "De faux SMS annoncent que votre bureau de vote a changé : c'est faux",
            "De nombreux électeurs ont reçu des SMS leur disant que leur bureau de vote a changé d'adresse. Ces messages semblent venir "
                    + "de la Commission électorale. Ce n'est pas le cas. Ils sont faux. Aucun bureau de vote n'a changé pour les élections "
                    + "législatives.",
            "Des électeurs de quatre circonscriptions de l'ouest du pays ont reçu ces messages. Environ 60 000 messages ont été envoyés. "
                    + "Ils reprennent le nom de la Commission électorale.",
            "Ne cliquez pas sur le lien du message. N'y répondez pas. Vérifiez votre bureau de vote sur votre carte d'électeur ou sur le "
                    + "site de la Commission électorale. Vous pouvez aussi appeler votre mairie. Vous pouvez supprimer le message.",
            "La Commission électorale est informée et prévient les électeurs. Les opérateurs mobiles bloquent les numéros qui envoient "
                    + "ces messages. Avant le jour du vote, la commission enverra par courrier à chaque électeur l'adresse de son bureau de "
                    + "vote.",
            "Les cinq membres du panel ont examiné les faits selon les critères publiés. Ils ont tous estimé que ces messages pouvaient "
                    + "empêcher des personnes de voter et que le public devait être informé. Avant cette déclaration, le panel a prévenu "
                    + "en même temps la Commission électorale et tous les partis enregistrés.");
}
