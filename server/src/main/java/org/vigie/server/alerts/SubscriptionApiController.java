package org.vigie.server.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.core.accounts.Member;
import org.vigie.core.alerts.AlertFilter;

/** Validation is the service's ({@link Subscriptions#create}), so that the page and the API apply the same rules. */
@RestController
@RequestMapping("/api/v1/subscriptions")
@Tag(name = "Subscriptions", description = "Standing requests for alerts about new and changed reports, with filters and watch lists")
class SubscriptionApiController {

    private final Subscriptions subscriptions;

    SubscriptionApiController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    record WatchView(String type, String value) {
    }

    record SubscriptionView(UUID id, String name, String owner, UUID ownerAccount, UUID ownerOrganisation, UUID electionId,
                            List<String> phases, List<String> types, List<String> targetCategories, List<UUID> targetOrganisations,
                            List<String> disarmTechniques, Integer minConfidence, List<UUID> communities, List<WatchView> watchList,
                            String mode, List<String> channels, String webhookUrl, boolean active, Instant createdAt,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String webhookSecret) {

        static SubscriptionView of(Subscription s) {
            return of(s, null);
        }

        /** With the webhook secret: in the answer to the creation only (it is never shown again). */
        static SubscriptionView of(Subscription s, String webhookSecret) {
            AlertFilter f = s.filter();
            return new SubscriptionView(s.id(), s.name(), s.ownerAccount() != null ? "person" : "organisation", s.ownerAccount(),
                    s.ownerOrganisation(), f.electionId(), names(f.phases()), names(f.types()), names(f.targetCategories()),
                    f.targetOrganisations().stream().sorted().toList(), f.disarmTechniques().stream().sorted().toList(), f.minConfidence(),
                    f.communities().stream().sorted().toList(), f.watchList().stream().map(w -> new WatchView(w.kind(), w.value())).toList(),
                    s.mode().name(), names(s.channels()), s.webhookUrl(), s.active(), s.createdAt(), webhookSecret);
        }

        private static List<String> names(java.util.Collection<? extends Enum<?>> values) {
            return values.stream().map(Enum::name).sorted().toList();
        }
    }

    @PostMapping
    ResponseEntity<SubscriptionView> create(Member me, @RequestBody SubscriptionRequest request) {
        Subscriptions.Created created = subscriptions.subscribe(me, request);
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + created.subscription().id()))
                .body(SubscriptionView.of(created.subscription(), created.webhookSecret()));
    }

    record SecretView(UUID subscription, String webhookSecret) {
    }

    /** A new webhook signing secret, answered once; the previous one stops working at once. */
    @PostMapping("/{id}/webhook-secret")
    SecretView rotate(Member me, @PathVariable UUID id) {
        return new SecretView(id, subscriptions.rotateWebhookSecret(me, id));
    }

    @GetMapping
    Map<String, Object> list(Member me) {
        return Map.of("subscriptions", subscriptions.list(me).stream().map(SubscriptionView::of).toList());
    }

    @GetMapping("/{id}")
    SubscriptionView get(Member me, @PathVariable UUID id) {
        return SubscriptionView.of(subscriptions.get(me, id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Member me, @PathVariable UUID id) {
        subscriptions.delete(me, id);
        return ResponseEntity.noContent().build();
    }
}
