package org.vigie.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.Mailbox;
import org.vigie.server.support.Api;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.MutableClock;
import org.vigie.server.support.VigieTest;

/** The e-mail channel against a real SMTP server (GreenMail) on a free port. */
@VigieTest
class EmailChannelTest {

    @RegisterExtension
    static Mailbox smtp = new Mailbox();

    @LocalServerPort
    int port;


    @Autowired
    DeliveryWorker worker;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }


    record Subscriber(String address, UUID organisation, String username) {
    }

    private Subscriber subscriber(Fixtures fixtures) {
        return subscriber(fixtures, "IMMEDIATE");
    }

    private Subscriber subscriber(Fixtures fixtures, String mode) {
        UUID organisation = fixtures.organisation("MEDIA");
        String username = fixtures.account(organisation, "ANALYST");
        String address = username + "@example.org";
        jdbc.sql("UPDATE accounts SET email = :email WHERE username = :u").param("email", address).param("u", username).update();
        Api client = fixtures.signedIn(username);
        assertThat(client.post("/api/v1/subscriptions", Map.of("name", "Mail " + username, "channels", List.of("EMAIL"),
                "types", List.of("IMPERSONATION"), "mode", mode)).status()).isEqualTo(201);
        return new Subscriber(address, organisation, username);
    }

    private static String file(Api author, String title, String tlp, UUID recipientOrganisation) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("title", title);
        report.put("summary", "Summary that must not leak " + title);
        report.put("types", List.of("IMPERSONATION"));
        report.put("outcome", "ATTEMPTED");
        report.put("tlp", tlp);
        report.put("organisations", List.of(recipientOrganisation));
        Api.Response filed = author.post("/api/v1/reports", report);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.json().get("id").asText();
    }


    @Test
    void aMatchingReportReachesTheSubscriberByEmailWithTheContentTheyMaySee() throws Exception {
        Fixtures fixtures = new Fixtures(port);
        Subscriber subscriber = subscriber(fixtures);
        Api author = fixtures.signedIn(fixtures.account(fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ANALYST"));
        String id = file(author, "Fake candidate account " + UUID.randomUUID(), "AMBER", subscriber.organisation());

        worker.deliverAllDue();

        List<MimeMessage> received = smtp.to(subscriber.address());
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).startsWith("[Vigie] TLP:AMBER Fake candidate account");
        String body = (String) mail.getContent(); // decoded (the raw body is quoted-printable)
        assertThat(body).contains("TLP:AMBER", "Fake candidate account");
        assertThat(mail.getHeader("X-Vigie-Idempotency-Key")[0]).endsWith(":EMAIL");
        assertThat(opened(id)).as("not opened yet").isFalse();

        String link = openLink(body);
        BrowserSession someoneElse = BrowserSession.signedIn(port, fixtures.account(fixtures.organisation("MEDIA"), "ANALYST"),
                Fixtures.PASSWORD);
        assertThat(someoneElse.get(link).status()).as("someone else's alert").isEqualTo(404);
        BrowserSession recipient = BrowserSession.signedIn(port, subscriber.username(), Fixtures.PASSWORD);
        BrowserSession.Page followed = recipient.get(link);
        assertThat(followed.status()).isEqualTo(302);
        assertThat(followed.location()).endsWith("/reports/" + id);
        assertThat(opened(id)).as("following the e-mail's link records the opening").isTrue();
    }

    private static String openLink(String body) {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://[^/\\s]+(/notifications/[0-9a-f-]+/open)").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        return link.group(1);
    }

    private boolean opened(String reportId) {
        return jdbc.sql("SELECT opened_at IS NOT NULL FROM notifications WHERE subject_id = :id AND channel = 'EMAIL'").param("id", reportId)
                .query(Boolean.class).single();
    }

    @Test
    void anAmberStrictOrRedReportIsAnnouncedByLinkAndMarkingOnly() throws Exception {
        Fixtures fixtures = new Fixtures(port);
        Subscriber subscriber = subscriber(fixtures);
        Api author = fixtures.signedIn(fixtures.account(fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ANALYST"));
        String title = "Strict secret " + UUID.randomUUID();
        String id = file(author, title, "AMBER_STRICT", subscriber.organisation());

        worker.deliverAllDue();

        List<MimeMessage> received = smtp.to(subscriber.address());
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        String body = (String) mail.getContent(); // decoded (the raw body is quoted-printable)
        assertThat(mail.getSubject()).isEqualTo("[Vigie] TLP:AMBER+STRICT new report");
        assertThat(body).contains("TLP:AMBER+STRICT", "/notifications/").doesNotContain(title).doesNotContain("must not leak");
    }

    @Test
    void aDailyDigestIsOneEmailGatheringEveryReportOfTheDay() throws Exception {
        Fixtures fixtures = new Fixtures(port);
        Subscriber subscriber = subscriber(fixtures, "DAILY");
        Api author = fixtures.signedIn(fixtures.account(fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ANALYST"));
        String first = "Digest first " + UUID.randomUUID();
        String second = "Digest second " + UUID.randomUUID();
        String strict = "Digest strict " + UUID.randomUUID();
        file(author, first, "AMBER", subscriber.organisation());
        file(author, second, "AMBER", subscriber.organisation());
        file(author, strict, "AMBER_STRICT", subscriber.organisation());

        worker.deliverAllDue();
        assertThat(smtp.to(subscriber.address())).as("the day is not over").isEmpty();

        clock.advance(Duration.ofDays(1));
        worker.deliverAllDue();
        List<MimeMessage> received = smtp.to(subscriber.address());
        assertThat(received).as("one e-mail for the day").hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).startsWith("[Vigie] 3 reports");
        String body = (String) mail.getContent();
        assertThat(body).contains(first, second, "TLP:AMBER+STRICT", "/notifications/").doesNotContain(strict);
        assertThat(mail.getHeader("X-Vigie-Idempotency-Key")[0]).startsWith("digest-");

        clock.advance(Duration.ofDays(1));
        worker.deliverAllDue();
        assertThat(smtp.to(subscriber.address())).hasSize(1);
    }

    @Test
    void someoneWhoChoseFrenchReceivesTheAlertInFrench() throws Exception {
        Fixtures fixtures = new Fixtures(port);
        Subscriber subscriber = subscriber(fixtures);
        jdbc.sql("UPDATE accounts SET locale = 'fr' WHERE username = :u").param("u", subscriber.username()).update();
        Api author = fixtures.signedIn(fixtures.account(fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ANALYST"));
        file(author, "Strict " + UUID.randomUUID(), "AMBER_STRICT", subscriber.organisation());

        worker.deliverAllDue();

        MimeMessage mail = smtp.to(subscriber.address()).get(0);
        assertThat(mail.getSubject()).isEqualTo("[Vigie] TLP:AMBER+STRICT nouveau signalement");
        assertThat((String) mail.getContent()).contains("correspond à votre abonnement", "modifiez vos abonnements");
    }
}
