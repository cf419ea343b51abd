package org.vigie.server.alerts;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
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
        Tlp tlp = notification.tlp();
        boolean restricted = AlertOutbox.restricted(tlp);
        String title = restricted ? "" : notification.payload().path("title").asText("");
        String subject = "[Vigie] " + tlp.label() + (restricted || title.isBlank() ? " new report" : " " + title);
        StringBuilder body = new StringBuilder();
        item(notification, body);
        body.append("Event ").append(notification.payload().path("event").asText())
                .append(" — to stop these e-mails, change your subscriptions in Vigie.\n");
        mail(notification.recipientAccount(), subject, body.toString(), notification.payload().path("event").asText(),
                notification.idempotencyKey());
    }

    /**
     * One e-mail for a whole digest period: every item gathered, each under its own marking (restricted
     * ones as a link only). The idempotency key of a digest is derived from its items' keys.
     */
    @Override
    public void sendDigest(List<Notification> items) {
        Notification first = items.get(0);
        String name = items.stream().map(n -> n.payload().path("subscriptionName").asText("")).filter(t -> !t.isBlank())
                .findFirst().orElse("");
        String subject = "[Vigie] " + items.size() + (items.size() == 1 ? " report" : " reports")
                + (name.isBlank() ? "" : " — " + name);
        StringBuilder body = new StringBuilder();
        body.append(items.size()).append(items.size() == 1 ? " report matches" : " reports match")
                .append(" your subscription since the last digest.\n\n");
        for (Notification n : items) {
            body.append("— ");
            item(n, body);
        }
        body.append("To stop these e-mails, change your subscriptions in Vigie.\n");
        String key = "digest-" + java.util.UUID.nameUUIDFromBytes(String.join("\n", items.stream().map(Notification::idempotencyKey)
                .sorted().toList()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mail(first.recipientAccount(), subject, body.toString(), key, key);
    }

    private void item(Notification notification, StringBuilder body) {
        Tlp tlp = notification.tlp();
        String link = properties.publicUrl() + notification.payload().path("link").asText("/notifications");
        boolean restricted = AlertOutbox.restricted(tlp);
        body.append(tlp.label()).append("\n");
        if (restricted) {
            body.append("A report marked ").append(tlp.label())
                    .append(" matches your subscription. Its content is not sent by e-mail; read it in Vigie:\n");
        } else {
            body.append(notification.payload().path("title").asText("")).append("\n");
            String subscription = notification.payload().path("subscriptionName").asText("");
            if (!subscription.isBlank()) {
                body.append("Subscription: ").append(subscription).append("\n");
            }
            notification.payload().path("watchHits").forEach(hit -> body.append("Watched ").append(hit.path("type").asText())
                    .append(": ").append(hit.path("value").asText()).append("\n"));
        }
        body.append(link).append("\n\n");
    }

    private void mail(java.util.UUID recipient, String subject, String body, String event, String idempotencyKey) {
        JavaMailSender sender = mail.getIfAvailable();
        // VIGIE_SMTP_HOST empty still creates a sender (the property exists); it has nowhere to send
        if (sender == null || sender instanceof JavaMailSenderImpl impl && (impl.getHost() == null || impl.getHost().isBlank())) {
            throw new DeliveryException("no SMTP server configured (VIGIE_SMTP_HOST)");
        }
        String to = recipients.account(recipient).map(RecipientRepository.Recipient::email)
                .filter(e -> !e.isBlank())
                .orElseThrow(() -> new DeliveryException("the recipient has no e-mail address or is disabled"));
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.mailFrom());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body);
            message.setHeader("X-Vigie-Event", event);
            message.setHeader("X-Vigie-Idempotency-Key", idempotencyKey);
            sender.send(message);
        } catch (MessagingException | MailException e) {
            throw new DeliveryException("SMTP: " + e.getMessage(), e);
        }
    }
}
