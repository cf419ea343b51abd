package org.vigie.server.response;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.alerts.DeliveryWorker;
import org.vigie.server.support.Mailbox;
import org.vigie.server.support.Api;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.VigieTest;

/** A protocol's alert by e-mail (GreenMail): the protocol, level and link; never the content of an AMBER+STRICT subject. */
@VigieTest
class ResponseEmailTest {

    @RegisterExtension
    static Mailbox smtp = new Mailbox();

    @LocalServerPort
    int port;


    @Autowired
    DeliveryWorker worker;

    @Autowired
    JdbcClient jdbc;


    private String address(String username) {
        String address = username + "@example.org";
        jdbc.sql("UPDATE accounts SET email = :e WHERE username = :u").param("e", address).param("u", username).update();
        return address;
    }


    @Test
    void theAlertEmailNamesTheProtocolAndLinksToTheBoardWithoutRestrictedContent() throws Exception {
        ResponseCell cell = new ResponseCell(port);
        String a2 = address(cell.analystA2);
        String name = Fixtures.unique("Phishing");
        UUID protocol = cell.createProtocol(name);
        String secret = "Strict phishing " + UUID.randomUUID();
        String strict = cell.report(secret, "AMBER_STRICT", Map.of("organisations", List.of(cell.orgB.toString())));
        String open = "Green phishing " + UUID.randomUUID();
        String green = cell.greenReport(open);
        Api analyst = cell.as(cell.analystA1);
        for (String subject : List.of(strict, green)) {
            assertThat(analyst.post("/api/v1/response/activations", Map.of("protocolId", protocol.toString(), "subjectId", subject)).status())
                    .isEqualTo(201);
        }
        worker.deliverAllDue();

        List<MimeMessage> received = smtp.to(a2);
        assertThat(received).hasSize(2);
        List<String> whole = new java.util.ArrayList<>();
        for (MimeMessage m : received) {
            whole.add(m.getSubject() + "\n" + m.getContent()); // decoded: quoted-printable breaks long lines
        }
        assertThat(whole).allSatisfy(m -> assertThat(m).contains(name, "Local election office", "/open")); // the link opens the board through the notification
        assertThat(String.join("\n", whole)).doesNotContain(secret).contains(open);
    }
}
