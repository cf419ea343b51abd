package org.vigie.server.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.vigie.core.accounts.Member;
import org.vigie.core.reports.Admiralty;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.reports.Outcome;
import org.vigie.core.reports.ViginumCriterion;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.core.taxonomy.TargetCategory;
import org.vigie.server.elections.Election;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.reports.CriterionAssessment;
import org.vigie.server.reports.ReportDraft;
import org.vigie.server.reports.ReportObservable;
import org.vigie.server.reports.Reports;
import org.vigie.server.reports.Target;

/**
 * Four incident reports of the Valdorian pre-campaign, filed the way the demo people would: three
 * of them share a look-alike domain, so the demo shows correlation at work; one is an attempt that
 * was blocked. Dates are relative to today, so the timeline always looks recent.
 */
@Component
class DemoReports {

    private static final String LOOKALIKE = "https://vote-valdoria-info.com";

    private final Reports reports;
    private final Clock clock;

    DemoReports(Reports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** @return the id of the report on the fake audio, the one the demo response is about */
    String seed(Member commission, Member agency, Map<String, Organisation> organisations, Election election) {
        Instant now = clock.instant();
        UUID commissionId = organisations.get("Valdoria Electoral Commission").id();
        UUID agencyId = organisations.get("Valdoria National Cybersecurity Agency").id();
        UUID broadcaster = organisations.get("Valdoria Public Broadcasting").id();
        reports.file(commission, new ReportDraft("SMS telling voters their registration has been cancelled",
                        "Voters received SMS messages claiming their registration was cancelled and linking to a look-alike "
                                + "site that asks for their national ID number.\n\n- first reports from the northern districts\n"
                                + "- the sender imitates the commission's short code",
                        now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(7)), election.id(), CyclePhase.VOTER_REGISTRATION,
                        Set.of(IncidentType.PHISHING, IncidentType.IMPERSONATION), Outcome.SUCCESSFUL,
                        List.of(new Target(TargetCategory.VOTERS, null, "Voters of the northern districts", null, null),
                                new Target(TargetCategory.ELECTION_MANAGEMENT_BODY, commissionId, null, now.minus(Duration.ofDays(8)),
                                        "Commission duty desk")),
                        List.of("T0085"), List.of("T1566.002"), List.of(), List.of(), Map.of(), 80,
                        new Admiralty(Admiralty.Reliability.B, Admiralty.Credibility.PROBABLY_TRUE),
                        List.of(observable("url", LOOKALIKE + "/registration?utm_source=sms", LOOKALIKE + "/registration"),
                                observable("phone", "+44 7700 900123", "+447700900123")),
                        List.of()),
                List.of(), List.of(), new SharingRequest(Tlp.AMBER, Pap.GREEN, Set.of(), Set.of(agencyId), Set.of()));
        reports.file(agency, new ReportDraft("Credential phishing against commission staff blocked",
                        "A spear-phishing wave imitating the commission's IT support was blocked at the mail gateway. "
                                + "The landing page is hosted on the same look-alike domain as the voter SMS campaign.",
                        now.minus(Duration.ofDays(6)), now.minus(Duration.ofDays(6)), election.id(), CyclePhase.VOTER_REGISTRATION,
                        Set.of(IncidentType.PHISHING), Outcome.ATTEMPTED,
                        List.of(new Target(TargetCategory.ELECTION_OFFICIAL, commissionId, null, now.minus(Duration.ofDays(6)),
                                "National CERT")),
                        List.of("T0085"), List.of("T1566.001"), List.of(), List.of(), Map.of(), 90,
                        new Admiralty(Admiralty.Reliability.A, Admiralty.Credibility.CONFIRMED),
                        List.of(observable("url", LOOKALIKE + "/it-support/login", LOOKALIKE + "/it-support/login"),
                                observable("email", "it-support@vote-valdoria-info.com", "it-support@vote-valdoria-info.com"),
                                observable("ipv4", "203.0.113.45", "203.0.113.45")),
                        List.of()),
                List.of(), List.of(), new SharingRequest(Tlp.CLEAR, Pap.CLEAR, Set.of(), Set.of(), Set.of()));
        String fakeAudio = reports.file(commission, new ReportDraft("Fake audio of the commission's chair announcing a postponement",
                        "An audio clip in which the chair seems to announce that the election is postponed circulates on "
                                + "messaging apps, with a link to the look-alike site.",
                        now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(1)), election.id(), CyclePhase.CANDIDATE_REGISTRATION,
                        Set.of(IncidentType.SYNTHETIC_MEDIA, IncidentType.DISINFORMATION_NARRATIVE), Outcome.SUCCESSFUL,
                        List.of(new Target(TargetCategory.ELECTION_MANAGEMENT_BODY, commissionId, null, null, null),
                                new Target(TargetCategory.MEDIA, broadcaster, null, now.minus(Duration.ofDays(2)), "Commission press office")),
                        List.of("T0088", "T0085"), List.of(), List.of(), List.of(),
                        Map.of(ViginumCriterion.INACCURATE_OR_MISLEADING_CONTENT, new CriterionAssessment(true, "The chair made no such statement."),
                                ViginumCriterion.ARTIFICIAL_SPREAD, new CriterionAssessment(true, "Posted by 40 new accounts within an hour.")),
                        70, new Admiralty(Admiralty.Reliability.B, Admiralty.Credibility.POSSIBLY_TRUE),
                        List.of(observable("url", LOOKALIKE + "/news/postponed", LOOKALIKE + "/news/postponed"),
                                observable("social-account", "x:@valdoria_vote_news", "x:valdoria_vote_news")),
                        List.of()),
                List.of(), List.of(new Reports.NewNarrative("The election will be postponed",
                        "Claims that the 2027 legislative election is postponed or cancelled.")),
                new SharingRequest(Tlp.CLEAR, Pap.CLEAR, Set.of(), Set.of(), Set.of())).id();
        reports.file(agency, new ReportDraft("DDoS against the voter-registration portal",
                        "Traffic peaks of 40 Gbit/s from a botnet; the hosting provider's mitigation held.",
                        now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)), election.id(), CyclePhase.VOTER_REGISTRATION,
                        Set.of(IncidentType.DDOS), Outcome.ATTEMPTED,
                        List.of(new Target(TargetCategory.ELECTORAL_INFRASTRUCTURE, commissionId, "Voter-registration portal",
                                now.minus(Duration.ofDays(2)), "National CERT")),
                        List.of(), List.of("T1498"), List.of(), List.of(), Map.of(), 95, null,
                        List.of(observable("ipv4", "198.51.100.23", "198.51.100.23"), observable("ipv4", "198.51.100.24", "198.51.100.24")),
                        List.of()),
                List.of(), List.of(), new SharingRequest(Tlp.CLEAR, null, Set.of(), Set.of(), Set.of()));
        return fakeAudio;
    }

    private static ReportObservable observable(String type, String value, String normalised) {
        return new ReportObservable(type, value, normalised);
    }
}
