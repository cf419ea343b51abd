package org.vigie.core.alerts.webhooks;

/**
 * The target's host did not resolve. Refused like any other target when a subscription is saved, but
 * at delivery time it may be a passing DNS failure, so the sender treats it as transient rather than
 * dead.
 */
public class WebhookHostUnresolved extends WebhookTargetRefused {

    public WebhookHostUnresolved(String host) {
        super("host " + host + " does not resolve");
    }
}
