package org.vigie.server.statements;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.alerts.DeliveryWorker;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.Mailbox;
import org.vigie.server.support.MutableClock;
import org.vigie.server.support.VigieTest;

/**
 * The notices leave by e-mail (a real SMTP server, GreenMail) to points of contact, who are not
 * accounts: the party's press office and the election body's desk receive the same text, in English
 * and French, with the publication time; the target's duty desk its private notice.
 */
@VigieTest
class StatementNoticeEmailTest {

    @RegisterExtension
    static Mailbox smtp = new Mailbox();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Publication publication;

    @Autowired
    DeliveryWorker worker;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String contact(Fixtures fixtures, UUID organisation) {
        String address = "desk-" + UUID.randomUUID().toString().substring(0, 8) + "@notice.example";
        assertThat(fixtures.admin().post("/api/v1/organisations/" + organisation + "/contacts",
                Map.of("topic", "DUTY_24_7", "name", "Desk", "email", address)).status()).isEqualTo(201);
        return address;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void partiesTheElectionBodyAndTheTargetAreEmailedTheApprovedTextBeforePublication() throws Exception {
        StatementFixtures panel = new StatementFixtures(port, context, jdbc);
        StatementFixtures.Case c = panel.decided(1, null, "PUBLIC_ANNOUNCEMENT");
        String party = contact(panel.fixtures(), panel.fixtures().organisation("POLITICAL_PARTY"));
        String electionBody = contact(panel.fixtures(), panel.fixtures().organisation("ELECTION_MANAGEMENT_BODY"));
        String target = jdbc.sql("SELECT email FROM points_of_contact WHERE organisation_id = :o").param("o", c.target())
                .query(String.class).single();
        Api member = c.members().get(0).client();
        UUID id = UUID.fromString(member.post("/api/v1/statements", StatementFixtures.request(c.decision(), "by mail")).json()
                .at("/statement/id").asText());
        member.post("/api/v1/statements/" + id + "/approvals", Map.of("version", 1));
        Instant at = clock.instant().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        member.put("/api/v1/statements/" + id + "/schedule", Map.of("scheduledFor", at.toString()));

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        publication.runDue();
        worker.deliverAllDue();

        List<MimeMessage> toParty = smtp.to(party);
        List<MimeMessage> toElectionBody = smtp.to(electionBody);
        assertThat(toParty).hasSize(1);
        assertThat(toElectionBody).hasSize(1);
        String body = (String) toParty.get(0).getContent();
        assertThat(toElectionBody.get(0).getContent()).isEqualTo(body);
        assertThat(toParty.get(0).getSubject()).isEqualTo(toElectionBody.get(0).getSubject())
                .contains("TLP:AMBER", "Pre-announcement", "Pré-annonce", "Fake election commission website by mail");
        assertThat(body).contains("PRE-ANNOUNCEMENT", "PRÉ-ANNONCE", "A fake website copies the election commission.",
                "Un faux site imite la commission électorale.", "What citizens should do", "Ce que les citoyens peuvent faire",
                Publication.UTC_TIME.format(at));
        assertThat(body).doesNotContain(StatementFixtures.RESTRICTED_TITLE, StatementFixtures.RESTRICTED_NOTE, c.reportId());

        // (the target was also told of the report itself when it was filed: a victim notice, ADR 0008)
        List<MimeMessage> toTarget = smtp.to(target).stream().filter(m -> subject(m).contains("Private notice")).toList();
        assertThat(toTarget).hasSize(1);
        assertThat((String) toTarget.get(0).getContent()).contains("PRIVATE NOTICE", "AVIS PRIVÉ", "A fake website copies the election commission.");
        assertThat(jdbc.sql("SELECT status FROM panel_statements WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("NOTICES_SENT");
    }
}
