package org.vigie.server.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A real SMTP server (GreenMail) on a free port, started for each test. In a {@link VigieTest} the
 * shared application's mail sender is pointed at it before each test, so what Vigie sends arrives here.
 */
public final class Mailbox extends GreenMailExtension {

    public Mailbox() {
        super(ServerSetupTest.SMTP.dynamicPort());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        super.beforeEach(context);
        if (context.getRequiredTestClass().isAnnotationPresent(VigieTest.class)) {
            JavaMailSenderImpl sender = SpringExtension.getApplicationContext(context).getBean(JavaMailSenderImpl.class);
            sender.setHost("127.0.0.1");
            sender.setPort(getSmtp().getPort());
        }
    }

    /** The messages received so far for this address. */
    public List<MimeMessage> to(String address) {
        return Arrays.stream(getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
