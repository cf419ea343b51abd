package org.vigie.server.alerts;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.vigie.core.alerts.AlertFilter;

/**
 * A standing request for alerts: whose it is (a person or an organisation), what it asks for and how
 * it is delivered. The webhook secret is never part of this value.
 *
 * @param ownerAccount      the person it belongs to, or null when an organisation owns it
 * @param ownerOrganisation the organisation it belongs to (its members receive it), or null
 * @param webhookUrl        null unless {@link AlertChannel#WEBHOOK} is a channel
 */
public record Subscription(UUID id, UUID ownerAccount, UUID ownerOrganisation, UUID createdBy, String name, AlertFilter filter,
                           DeliveryMode mode, Set<AlertChannel> channels, String webhookUrl, boolean active, Instant createdAt) {

    public Subscription {
        channels = Set.copyOf(channels);
        if ((ownerAccount == null) == (ownerOrganisation == null)) {
            throw new IllegalArgumentException("a subscription has exactly one owner: a person or an organisation");
        }
    }
}
