package org.vigie.server.alerts;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
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
    private final MessageSource messages;

    EmailSender(ObjectProvider<JavaMailSender> mail, RecipientRepository recipients, AlertProperties properties, MessageSource messages) {
        this.mail = mail;
        this.recipients = recipients;
        this.properties = properties;
        this.messages = messages;
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
        String to = recipient(notification);
        if ("victim-notice".equals(notification.kind())) {
            send(sender, notification, to, victimSubject(notification), victimBody(notification));
            return;
        }
        if ("panel-notice".equals(notification.kind())) {
            send(sender, notification, to, panelNoticeSubject(notification), panelNoticeBody(notification));
            return;
        }
        Locale locale = locale(notification);
        Tlp tlp = notification.tlp();
        // through the notification, so that following the link records when the alert was opened
        String link = properties.publicUrl() + "/notifications/" + notification.id() + "/open";
        boolean restricted = AlertOutbox.restricted(tlp);
        String title = restricted ? "" : notification.payload().path("title").asText("");
        String subject = "[Vigie] " + tlp.label() + " " + (title.isBlank() ? text("alerts.mail.newReport", locale) : title);
        StringBuilder body = new StringBuilder();
        body.append(tlp.label()).append("\n\n");
        if ("protocol-alert".equals(notification.payload().path("kind").asText())) {
            // a response protocol's alert: the headline names the protocol and level (not the subject's content)
            String headline = notification.payload().path("headline").asText(text("alerts.mail.protocolAlert", locale));
            subject = "[Vigie] " + tlp.label() + " " + headline;
            body.append(headline).append("\n");
            if (!title.isBlank()) {
                body.append(title).append("\n");
            }
            body.append("\n").append(text("alerts.mail.openBoard", locale)).append("\n");
        } else if (restricted) {
            body.append(text("alerts.mail.restricted", locale, tlp.label())).append("\n");
        } else {
            body.append(title).append("\n");
            String subscription = notification.payload().path("subscriptionName").asText("");
            if (!subscription.isBlank()) {
                body.append(text("alerts.mail.subscription", locale, subscription)).append("\n");
            }
            appendWatchHits(body, notification, locale);
            body.append("\n");
        }
        body.append(link).append("\n\n").append(text("alerts.mail.footer", locale, notification.payload().path("event").asText()))
                .append("\n");
        send(sender, notification, to, subject, body.toString());
    }

    private void appendWatchHits(StringBuilder body, Notification notification, Locale locale) {
        notification.payload().path("watchHits").forEach(hit -> body.append(text("alerts.mail.watched", locale,
                hit.path("type").asText(), hit.path("value").asText())).append("\n"));
    }

    /** The recipient's language when they chose one in Vigie; English otherwise. */
    private Locale locale(Notification notification) {
        if (notification.recipientAccount() == null) {
            return Locale.ENGLISH;
        }
        return recipients.account(notification.recipientAccount()).map(RecipientRepository.Recipient::locale)
                .filter(l -> l != null && !l.isBlank()).map(Locale::forLanguageTag).orElse(Locale.ENGLISH);
    }

    /**
     * An account's address, read at delivery (it may have changed since); or, for a point of contact
     * who is not an account (a victim notice, V15), the address the row was queued with.
     */
    private String recipient(Notification notification) {
        if (notification.recipientAccount() == null) {
            if (notification.recipientEmail() == null || notification.recipientEmail().isBlank()) {
                throw new DeliveryException("the notification names neither an account nor an e-mail address");
            }
            return notification.recipientEmail();
        }
        return recipients.account(notification.recipientAccount()).map(RecipientRepository.Recipient::email)
                .filter(e -> e != null && !e.isBlank())
                .orElseThrow(() -> new DeliveryException("the recipient has no e-mail address or is disabled"));
    }

    /**
     * A point of contact has no language preference: a victim notice is written in English and in
     * French, one after the other. For TLP:AMBER+STRICT and RED it carries the link and the marking only.
     */
    private String victimSubject(Notification notification) {
        Tlp tlp = notification.tlp();
        String title = AlertOutbox.restricted(tlp) ? "" : notification.payload().path("title").asText("");
        return "[Vigie] " + tlp.label() + " " + text("victims.mail.subject", Locale.ENGLISH) + " / " + text("victims.mail.subject", Locale.FRENCH)
                + (title.isBlank() ? "" : ": " + title);
    }

    private String victimBody(Notification notification) {
        Tlp tlp = notification.tlp();
        boolean restricted = AlertOutbox.restricted(tlp);
        String link = properties.publicUrl() + notification.payload().path("link").asText("/notifications");
        String outcome = notification.payload().path("outcome").asText("unknown");
        StringBuilder body = new StringBuilder(tlp.label()).append("\n\n");
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.FRENCH}) {
            String target = notification.payload().path("targetName").asText("");
            body.append(text("victims.mail.intro", locale, restricted || target.isBlank() ? text("victims.mail.yourOrganisation", locale) : target,
                    text("victims.outcome." + outcome, locale))).append("\n");
            if (restricted) {
                body.append(text("victims.mail.restricted", locale, tlp.label())).append("\n");
            } else {
                body.append(notification.payload().path("title").asText("")).append("\n");
            }
            body.append(text("victims.mail.reply", locale)).append("\n").append(link).append("\n\n");
        }
        body.append("Event ").append(notification.payload().path("event").asText()).append("\n");
        return body.toString();
    }

    /**
     * A panel's notice before a public statement (issue 8): the statement as approved for publication,
     * in French and in English, with the time it will be published. Nothing in it is restricted — it is
     * what the public will read — but it is under embargo until then, which the marking (TLP:AMBER) and
     * the first line say. Every recipient of a batch gets the same text.
     */
    private String panelNoticeSubject(Notification notification) {
        var p = notification.payload();
        return "[Vigie] " + notification.tlp().label() + " " + p.path("subjectLine").asText(p.path("title").asText(""));
    }

    private String panelNoticeBody(Notification notification) {
        return notification.tlp().label() + "\n\n" + notification.payload().path("body").asText("") + "\n\nEvent "
                + notification.payload().path("event").asText() + "\n";
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    /**
     * One e-mail for a whole digest period (HOURLY / DAILY subscription): every item gathered, each under
     * its own marking (restricted ones as the marking and a link only). Its idempotency key is derived
     * from its items' keys, so a retry of the same digest carries the same key.
     */
    @Override
    public void sendDigest(List<Notification> items) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || sender instanceof JavaMailSenderImpl impl && (impl.getHost() == null || impl.getHost().isBlank())) {
            throw new DeliveryException("no SMTP server configured (VIGIE_SMTP_HOST)");
        }
        Notification first = items.get(0);
        String to = recipient(first);
        Locale locale = locale(first);
        String name = items.stream().map(n -> n.payload().path("subscriptionName").asText("")).filter(t -> !t.isBlank())
                .findFirst().orElse("");
        String subject = "[Vigie] " + text("alerts.mail.digest.subject", locale, items.size()) + (name.isBlank() ? "" : " — " + name);
        StringBuilder body = new StringBuilder();
        body.append(text("alerts.mail.digest.intro", locale, items.size())).append("\n\n");
        for (Notification n : items) {
            Tlp tlp = n.tlp();
            body.append("— ").append(tlp.label()).append("\n");
            if (AlertOutbox.restricted(tlp)) {
                body.append(text("alerts.mail.digest.restricted", locale, tlp.label())).append("\n");
            } else {
                body.append(n.payload().path("title").asText("")).append("\n");
                appendWatchHits(body, n, locale);
            }
            body.append(properties.publicUrl()).append("/notifications/").append(n.id()).append("/open\n\n");
        }
        body.append(text("alerts.mail.digest.footer", locale)).append("\n");
        String key = "digest-" + UUID.nameUUIDFromBytes(String.join("\n", items.stream().map(Notification::idempotencyKey).sorted().toList())
                .getBytes(StandardCharsets.UTF_8));
        send(sender, to, subject, body.toString(), key, key);
    }

    private void send(JavaMailSender sender, Notification notification, String to, String subject, String body) {
        send(sender, to, subject, body, notification.payload().path("event").asText(), notification.idempotencyKey());
    }

    private void send(JavaMailSender sender, String to, String subject, String body, String event, String idempotencyKey) {
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
