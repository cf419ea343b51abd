package org.vigie.server.alerts;

import java.util.List;
import java.util.UUID;

/**
 * A subscription as the API and the page give it, unchecked: {@link Subscriptions#create} checks
 * every field and names the one at fault. Enum values are given by name (PHISHING, VOTING, …).
 *
 * @param organisation true: the creator's organisation subscribes (its administrators only), and
 *                     all its members receive the alerts; false: a personal subscription
 * @param watchList    values to watch; type "keyword" or an observable type key ("domain", "url", …)
 * @param mode         IMMEDIATE (default), HOURLY or DAILY
 * @param channels     IN_APP, EMAIL, WEBHOOK; default IN_APP
 */
public record SubscriptionRequest(String name, boolean organisation, UUID electionId, List<String> phases, List<String> types,
                                  List<String> targetCategories, List<UUID> targetOrganisations, List<String> disarmTechniques,
                                  Integer minConfidence, List<UUID> communities, List<WatchValue> watchList, String mode,
                                  List<String> channels, String webhookUrl) {

    /** One watch-list value: its type ("keyword", "domain", "social-account", …) and the value. */
    public record WatchValue(String type, String value) {
    }

    public SubscriptionRequest {
        phases = phases == null ? List.of() : phases;
        types = types == null ? List.of() : types;
        targetCategories = targetCategories == null ? List.of() : targetCategories;
        targetOrganisations = targetOrganisations == null ? List.of() : targetOrganisations;
        disarmTechniques = disarmTechniques == null ? List.of() : disarmTechniques;
        communities = communities == null ? List.of() : communities;
        watchList = watchList == null ? List.of() : watchList;
        channels = channels == null ? List.of() : channels;
    }
}
