package org.vigie.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.core.accounts.Member;
import org.vigie.core.panel.Outcome;
import org.vigie.server.accounts.Accounts;
import org.vigie.server.panel.Decision;
import org.vigie.server.panel.Decisions;
import org.vigie.server.panel.Panel;
import org.vigie.server.panel.Panels;
import org.vigie.server.panel.Referral;
import org.vigie.server.panel.Referrals;
import org.vigie.server.support.Api;
import org.vigie.server.support.StandaloneVigie;

/**
 * What the demo's expert panel must show, checked on the instances {@link DemoDataTest} starts (a
 * demo start takes seconds: the panel is checked on the same two starts, not on two more).
 */
final class DemoPanelChecks {

    private DemoPanelChecks() {
    }

    /** After the first start: the panel, its three cases, and the statement on the public site in both languages. */
    static void assertSeeded(StandaloneVigie vigie) {
        Panels panels = vigie.bean(Panels.class);
        Referrals referrals = vigie.bean(Referrals.class);
        Decisions decisions = vigie.bean(Decisions.class);
        Member chair = vigie.bean(Accounts.class).findByUsername("panel-chair").orElseThrow().member();
        Member haddad = vigie.bean(Accounts.class).findByUsername("panel-haddad").orElseThrow().member();
        Panel panel = panels.list().stream().filter(p -> p.name().equals(DemoPanel.PANEL)).findFirst().orElseThrow();

        assertThat(panels.currentMembers(panel.id())).as("a chair and four members, each with a public title").hasSize(5)
                .allSatisfy(m -> assertThat(m.publicTitle()).isNotBlank())
                .extracting(m -> m.organisationName()).doesNotHaveDuplicates();
        assertThat(panel.rule().kind().name()).isEqualTo("CONSENSUS");
        assertThat(panels.interests(chair, panel.id())).singleElement()
                .satisfies(i -> assertThat(i.organisationName()).isEqualTo(DemoPanel.GREEN_ALLIANCE));

        List<Referrals.QueueEntry> queue = referrals.queue(chair, panel.id());
        assertThat(queue).as("the open accumulation waits in the queue").singleElement().satisfies(entry -> {
            assertThat(entry.referral().title()).isEqualTo(DemoPanel.FORGED_EMAILS);
            assertThat(entry.referral().kind()).isEqualTo(Referral.Kind.ACCUMULATION);
            assertThat(entry.referral().recused(haddad.accountId())).as("the member tied to the party is recused").isTrue();
            assertThat(entry.eligible()).isEqualTo(4);
        });

        Map<String, Referral> byTitle = new LinkedHashMap<>();
        referrals.all(chair, panel.id()).forEach(e -> byTitle.put(e.referral().title(), e.referral()));
        Decision announced = decisions.latest(byTitle.get(DemoPanel.POLLING_STATIONS).id()).orElseThrow();
        assertThat(announced.outcome()).isEqualTo(Outcome.PUBLIC_ANNOUNCEMENT);
        assertThat(announced.positions()).as("five assessments").hasSize(5);
        Decision notAnnounced = decisions.latest(byTitle.get(DemoPanel.PRE_MARKED).id()).orElseThrow();
        assertThat(notAnnounced.outcome()).isEqualTo(Outcome.NO_PUBLIC_ANNOUNCEMENT);
        assertThat(notAnnounced.dissent()).as("one dissent recorded").hasSize(1);
        assertThat(notAnnounced.responseOptions()).extracting(r -> r.option().name()).contains("PRIVATE_NOTICE_TO_TARGETS");

        JdbcClient jdbc = vigie.bean(JdbcClient.class);
        Map<String, Object> statement = jdbc.sql("SELECT status, notices_sent_at, published_at FROM panel_statements WHERE decision_id = :d")
                .param("d", announced.id()).query().singleRow();
        assertThat(statement.get("status")).isEqualTo("PUBLISHED");
        Instant noticesSent = ((java.sql.Timestamp) statement.get("notices_sent_at")).toInstant();
        Instant published = ((java.sql.Timestamp) statement.get("published_at")).toInstant();
        assertThat(noticesSent).as("the notices went before the publication").isBefore(published);
        assertThat(published).as("published at start, so in the past").isBeforeOrEqualTo(Instant.now());
        assertThat(jdbc.sql("SELECT count(DISTINCT batch_id) FROM panel_notices n JOIN panel_statements s ON s.id = n.statement_id "
                + "WHERE s.decision_id = :d AND n.kind = 'PRE_ANNOUNCEMENT'").param("d", announced.id()).query(Integer.class).single())
                .as("the parties and the election body told in one batch").isEqualTo(1);

        Api anonymous = Api.anonymous(vigie.port());
        assertThat(anonymous.get("/public/en/").body()).as("the public site in English")
                .contains(DemoPanel.STATEMENT_EN.title()).doesNotContain(DemoPanel.PRE_MARKED);
        assertThat(anonymous.get("/public/fr/").body()).as("the public site in French")
                .contains("De faux SMS annoncent que votre bureau de vote a changé");
    }

    /** Counts of everything the panel seeding writes, to compare between starts. */
    static Map<String, Integer> record(StandaloneVigie vigie) {
        JdbcClient jdbc = vigie.bean(JdbcClient.class);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : List.of("panels", "panel_members", "panel_interests", "panel_referrals", "panel_recusals", "panel_assessments",
                "panel_decisions", "panel_statements", "panel_statement_versions", "panel_statement_approvals", "panel_notices")) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single());
        }
        counts.put("published", jdbc.sql("SELECT count(*) FROM panel_statements WHERE status = 'PUBLISHED'").query(Integer.class).single());
        counts.put("panel audit events", jdbc.sql("SELECT count(*) FROM audit_log WHERE action LIKE 'panel.%' OR action LIKE 'statement.%'")
                .query(Integer.class).single());
        counts.put("accounts", jdbc.sql("SELECT count(*) FROM accounts").query(Integer.class).single());
        return counts;
    }
}
