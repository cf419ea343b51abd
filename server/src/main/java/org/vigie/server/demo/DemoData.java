package org.vigie.server.demo;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.vigie.core.accounts.OrganisationRole;
import org.vigie.core.organisations.Sector;
import org.vigie.server.accounts.Account;
import org.vigie.server.accounts.Accounts;
import org.vigie.server.accounts.NewAccount;
import org.vigie.server.accounts.PasswordGenerator;
import org.vigie.server.organisations.Organisation;
import org.vigie.server.organisations.OrganisationChanges;
import org.vigie.server.organisations.Organisations;

/**
 * Seeds the Republic of Valdoria, a fictional country with the ISO 3166-1 user-assigned code XV
 * (a code ISO guarantees will never name a real country): one organisation of every sector, their
 * points of contact, one account per role, and its elections. Seeding is idempotent; on every demo
 * start the demo accounts get new passwords, printed on the console, because stored passwords are
 * hashed and cannot be shown again.
 */
@Component
@ConditionalOnProperty(name = "vigie.demo", havingValue = "true")
class DemoData implements SmartInitializingSingleton {

    static final String COUNTRY = "XV";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    record DemoOrganisation(String name, Sector sector, String description) {
    }

    record DemoAccount(String username, String displayName, String organisation, OrganisationRole role) {
    }

    static final List<DemoOrganisation> ORGANISATIONS = List.of(
            new DemoOrganisation("Valdoria Electoral Commission", Sector.ELECTION_MANAGEMENT_BODY,
                    "Independent body that organises national and local elections and referendums in Valdoria."),
            new DemoOrganisation("Valdoria National Cybersecurity Agency", Sector.GOVERNMENT_AGENCY,
                    "Protects government and electoral information systems; runs the national CERT."),
            new DemoOrganisation("Agora Social", Sector.PLATFORM_INDUSTRY,
                    "Social-media platform with 4 million Valdorian users; trust and safety team."),
            new DemoOrganisation("Citizens for Clean Elections", Sector.CIVIL_SOCIETY,
                    "Non-partisan election observation network with volunteers in every district."),
            new DemoOrganisation("Valdoria Institute for Digital Research", Sector.RESEARCH,
                    "University lab studying coordinated inauthentic behaviour and online narratives."),
            new DemoOrganisation("Valdoria Public Broadcasting", Sector.MEDIA,
                    "Public radio and television; election-night coverage and newsroom security."),
            new DemoOrganisation("VeriFact Valdoria", Sector.FACT_CHECKER,
                    "Independent fact-checking organisation, signatory of the IFCN code of principles."),
            new DemoOrganisation("Green Alliance of Valdoria", Sector.POLITICAL_PARTY,
                    "Political party standing candidates in the 2027 legislative election."),
            new DemoOrganisation("Progress and Liberty Party", Sector.POLITICAL_PARTY,
                    "Political party standing candidates in the 2027 legislative election."),
            new DemoOrganisation("Observatory for Democratic Elections", Sector.INTERNATIONAL_ORGANISATION,
                    "International organisation supporting election observation missions."));

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("commission-admin", "Claire Admin (Electoral Commission)", "Valdoria Electoral Commission",
                    OrganisationRole.ADMINISTRATOR),
            new DemoAccount("agency-analyst", "Anton Analyst (Cybersecurity Agency)", "Valdoria National Cybersecurity Agency",
                    OrganisationRole.ANALYST),
            new DemoAccount("ngo-viewer", "Vera Viewer (Citizens for Clean Elections)", "Citizens for Clean Elections",
                    OrganisationRole.VIEWER));

    private final Organisations organisations;
    private final Accounts accounts;
    private final DemoContacts contacts;
    private final DemoSharing sharing;
    private final DemoElections elections;
    private final DemoReports reports;
    private final DemoAlerts alerts;
    private final DemoResponse response;
    private final DemoMonitoring monitoring;
    private final DemoPanel panel;
    private final PrintStream console = System.out;
    private final SecureRandom random = new SecureRandom();

    DemoData(Organisations organisations, Accounts accounts, DemoContacts contacts, DemoSharing sharing, DemoElections elections,
             DemoReports reports, DemoAlerts alerts, DemoResponse response, DemoMonitoring monitoring, DemoPanel panel) {
        this.panel = panel;
        this.response = response;
        this.monitoring = monitoring;
        this.reports = reports;
        this.alerts = alerts;
        this.organisations = organisations;
        this.accounts = accounts;
        this.contacts = contacts;
        this.sharing = sharing;
        this.elections = elections;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int created = 0;
        for (int i = 0; i < ORGANISATIONS.size(); i++) {
            DemoOrganisation demo = ORGANISATIONS.get(i);
            if (organisations.findByName(demo.name()).isEmpty()) {
                Organisation organisation = organisations.createBySystem(
                        new OrganisationChanges(demo.name(), demo.sector(), COUNTRY, demo.description()));
                contacts.seed(organisation, i + 1);
                created++;
            }
        }
        int electionsCreated = elections.seed();
        List<String> lines = new ArrayList<>();
        for (DemoAccount demo : ACCOUNTS) {
            String password = PasswordGenerator.generate(random);
            Account account = accounts.findByUsername(demo.username()).orElse(null);
            if (account == null) {
                Organisation organisation = organisations.findByName(demo.organisation()).orElseThrow();
                accounts.createBySystem(new NewAccount(demo.username(), password, demo.displayName(), null,
                        organisation.id(), demo.role(), false));
            } else {
                accounts.resetPasswordBySystem(account.id(), password);
            }
            lines.add(String.format("  │   %-17s %-24s %-14s %s", demo.username(), password, demo.role(), demo.organisation()));
        }
        if (created == ORGANISATIONS.size()) { // the first demo start: share as the demo people would
            java.util.Map<String, Organisation> byName = new java.util.HashMap<>();
            ORGANISATIONS.forEach(o -> byName.put(o.name(), organisations.findByName(o.name()).orElseThrow()));
            UUID cell = sharing.seed(accounts.findByUsername("commission-admin").orElseThrow(), byName,
                    accounts.findByUsername("agency-analyst").orElseThrow());
            alerts.seed(accounts.findByUsername("commission-admin").orElseThrow().member(),
                    accounts.findByUsername("agency-analyst").orElseThrow().member(),
                    byName.get("Valdoria Electoral Commission").id());
            String fakeAudio = reports.seed(accounts.findByUsername("commission-admin").orElseThrow().member(),
                    accounts.findByUsername("agency-analyst").orElseThrow().member(), byName,
                    elections.legislative());
            response.seed(accounts.findByUsername("commission-admin").orElseThrow().member(), cell, byName, fakeAudio);
        }
        monitoring.seed(accounts.findByUsername("commission-admin").orElseThrow().member());
        List<DemoPanel.Credentials> panelAccounts = panel.seed(accounts.findByUsername("commission-admin").orElseThrow().member(),
                accounts.findByUsername("agency-analyst").orElseThrow().member(), elections.legislative());
        log.info("Demo data ready: {} organisations and {} elections created, {} demo accounts", created, electionsCreated,
                ACCOUNTS.size() + panelAccounts.size());
        print(lines, panelAccounts);
    }

    private void print(List<String> lines, List<DemoPanel.Credentials> panelAccounts) {
        console.println();
        console.println("  ┌──────────────────────────────────────────────────────────────────────────────");
        console.println("  │ Vigie demo: the Republic of Valdoria (fictional, country code XV)");
        console.println("  │ Demo accounts (new passwords at every --demo start):");
        console.println(String.format("  │   %-17s %-24s %-14s %s", "username", "password", "role", "organisation"));
        lines.forEach(console::println);
        console.println("  │ Expert panel of the 2027 legislative election (" + DemoPanel.PANEL + "):");
        for (DemoPanel.Credentials c : panelAccounts) {
            DemoPanel.DemoPanelAccount a = c.account();
            console.println(String.format("  │   %-17s %-24s %-14s %s", a.username(), c.password(),
                    a.role() == null ? "PLATFORM ADMIN" : a.role().name(),
                    a.role() == null ? "manages the panel (no organisation)" : a.publicTitle() + ", " + a.organisation()));
        }
        console.println("  └──────────────────────────────────────────────────────────────────────────────");
        console.println();
    }

}
