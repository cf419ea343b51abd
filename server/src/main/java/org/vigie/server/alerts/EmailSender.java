package org.vigie.server.alerts;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.vigie.core.sharing.Tlp;

/**
 * The e-mail channel, over the SMTP server of {@code spring.mail.*} ({@code VIGIE_SMTP_*}). The body
 * is built from the notification's payload, which the outbox already reduced to the link and the
 * marking for TLP:AMBER+STRICT and RED; this sender checks it again, so that a payload written by
 * another path cannot put restricted content in an e-mail.
 */
@Component
class EmailSender implements NotificationSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final RecipientRepository recipients;
    private final AlertProperties properties;

    EmailSender(ObjectProvider<JavaMailSender> mail, RecipientRepository recipients, AlertProperties properties) {
        this.mail = mail;
        this.recipients = recipients;
        this.properties = properties;
    }

    @Override
    public AlertChannel channel() {
        return AlertChannel.EMAIL;
    }

    @Override
    public void send(Notification notification) {
        JavaMailSender sender = mail.getIfAvailable();
        // VIGIE_SMTP_HOST empty still creates a sender (the property exists); it has nowhere to send
        if (sender == null || sender instanceof JavaMailSenderImpl impl && (impl.getHost() == null || impl.getHost().isBlank())) {
            throw new DeliveryException("no SMTP server configured (VIGIE_SMTP_HOST)");
        }
        String to = recipients.account(notification.recipientAccount()).map(RecipientRepository.Recipient::email)
                .filter(e -> !e.isBlank())
                .orElseThrow(() -> new DeliveryException("the recipient has no e-mail address or is disabled"));
        Tlp tlp = notification.tlp();
        // through the notification, so that following the link records when the alert was opened
        String link = properties.publicUrl() + "/notifications/" + notification.id() + "/open";
        boolean restricted = AlertOutbox.restricted(tlp);
        String title = restricted ? "" : notification.payload().path("title").asText("");
        String subject = "[Vigie] " + tlp.label() + (restricted || title.isBlank() ? " new report" : " " + title);
        StringBuilder body = new StringBuilder();
        body.append(tlp.label()).append("\n\n");
        if ("protocol-alert".equals(notification.payload().path("kind").asText())) {
            // a response protocol's alert: the headline names the protocol and level (not the subject's content)
            String headline = notification.payload().path("headline").asText("Response protocol alert");
            subject = "[Vigie] " + tlp.label() + " " + headline;
            body.append(headline).append("\n");
            if (!restricted && !title.isBlank()) {
                body.append(title).append("\n");
            }
            body.append("\nOpen the response board and acknowledge in Vigie (an unacknowledged alert escalates):\n");
        } else if (restricted) {
            body.append("A report marked ").append(tlp.label())
                    .append(" matches your subscription. Its content is not sent by e-mail; read it in Vigie:\n");
        } else {
            body.append(title).append("\n");
            String subscription = notification.payload().path("subscriptionName").asText("");
            if (!subscription.isBlank()) {
                body.append("Subscription: ").append(subscription).append("\n");
            }
            notification.payload().path("watchHits").forEach(hit -> body.append("Watched ").append(hit.path("type").asText())
                    .append(": ").append(hit.path("value").asText()).append("\n"));
            body.append("\n");
        }
        body.append(link).append("\n\nEvent ").append(notification.payload().path("event").asText())
                .append(" — to stop these e-mails, change your subscriptions in Vigie.\n");
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.mailFrom());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body.toString());
            message.setHeader("X-Vigie-Event", notification.payload().path("event").asText());
            message.setHeader("X-Vigie-Idempotency-Key", notification.idempotencyKey());
            sender.send(message);
        } catch (MessagingException | MailException e) {
            throw new DeliveryException("SMTP: " + e.getMessage(), e);
        }
    }
}
