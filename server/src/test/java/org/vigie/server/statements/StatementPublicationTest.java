package org.vigie.server.statements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.MutableClock;
import org.vigie.server.support.VigieTest;

/**
 * From an approved statement to publication: the notices go a lead time before the scheduled moment,
 * all in one batch at one instant — private notices to the targets, the same pre-announcement to every
 * registered party and the election management body — and the job publishes only after them.
 */
@VigieTest
class StatementPublicationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    Publication publication;

    @Autowired
    Statements statements;

    Fixtures fixtures;
    StatementFixtures panel;

    @BeforeEach
    void setUp() {
        panel = new StatementFixtures(port, context, jdbc);
        fixtures = panel.fixtures();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A party with an analyst (with an e-mail address) and a point of contact. */
    private UUID party(String sector) {
        UUID organisation = fixtures.organisation(sector);
        StatementFixtures.Person analyst = panel.person(organisation, "ANALYST");
        jdbc.sql("UPDATE accounts SET email = :e WHERE id = :id").param("e", analyst.username() + "@party.example")
                .param("id", analyst.account()).update();
        fixtures.admin().post("/api/v1/organisations/" + organisation + "/contacts", Map.of("topic", "MEDIA", "name", "Press office",
                "email", "press-" + UUID.randomUUID().toString().substring(0, 8) + "@party.example"));
        return organisation;
    }

    private UUID approvedAndScheduled(StatementFixtures.Case c, Instant at) {
        Api.Response created = c.members().get(0).client().post("/api/v1/statements", StatementFixtures.request(c.decision(), "ordering"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().at("/statement/id").asText());
        for (StatementFixtures.Person member : c.members()) {
            assertThat(member.client().post("/api/v1/statements/" + id + "/approvals", Map.of("version", 1)).status()).isEqualTo(201);
        }
        Api.Response scheduled = c.members().get(c.members().size() - 1).client().put("/api/v1/statements/" + id + "/schedule",
                Map.of("scheduledFor", at.toString()));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        return id;
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT status FROM panel_statements WHERE id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void targetAndPreAnnouncementNoticesGoInOneBatchToEveryPartyAndTheElectionBodyBeforePublication() {
        StatementFixtures.Case c = panel.decided(3, null, "PUBLIC_ANNOUNCEMENT");
        UUID partyA = party("POLITICAL_PARTY");
        UUID partyB = party("POLITICAL_PARTY");
        UUID electionBody = party("ELECTION_MANAGEMENT_BODY");
        Instant publishAt = clock.instant().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        UUID id = approvedAndScheduled(c, publishAt);
        assertThat(status(id)).isEqualTo("APPROVED");

        // before the notice time: nothing happens
        publication.runDue();
        assertThat(status(id)).isEqualTo("APPROVED");
        assertThat(jdbc.sql("SELECT count(*) FROM panel_notices WHERE statement_id = :s").param("s", id).query(Integer.class).single()).isZero();

        // the lead time before publication: every notice, one batch, one instant; not published yet
        clock.advance(Duration.between(clock.instant(), publishAt.minus(statements.leadTime())).plusSeconds(1));
        publication.runDue();
        assertThat(status(id)).isEqualTo("NOTICES_SENT");
        List<Map<String, Object>> notices = jdbc.sql("""
                        SELECT n.batch_id, n.sent_at, n.kind, n.organisation_id, x.payload::text AS payload, x.created_at, x.channel
                        FROM panel_notices n JOIN notifications x ON x.id = n.notification_id WHERE n.statement_id = :s""")
                .param("s", id).query().listOfRows();
        assertThat(notices).isNotEmpty();
        assertThat(notices.stream().map(n -> n.get("batch_id")).distinct()).hasSize(1);
        assertThat(notices.stream().map(n -> n.get("sent_at")).distinct()).hasSize(1);
        assertThat(notices.stream().map(n -> n.get("created_at")).distinct()).hasSize(1);

        Set<Object> targets = organisations(notices, "TARGET");
        assertThat(targets).containsExactly(c.target());

        // ALL registered parties and election bodies of the election's country that have someone to tell
        Set<Object> reachable = new HashSet<>(jdbc.sql("""
                SELECT o.id FROM organisations o WHERE o.sector IN ('POLITICAL_PARTY', 'ELECTION_MANAGEMENT_BODY') AND o.country = 'FR'
                  AND (EXISTS (SELECT 1 FROM accounts a WHERE a.organisation_id = o.id AND a.enabled)
                       OR EXISTS (SELECT 1 FROM points_of_contact p WHERE p.organisation_id = o.id AND p.email IS NOT NULL))""")
                .query(UUID.class).list());
        Set<Object> preAnnounced = organisations(notices, "PRE_ANNOUNCEMENT");
        assertThat(preAnnounced).contains(partyA, partyB, electionBody).isEqualTo(reachable);
        // each of them in the app, by e-mail to the account, and to the point of contact
        for (UUID organisation : List.of(partyA, partyB, electionBody)) {
            assertThat(notices.stream().filter(n -> organisation.equals(n.get("organisation_id"))).map(n -> n.get("channel")))
                    .containsExactlyInAnyOrder("IN_APP", "EMAIL", "EMAIL");
        }

        // identical content: one subject line and one body for every pre-announcement
        List<JsonNode> payloads = notices.stream().filter(n -> "PRE_ANNOUNCEMENT".equals(n.get("kind")))
                .map(n -> read((String) n.get("payload"))).toList();
        assertThat(payloads.stream().map(p -> p.get("body").asText()).distinct()).hasSize(1);
        assertThat(payloads.stream().map(p -> p.get("subjectLine").asText()).distinct()).hasSize(1);
        String body = payloads.get(0).get("body").asText();
        assertThat(body).contains("Fake election commission website ordering", "Faux site de la commission ordering",
                "A fake website copies the election commission.", "/public/statements/");
        // nothing but the approved text: not the report, the referral's note or the decision's rationale
        assertThat(body).doesNotContain(StatementFixtures.RESTRICTED_TITLE, StatementFixtures.RESTRICTED_NOTE, "The panel's rationale", "Justification of", c.reportId());

        // a party's analyst reads it in the app
        UUID analystAccount = jdbc.sql("SELECT id FROM accounts WHERE organisation_id = :o").param("o", partyA).query(UUID.class).single();
        String username = jdbc.sql("SELECT username FROM accounts WHERE id = :id").param("id", analystAccount).query(String.class).single();
        Api partyClient = fixtures.signedIn(username);
        JsonNode inbox = partyClient.get("/api/v1/notifications").json();
        assertThat(inbox.get("notifications").findValuesAsText("link")).contains("/statements/" + id + "/notice");
        assertThat(partyClient.get("/api/v1/statements/" + id).status()).as("the panel's view stays the panel's").isEqualTo(404);

        // notices sent, the text is frozen
        Api.Response edit = c.members().get(0).client().put("/api/v1/statements/" + id, StatementFixtures.request(null, "late edit"));
        assertThat(edit.status()).isEqualTo(409);

        // the scheduled time: published, after the notices
        clock.advance(statements.leadTime());
        publication.runDue();
        assertThat(status(id)).isEqualTo("PUBLISHED");
        Map<String, Object> times = jdbc.sql("SELECT notices_sent_at, published_at FROM panel_statements WHERE id = :id").param("id", id)
                .query().singleRow();
        Instant sent = ((java.sql.Timestamp) times.get("notices_sent_at")).toInstant();
        Instant published = ((java.sql.Timestamp) times.get("published_at")).toInstant();
        assertThat(sent).isBefore(published);
        assertThat(published).isAfterOrEqualTo(publishAt);
        assertThat(audited("statement.notices-sent", id)).isEqualTo(1);
        assertThat(audited("statement.published", id)).isEqualTo(1);
    }

    @Test
    void theJobNeverPublishesAStatementWhoseNoticesHaveNotGone() {
        StatementFixtures.Case c = panel.decided(1, null, "PUBLIC_ANNOUNCEMENT");
        Instant publishAt = clock.instant().plus(3, ChronoUnit.HOURS);
        Api.Response created = c.members().get(0).client().post("/api/v1/statements", StatementFixtures.request(c.decision(), "unapproved"));
        UUID id = UUID.fromString(created.json().at("/statement/id").asText());
        c.members().get(0).client().put("/api/v1/statements/" + id + "/schedule", Map.of("scheduledFor", publishAt.toString()));

        // never approved: long past its time, still a draft, nobody told, nothing published
        clock.advance(Duration.ofHours(5));
        publication.runDue();
        assertThat(status(id)).isEqualTo("DRAFT");

        // approved late: the notices go now, and publication waits the whole lead time after them
        assertThat(c.members().get(0).client().post("/api/v1/statements/" + id + "/approvals", Map.of("version", 1)).status()).isEqualTo(201);
        publication.runDue();
        assertThat(status(id)).isEqualTo("NOTICES_SENT");
        publication.runDue();
        assertThat(status(id)).as("the parties get the full lead time even when the scheduled time has passed").isEqualTo("NOTICES_SENT");
        clock.advance(statements.leadTime());
        publication.runDue();
        assertThat(status(id)).isEqualTo("PUBLISHED");
    }

    @Test
    void aDecisionCorrectedToNoAnnouncementWithdrawsTheStatementInsteadOfPublishingIt() {
        StatementFixtures.Case c = panel.decided(1, null, "PUBLIC_ANNOUNCEMENT");
        Instant publishAt = clock.instant().plus(3, ChronoUnit.HOURS);
        UUID id = approvedAndScheduled(c, publishAt);
        panel.correctTo(c.decision(), "NO_PUBLIC_ANNOUNCEMENT");

        clock.advance(Duration.ofHours(4));
        publication.runDue();

        assertThat(status(id)).isEqualTo("WITHDRAWN");
        assertThat(jdbc.sql("SELECT count(*) FROM panel_notices WHERE statement_id = :s").param("s", id).query(Integer.class).single()).isZero();
        assertThat(audited("statement.withdrawn", id)).isEqualTo(1);
    }

    @Test
    void whenTheDecisionIsCorrectedAfterTheNoticesEveryoneToldIsToldItWillNotBePublished() {
        StatementFixtures.Case c = panel.decided(1, null, "PUBLIC_ANNOUNCEMENT");
        UUID party = party("POLITICAL_PARTY");
        UUID id = approvedAndScheduled(c, clock.instant().plus(3, ChronoUnit.HOURS));
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        publication.runDue();
        assertThat(status(id)).isEqualTo("NOTICES_SENT");
        int notices = jdbc.sql("SELECT count(*) FROM panel_notices WHERE statement_id = :s").param("s", id).query(Integer.class).single();

        panel.correctTo(c.decision(), "NO_PUBLIC_ANNOUNCEMENT");
        clock.advance(Duration.ofHours(3));
        publication.runDue();

        assertThat(status(id)).isEqualTo("WITHDRAWN");
        List<String> withdrawals = jdbc.sql("""
                        SELECT payload ->> 'body' FROM notifications WHERE subject_id = :s AND payload ->> 'noticeKind' = 'WITHDRAWN'""")
                .param("s", "publication:" + id).query(String.class).list();
        assertThat(withdrawals).hasSize(notices);
        assertThat(withdrawals.stream().distinct()).hasSize(1);
        assertThat(withdrawals.get(0)).contains("WITHDRAWN", "RETRAIT", "will not publish");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM notifications x JOIN accounts a ON a.id = x.recipient_account
                        WHERE x.subject_id = :s AND x.payload ->> 'noticeKind' = 'WITHDRAWN' AND a.organisation_id = :o""")
                .param("s", "publication:" + id).param("o", party).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aPublishedStatementIsNeverEditedOnlyCorrectedWithADatedAddition() {
        StatementFixtures.Case c = panel.decided(1, null, "PUBLIC_ANNOUNCEMENT");
        Instant publishAt = clock.instant().plus(3, ChronoUnit.HOURS);
        UUID id = approvedAndScheduled(c, publishAt);
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        publication.runDue();
        clock.advance(Duration.ofHours(2));
        publication.runDue();
        assertThat(status(id)).isEqualTo("PUBLISHED");
        Api member = c.members().get(0).client();

        Api.Response edit = member.put("/api/v1/statements/" + id, StatementFixtures.request(null, "rewritten"));
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.json().get("detail").asText()).contains("never edited", "correction", "/api/v1/statements/" + id + "/corrections");
        assertThat(member.post("/api/v1/statements/" + id + "/approvals", Map.of("version", 1)).status()).isEqualTo(409);
        assertThat(member.put("/api/v1/statements/" + id + "/schedule", Map.of("scheduledFor", publishAt.plus(Duration.ofDays(1)).toString()))
                .status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM panel_statement_versions WHERE statement_id = :s").param("s", id).query(Integer.class)
                .single()).isEqualTo(1);

        Api.Response corrected = member.post("/api/v1/statements/" + id + "/corrections",
                Map.of("textFr", "Le site a été fermé le 5 octobre.", "textEn", "The site was taken down on 5 October."));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
        assertThat(corrected.json().at("/correction/publishedAt").asText()).as("a one-member panel's approval is the rule").isNotBlank();
        assertThat(member.get("/api/v1/statements/" + id).json().get("corrections").findValuesAsText("textEn"))
                .containsExactly("The site was taken down on 5 October.");
        assertThat(audited("statement.corrected", id)).isEqualTo(1);

        Api.Response half = member.post("/api/v1/statements/" + id + "/corrections", Map.of("textFr", "Seulement en français.", "textEn", " "));
        assertThat(half.status()).isEqualTo(400);
        assertThat(half.json().get("errors").findValuesAsText("field")).containsExactly("textEn");
    }

    @Test
    void aCorrectionIsPublishedOnlyOnceThePanelApprovesItUnderItsRule() {
        StatementFixtures.Case c = panel.decided(2, null, "PUBLIC_ANNOUNCEMENT");
        UUID id = approvedAndScheduled(c, clock.instant().plus(3, ChronoUnit.HOURS));
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        publication.runDue();
        clock.advance(Duration.ofHours(2));
        publication.runDue();
        assertThat(status(id)).isEqualTo("PUBLISHED");

        Api.Response proposed = c.members().get(0).client().post("/api/v1/statements/" + id + "/corrections",
                Map.of("textFr", "Le site a été fermé.", "textEn", "The site was taken down."));
        assertThat(proposed.status()).isEqualTo(201);
        assertThat(proposed.json().get("published").asBoolean()).isFalse();
        assertThat(proposed.json().get("pendingReason").asText()).contains("waiting for 1 of 2");
        assertThat(jdbc.sql("SELECT count(*) FROM panel_statement_corrections WHERE statement_id = :s").param("s", id).query(Integer.class)
                .single()).as("nothing public before the panel approves").isZero();
        String proposal = proposed.json().at("/proposal/id").asText();
        assertThat(c.members().get(0).client().post("/api/v1/statements/" + id + "/corrections/" + proposal + "/approvals", Map.of())
                .status()).as("approved already, by proposing it").isEqualTo(409);

        Api.Response approved = c.members().get(1).client().post("/api/v1/statements/" + id + "/corrections/" + proposal + "/approvals",
                Map.of());
        assertThat(approved.status()).isEqualTo(201);
        assertThat(approved.json().get("published").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT text_en FROM panel_statement_corrections WHERE statement_id = :s").param("s", id).query(String.class)
                .list()).containsExactly("The site was taken down.");
        assertThat(c.members().get(1).client().post("/api/v1/statements/" + id + "/corrections/" + UUID.randomUUID() + "/approvals",
                Map.of()).status()).isEqualTo(404);
    }

    private static Set<Object> organisations(List<Map<String, Object>> notices, String kind) {
        Set<Object> set = new HashSet<>();
        notices.stream().filter(n -> kind.equals(n.get("kind"))).forEach(n -> set.add(n.get("organisation_id")));
        return set;
    }

    private int audited(String action, UUID id) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = :a AND target_id = :id").param("a", action).param("id", id.toString())
                .query(Integer.class).single();
    }

    private static JsonNode read(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
