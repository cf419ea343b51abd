package org.vigie.server.statements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.core.panel.DecisionRule;
import org.vigie.core.panel.Position;
import org.vigie.server.panel.PanelFixtures;
import org.vigie.server.panel.Referral;
import org.vigie.server.panel.ReferralRequest;
import org.vigie.server.panel.Referrals;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.ReportFiling;

/**
 * A panel that decided, for statement tests, built through the panel feature's services
 * ({@link PanelFixtures}): members, a referral of one restricted (AMBER) report naming a target
 * organisation, recusals if asked, every other member's position, and the decision.
 */
final class StatementFixtures {

    /** Strings of the restricted report, the referral and the decision: none may reach a statement or a notice. */
    static final String RESTRICTED_TITLE = "Restricted report";
    static final String RESTRICTED_NOTE = "restricted cover note";

    record Person(UUID account, UUID organisation, String username, Api client) {
    }

    record Case(UUID panel, UUID election, List<Person> members, UUID referral, UUID decision, UUID target, String reportId) {
    }

    private final Fixtures fixtures;
    private final PanelFixtures panels;
    private final Referrals referrals;
    private final JdbcClient jdbc;

    StatementFixtures(int port, ApplicationContext context, JdbcClient jdbc) {
        this.panels = new PanelFixtures(port, context);
        this.fixtures = panels.fixtures();
        this.referrals = context.getBean(Referrals.class);
        this.jdbc = jdbc;
    }

    Fixtures fixtures() {
        return fixtures;
    }

    Person person(UUID organisation, String role) {
        String username = fixtures.account(organisation, role);
        Api client = fixtures.signedIn(username);
        return new Person(UUID.fromString(client.get("/api/v1/me").json().get("id").asText()), organisation, username, client);
    }

    /** A target organisation with a 24/7 desk to e-mail. */
    UUID targetOrganisation() {
        UUID organisation = fixtures.organisation("GOVERNMENT_AGENCY");
        fixtures.admin().post("/api/v1/organisations/" + organisation + "/contacts", Map.of("topic", "DUTY_24_7", "name", "Duty desk",
                "email", "duty-" + UUID.randomUUID().toString().substring(0, 8) + "@target.example"));
        return organisation;
    }

    /**
     * A panel of {@code size} members (CONSENSUS, or QUORUM with {@code quorum}), a referral of an AMBER
     * report naming a target, the members at {@code recused} recused, every other member taking the
     * position that leads to {@code outcome}, and the decision.
     */
    Case decided(int size, Integer quorum, String outcome, int... recused) {
        PanelFixtures.Setup setup = panels.panel(size, quorum == null ? DecisionRule.consensus() : DecisionRule.quorum(quorum));
        UUID target = targetOrganisation();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("category", "GOVERNMENT_INSTITUTION");
        t.put("organisationId", target.toString());
        String reportId = panels.report(setup, ReportFiling.report(RESTRICTED_TITLE + " " + UUID.randomUUID(), setup.electionId())
                .with("tlp", "AMBER").with("targets", List.of(t)));
        Referral referral = referrals.refer(setup.analyst(), setup.panelId(), new ReferralRequest("Referral " + UUID.randomUUID(),
                RESTRICTED_NOTE, List.of(reportId)));
        for (int i : recused) {
            referrals.recuse(setup.member(i), referral.id(), "declared interest");
        }
        panels.allTake(setup, referral.id(), "PUBLIC_ANNOUNCEMENT".equals(outcome) ? Position.ANNOUNCE : Position.DO_NOT_ANNOUNCE);
        UUID decision = panels.decide(setup, referral.id()).id();
        List<Person> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String username = setup.memberUsernames().get(i);
            members.add(new Person(setup.member(i).accountId(), setup.member(i).organisationId(), username, fixtures.signedIn(username)));
        }
        return new Case(setup.panelId(), setup.electionId(), members, referral.id(), decision, target, reportId);
    }

    /**
     * A correction of the decision that stands to the other outcome. The panel's service recomputes a
     * correction from the assessments, closed once decided, so a change of outcome is written here as
     * the panel's service would store it: a copy of the row naming the one it corrects.
     */
    UUID correctTo(UUID decision, String outcome) {
        UUID correction = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO panel_decisions (id, referral_id, outcome, tally, dissent, response_options, rationale, recorded_by, decided_at,
                                             corrects, correction_reason)
                SELECT :id, referral_id, :o, tally, dissent, response_options, rationale, recorded_by, now(), id, 'new information'
                FROM panel_decisions WHERE id = :d""").param("id", correction).param("o", outcome).param("d", decision).update();
        return correction;
    }

    /** A referral on the same panel with no decision yet. */
    UUID undecidedReferral(Case c) {
        String analyst = jdbc.sql("""
                SELECT a.username FROM panel_referrals r JOIN accounts a ON a.id = r.referred_by WHERE r.id = :r""")
                .param("r", c.referral()).query(String.class).single();
        String reportId = ReportFiling.report("Undecided " + UUID.randomUUID(), c.election()).fileAs(fixtures.signedIn(analyst));
        return referrals.refer(panels.member(analyst), c.panel(), new ReferralRequest("Undecided", "", List.of(reportId))).id();
    }

    /** A complete statement request in both languages. */
    static Map<String, Object> request(UUID decision, String marker) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decisionId", decision == null ? null : decision.toString());
        body.put("fr", text("Faux site de la commission " + marker, "Un faux site imite la commission électorale."));
        body.put("en", text("Fake election commission website " + marker, "A fake website copies the election commission."));
        body.put("incidentType", "impersonation");
        body.put("cyclePhase", "CAMPAIGN");
        return body;
    }

    static Map<String, String> text(String title, String what) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("title", title);
        t.put("whatHappened", what);
        t.put("whoIsAffected", "Voters. Les électeurs.");
        t.put("whatToDo", "Check the address. Vérifiez l'adresse.");
        t.put("whatIsBeingDone", "The site is being taken down.");
        t.put("howThePanelDecided", "By consensus, against the published criteria.");
        return t;
    }
}
