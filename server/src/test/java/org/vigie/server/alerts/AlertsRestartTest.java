package org.vigie.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.Mailbox;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.StandaloneVigie;

/**
 * A whole Vigie as {@code vigie serve} runs it, on its own data directory, with the production
 * defaults the shared test application changes: internal webhook targets refused (SSRF) and the
 * delivery loop running. The crash story: the process stops after the report and its notification
 * committed and before anything was delivered; restarted on the same data, it delivers.
 */
class AlertsRestartTest {

    @RegisterExtension
    static Mailbox smtp = new Mailbox();

    @TempDir
    Path data;

    private String[] mailArguments(String... more) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(), "--management.health.mail.enabled=false"));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    @Test
    void aNotificationCommittedBeforeTheProcessStoppedIsDeliveredAfterTheRestart() throws Exception {
        String keyword = "crash" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String address;
        String reportId;
        try (StandaloneVigie first = StandaloneVigie.start(data, mailArguments("--vigie.alerts.scheduled=false"))) {
            Fixtures fixtures = first.fixtures();
            String username = fixtures.account(fixtures.organisation("MEDIA"), "ANALYST");
            address = username + "@example.org";
            JdbcClient jdbc = first.bean(JdbcClient.class);
            jdbc.sql("UPDATE accounts SET email = :e WHERE username = :u").param("e", address).param("u", username).update();
            assertThat(fixtures.signedIn(username).post("/api/v1/subscriptions", Map.of("name", "Crash watch", "channels", List.of("EMAIL"),
                    "watchList", List.of(Map.of("type", "keyword", "value", keyword)))).status()).isEqualTo(201);
            Api author = fixtures.signedIn(fixtures.account(fixtures.organisation("ELECTION_MANAGEMENT_BODY"), "ANALYST"));
            Map<String, Object> filed = new LinkedHashMap<>();
            filed.put("title", "Deepfake of the returning officer " + keyword);
            filed.put("types", List.of("IMPERSONATION"));
            filed.put("outcome", "ATTEMPTED");
            filed.put("tlp", "CLEAR");
            Api.Response response = author.post("/api/v1/reports", filed);
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            reportId = response.json().get("id").asText();
            assertThat(jdbc.sql("SELECT status FROM notifications WHERE subject_id = :s AND channel = 'EMAIL'").param("s", reportId)
                    .query(String.class).list()).as("committed with the report, not delivered").containsExactly("PENDING");
        } // the process stops here: nothing was delivered
        assertThat(smtp.to(address)).isEmpty();

        try (StandaloneVigie second = StandaloneVigie.start(data, mailArguments())) {
            // the delivery loop runs on its own; wait for the message it sends (GreenMail's wait, no sleeping loop here)
            assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
            List<MimeMessage> received = smtp.to(address);
            assertThat(received).hasSize(1);
            assertThat(received.get(0).getSubject()).contains(keyword);
            JdbcClient jdbc = second.bean(JdbcClient.class);
            // the outcome is recorded right after the SMTP server accepted the message
            Awaitility.await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(jdbc.sql(
                    "SELECT status FROM notifications WHERE subject_id = :s AND channel = 'EMAIL'")
                    .param("s", reportId).query(String.class).list()).containsExactly("DELIVERED"));
        }
    }

    @Test
    void webhookUrlsReachingInsideAreRefusedWhenSavedUnlessTheAdministratorAllowsThem() {
        try (StandaloneVigie hub = StandaloneVigie.start(data, mailArguments("--vigie.alerts.scheduled=false"))) {
            Fixtures fixtures = hub.fixtures();
            Api client = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ANALYST"));
            for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/hook",
                    "http://192.168.0.10/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook",
                    "http://[::ffff:127.0.0.1]/hook", "https://100.64.0.1/hook", "http://0.0.0.0/hook")) {
                Api.Response refused = client.post("/api/v1/subscriptions", Map.of("name", "inside", "channels", List.of("WEBHOOK"),
                        "webhookUrl", url));
                assertThat(refused.status()).as(url).isEqualTo(400);
                assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("webhookUrl");
                assertThat(refused.json().get("detail").asText()).as(url).contains("VIGIE_ALLOW_PRIVATE_WEBHOOKS");
            }
            Api.Response scheme = client.post("/api/v1/subscriptions", Map.of("name", "x", "channels", List.of("WEBHOOK"),
                    "webhookUrl", "gopher://example.org/x"));
            assertThat(scheme.status()).isEqualTo(400);
            assertThat(scheme.json().get("errors").get(0).get("field").asText()).isEqualTo("webhookUrl");
            assertThat(client.get("/api/v1/subscriptions").json().get("subscriptions")).as("nothing half-written").isEmpty();
        }
        try (StandaloneVigie closedNetwork = StandaloneVigie.start(data, mailArguments("--vigie.alerts.scheduled=false",
                "--vigie.webhooks.allow-private-targets=true"))) {
            Fixtures fixtures = closedNetwork.fixtures();
            Api client = fixtures.signedIn(fixtures.account(fixtures.organisation("MEDIA"), "ANALYST"));
            assertThat(client.post("/api/v1/subscriptions", Map.of("name", "inside", "channels", List.of("WEBHOOK"),
                    "webhookUrl", "http://10.1.2.3/hook")).status()).as("allowed on a closed network").isEqualTo(201);
        }
    }

}
