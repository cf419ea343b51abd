package org.vigie.server.alerts;

/** When a subscription's notifications go out: at once, or gathered into an hourly or daily digest. */
public enum DeliveryMode {
    IMMEDIATE,
    HOURLY,
    DAILY
}
