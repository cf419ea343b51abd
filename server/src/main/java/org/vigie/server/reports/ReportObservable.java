package org.vigie.server.reports;

/**
 * An observable as a report keeps it: its type key ("url", "domain", "social-account", …), the value
 * as the reporter entered it, and the normalised value used for correlation and export.
 */
public record ReportObservable(String type, String value, String normalised) {
}
