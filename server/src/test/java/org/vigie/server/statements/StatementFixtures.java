package org.vigie.server.statements;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.ReportFiling;

/**
 * A panel that decided, for statement tests: members (accounts of their own organisation), a
 * referral of one report naming a target organisation, and a decision row. The panel's own rows
 * (panels, members, referral, recusals, decision) are written straight into the V19 tables, as the
 * panel feature would write them: this module only reads them.
 */
final class StatementFixtures {

    record Person(UUID account, UUID organisation, String username, Api client) {
    }

    /** A panel with its members and one referral decided as given. */
    record Case(UUID panel, UUID election, List<Person> members, UUID referral, UUID decision, UUID target, String reportId) {
    }

    private final Fixtures fixtures;
    private final JdbcClient jdbc;

    StatementFixtures(Fixtures fixtures, JdbcClient jdbc) {
        this.fixtures = fixtures;
        this.jdbc = jdbc;
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

    /** A panel of {@code size} members (CONSENSUS, or QUORUM with {@code quorum}) and a referral decided {@code outcome}. */
    Case decided(int size, Integer quorum, String outcome) {
        UUID election = ReportFiling.election(fixtures);
        UUID panel = UUID.randomUUID();
        Instant now = Instant.now();
        UUID admin = jdbc.sql("SELECT id FROM accounts WHERE username = 'admin'").query(UUID.class).single();
        jdbc.sql("""
                INSERT INTO panels (id, name, election_id, decision_rule, quorum, created_by, created_at, updated_at)
                VALUES (:id, :name, :e, :rule, :quorum, :by, :now, :now)""")
                .param("id", panel).param("name", Fixtures.unique("Panel")).param("e", election)
                .param("rule", quorum == null ? "CONSENSUS" : "QUORUM").param("quorum", quorum).param("by", admin)
                .param("now", Timestamp.from(now)).update();
        List<Person> members = new ArrayList<>();
        UUID organisation = fixtures.organisation("RESEARCH");
        for (int i = 0; i < size; i++) {
            Person member = person(organisation, "ANALYST");
            jdbc.sql("INSERT INTO panel_members (panel_id, account_id, role, public_title, added_at) VALUES (:p, :a, :r, 'Expert', :now)")
                    .param("p", panel).param("a", member.account()).param("r", i == 0 ? "CHAIR" : "MEMBER").param("now", Timestamp.from(now))
                    .update();
            members.add(member);
        }
        UUID target = targetOrganisation();
        Person analyst = person(fixtures.organisation("CIVIL_SOCIETY"), "ANALYST");
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("category", "GOVERNMENT_INSTITUTION");
        t.put("organisationId", target.toString());
        String reportId = ReportFiling.report("Restricted report " + UUID.randomUUID(), election).with("tlp", "AMBER")
                .with("targets", List.of(t)).fileAs(analyst.client());
        UUID referral = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO panel_referrals (id, panel_id, kind, title, cover_note, referred_by, referred_at)
                VALUES (:id, :p, 'REPORT', 'Referral of a restricted report', 'restricted cover note', :by, :now)""")
                .param("id", referral).param("p", panel).param("by", analyst.account()).param("now", Timestamp.from(now)).update();
        jdbc.sql("INSERT INTO panel_referral_subjects (referral_id, subject_id, subject_type) VALUES (:r, :s, 'report')")
                .param("r", referral).param("s", reportId).update();
        UUID decision = decide(referral, outcome, members.get(0).account(), null);
        return new Case(panel, election, members, referral, decision, target, reportId);
    }

    UUID decide(UUID referral, String outcome, UUID by, UUID corrects) {
        UUID decision = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO panel_decisions (id, referral_id, outcome, tally, rationale, recorded_by, decided_at, corrects, correction_reason)
                VALUES (:id, :r, :o, '{"rule": "CONSENSUS"}'::jsonb, 'restricted rationale', :by, :at, :c, :reason)""")
                .param("id", decision).param("r", referral).param("o", outcome).param("by", by)
                .param("at", Timestamp.from(Instant.now())).param("c", corrects).param("reason", corrects == null ? null : "corrected")
                .update();
        return decision;
    }

    void recuse(UUID referral, UUID account) {
        jdbc.sql("INSERT INTO panel_recusals (referral_id, account_id, reason, recorded_at) VALUES (:r, :a, 'declared interest', now())")
                .param("r", referral).param("a", account).update();
    }

    /** A referral on the same panel with no decision yet. */
    UUID undecidedReferral(Case c) {
        UUID referral = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO panel_referrals (id, panel_id, kind, title, referred_by, referred_at)
                VALUES (:id, :p, 'REPORT', 'Undecided', :by, now())""").param("id", referral).param("p", c.panel())
                .param("by", c.members().get(0).account()).update();
        return referral;
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
