package org.vigie.server.alerts.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.vigie.core.alerts.webhooks.NotifiedReport;
import org.vigie.core.alerts.webhooks.ReportNotification;
import org.vigie.core.sharing.Viewer;

/**
 * The JSON bytes of a webhook body. What goes in is decided by {@link ReportNotification} (core): the
 * recipient's visibility, and link + marking only for TLP:AMBER+STRICT and TLP:RED. The bytes made
 * here are what the outbox stores and what is signed and sent on every attempt.
 */
public final class WebhookPayloads {

    // Configured once, never changed: safe to share between threads.
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private WebhookPayloads() {
    }

    /** The body for this recipient, or empty when the recipient may not see the report. */
    public static Optional<byte[]> reportEvent(Viewer recipient, String eventId, String eventType, Instant created,
                                               NotifiedReport report, URI link) {
        return ReportNotification.forRecipient(recipient, eventId, eventType, created, report, link).map(WebhookPayloads::json);
    }

    public static byte[] json(Map<String, Object> payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a payload of strings, lists and maps always serialises", e);
        }
    }
}
