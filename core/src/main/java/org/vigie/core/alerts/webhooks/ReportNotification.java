package org.vigie.core.alerts.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.sharing.Viewer;
import org.vigie.core.sharing.VisibilityPolicy;

/**
 * The content of a notification about a report, as an ordered map the channel serialises (JSON for a
 * webhook). Two rules, both here so every channel obeys them:
 * <ol>
 *   <li>a recipient who may not see the report gets no notification at all ({@link #forRecipient});</li>
 *   <li>for TLP:AMBER+STRICT and TLP:RED the notification carries the link and the marking only — no
 *       title, no summary, no incident types, no observables. Those markings name the people or the
 *       organisation allowed to read; a webhook body lands in a receiver's logs, chat rooms and
 *       ticket systems, read by whoever has access there, and every read of such a report must go
 *       through Vigie, where it is audited.</li>
 * </ol>
 * The fields are copied one by one from an allow-list, never "everything minus the secret ones", so a
 * field added later to {@link NotifiedReport} cannot leak by default.
 */
public final class ReportNotification {

    /** Event type of a new report. */
    public static final String REPORT_PUBLISHED = "report.published";

    private ReportNotification() {
    }

    /** The payload for this recipient, or empty when the recipient may not see the report. */
    public static Optional<Map<String, Object>> forRecipient(Viewer recipient, String eventId, String eventType,
                                                             Instant created, NotifiedReport report, URI link) {
        if (!VisibilityPolicy.maySee(recipient, report.sharing())) {
            return Optional.empty();
        }
        return Optional.of(payload(eventId, eventType, created, report, link));
    }

    /**
     * The payload under the report's marking. Callers must have checked that the recipient may see the
     * report ({@link #forRecipient} does).
     */
    public static Map<String, Object> payload(String eventId, String eventType, Instant created,
                                              NotifiedReport report, URI link) {
        Tlp tlp = report.sharing().tlp();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tlp", tlp.label());
        data.put("link", link.toString());
        if (restricted(tlp)) {
            data.put("restricted", true);
        } else {
            data.put("report_id", report.reportId());
            data.put("title", report.title());
            data.put("summary", report.summary());
            data.put("incident_types", report.incidentTypes());
            data.put("observables", report.observables());
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", eventId);
        event.put("type", eventType);
        event.put("created", created.toString());
        event.put("data", data);
        return event;
    }

    /** Markings whose content never goes into a notification body. */
    public static boolean restricted(Tlp tlp) {
        return tlp == Tlp.AMBER_STRICT || tlp == Tlp.RED;
    }
}
