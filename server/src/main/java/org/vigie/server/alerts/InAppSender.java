package org.vigie.server.alerts;

import org.springframework.stereotype.Component;

/**
 * The in-app channel: the outbox row is the notification centre's entry, so delivering is telling
 * the recipient's open pages (Server-Sent Events) that something arrived. A person with no page
 * open finds it in the centre; delivery never fails for want of a listener.
 */
@Component
class InAppSender implements NotificationSender {

    private final NotificationStreams streams;

    InAppSender(NotificationStreams streams) {
        this.streams = streams;
    }

    @Override
    public AlertChannel channel() {
        return AlertChannel.IN_APP;
    }

    @Override
    public void send(Notification notification) {
        streams.publish(notification);
    }
}
