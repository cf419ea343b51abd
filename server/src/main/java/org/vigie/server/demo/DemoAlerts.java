package org.vigie.server.demo;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.vigie.core.accounts.Member;
import org.vigie.server.alerts.SubscriptionRequest;
import org.vigie.server.alerts.SubscriptionRequest.WatchValue;
import org.vigie.server.alerts.Subscriptions;

/**
 * The subscriptions the demo people would have before the campaign starts, made before the demo
 * reports are filed so that the notification centre already holds the alerts they caused: the
 * commission watches its own name and the look-alike domain for the whole organisation; the agency's
 * analyst follows phishing and denial of service.
 */
@Component
class DemoAlerts {

    private final Subscriptions subscriptions;

    DemoAlerts(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    void seed(Member commissionAdministrator, Member agencyAnalyst, UUID commission) {
        subscriptions.create(commissionAdministrator, new SubscriptionRequest("Reports about the commission", true, null,
                List.of(), List.of(), List.of(), List.of(commission), List.of(), null, List.of(), List.of(),
                "IMMEDIATE", List.of("IN_APP"), null));
        subscriptions.create(commissionAdministrator, new SubscriptionRequest("Look-alike domains", true, null,
                List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of(),
                List.of(new WatchValue("domain", "vote-valdoria-info.com"), new WatchValue("keyword", "commission")),
                "IMMEDIATE", List.of("IN_APP"), null));
        subscriptions.create(agencyAnalyst, new SubscriptionRequest("Phishing and DDoS", false, null,
                List.of(), List.of("PHISHING", "DDOS"), List.of(), List.of(), List.of(), 50, List.of(), List.of(),
                "IMMEDIATE", List.of("IN_APP"), null));
    }
}
