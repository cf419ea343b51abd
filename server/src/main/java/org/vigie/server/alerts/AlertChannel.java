package org.vigie.server.alerts;

/** How a notification reaches its recipient. Stored by name. */
public enum AlertChannel {
    IN_APP,
    EMAIL,
    WEBHOOK
}
