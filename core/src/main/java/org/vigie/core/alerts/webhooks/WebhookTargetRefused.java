package org.vigie.core.alerts.webhooks;

/**
 * A webhook URL Vigie will not call. {@link #field()} is always {@code url}, so an API answer can
 * point at the offending property; {@link #reason()} says why in words a user can act on.
 */
public class WebhookTargetRefused extends IllegalArgumentException {

    private final String reason;

    public WebhookTargetRefused(String reason) {
        super("url: " + reason);
        this.reason = reason;
    }

    public String field() {
        return "url";
    }

    public String reason() {
        return reason;
    }
}
