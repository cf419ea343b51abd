package org.vigie.server.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.vigie.core.alerts.webhooks.NotifiedReport;
import org.vigie.core.alerts.webhooks.ReportNotification;
import org.vigie.core.sharing.Sharing;
import org.vigie.core.sharing.Viewer;
import org.vigie.server.alerts.webhooks.Delivery;
import org.vigie.server.alerts.webhooks.WebhookDispatcher;
import org.vigie.server.alerts.webhooks.WebhookMessage;
import org.vigie.server.alerts.webhooks.WebhookPayloads;
import org.vigie.server.sharing.Communities;

/**
 * The webhook channel: builds the body at send time through {@link WebhookPayloads} — for the
 * subscription's creator as they are now, under the report's marking as stored now, so a revoked
 * right or a tightened marking is honoured even for a notification queued earlier; TLP:AMBER+STRICT
 * and RED bodies carry the link and the marking only — signs it with the subscription's secret and
 * hands it to {@link WebhookDispatcher#trySubmit}, which runs it on its own threads: the worker never
 * waits for a receiver, and a busy receiver's rows are given back for the next round.
 *
 * <p>Headers (see {@link org.vigie.server.alerts.webhooks.WebhookSender}): {@code X-Vigie-Event} (event
 * type), {@code X-Vigie-Delivery} (the notification's idempotency key, the same on every retry: receivers
 * de-duplicate on it), {@code X-Vigie-Signature-256}. A digest is one call whose body lists its items.
 */
@Component
class WebhookChannel implements NotificationSender {

    static final String DIGEST_EVENT = "report.digest";

    private final WebhookDispatcher dispatcher;
    private final SubscriptionRepository subscriptions;
    private final Subscriptions secrets;
    private final RecipientRepository recipients;
    private final Communities communities;
    private final AlertProperties properties;

    /** What the current round needs, loaded once for all its rows (only the worker thread writes it). */
    private volatile RoundData round = new RoundData(Map.of());

    WebhookChannel(WebhookDispatcher dispatcher, SubscriptionRepository subscriptions, Subscriptions secrets,
                   RecipientRepository recipients, Communities communities, AlertProperties properties) {
        this.dispatcher = dispatcher;
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.recipients = recipients;
        this.communities = communities;
        this.properties = properties;
    }

    @Override
    public AlertChannel channel() {
        return AlertChannel.WEBHOOK;
    }

    @Override
    public int capacity() {
        return dispatcher.available();
    }

    @Override
    public void prepare(List<Dispatch> dispatches) {
        List<UUID> ids = dispatches.stream().map(d -> d.first().subscriptionId()).filter(id -> id != null).distinct().toList();
        round = new RoundData(subscriptions.webhookTargets(ids));
    }

    /** Synchronous delivery is not this channel's way; the worker calls {@link #start}. */
    @Override
    public void send(Notification notification) {
        throw new UnsupportedOperationException("webhooks are delivered through start()");
    }

    @Override
    public boolean start(Dispatch dispatch, Consumer<Outcome> done) {
        Prepared prepared;
        try {
            prepared = prepare(dispatch);
        } catch (RuntimeException e) {
            done.accept(Outcome.failed("could not build the webhook request: " + e.getMessage()));
            return true;
        }
        if (prepared.refusal() != null) {
            done.accept(prepared.refusal());
            return true;
        }
        return dispatcher.trySubmit(prepared.message(), delivery -> done.accept(outcome(delivery)));
    }

    private record Prepared(WebhookMessage message, Outcome refusal) {
    }

    private Prepared prepare(Dispatch dispatch) {
        Notification first = dispatch.first();
        RoundData data = round;
        SubscriptionRepository.WebhookTarget target = first.subscriptionId() == null ? null
                : data.targets().computeIfAbsent(first.subscriptionId(),
                        id -> subscriptions.webhookTargets(List.of(id)).get(id));
        if (target == null) {
            return refused("the subscription was deleted or has no webhook any more");
        }
        if (!target.active()) {
            return refused("the subscription is inactive");
        }
        if (target.secretEncrypted() == null) {
            return refused("the subscription has no signing secret: rotate it");
        }
        Optional<Viewer> creator = data.viewers().computeIfAbsent(target.createdBy(), this::viewer);
        if (creator.isEmpty()) {
            return refused("the subscription's creator is disabled");
        }
        List<Map<String, Object>> events = new ArrayList<>();
        for (Notification n : dispatch.items()) {
            Optional<Sharing> sharing = data.sharing().computeIfAbsent(n.subjectId(), recipients::storedSharing);
            if (sharing.isEmpty()) {
                continue;
            }
            ReportNotification.forRecipient(creator.get(), n.idempotencyKey(), ReportNotification.REPORT_PUBLISHED, n.createdAt(),
                    report(n, sharing.get()), URI.create(properties.publicUrl() + "/reports/" + n.subjectId())).ifPresent(events::add);
        }
        if (events.isEmpty()) {
            return refused("the subscription's creator may no longer see " + (dispatch.digest() ? "these reports" : "this report"));
        }
        byte[] secret = secrets.webhookSecret(target.subscription(), target.secretEncrypted()).getBytes(StandardCharsets.UTF_8);
        URI url = URI.create(target.url());
        if (!dispatch.digest()) {
            return new Prepared(new WebhookMessage(url, secret, first.idempotencyKey(), ReportNotification.REPORT_PUBLISHED,
                    WebhookPayloads.json(events.get(0))), null);
        }
        // one call for the period: its id is stable across retries of the same group
        List<String> keys = dispatch.items().stream().map(Notification::idempotencyKey).sorted().toList();
        String id = "digest-" + UUID.nameUUIDFromBytes(String.join("\n", keys).getBytes(StandardCharsets.UTF_8));
        Instant created = dispatch.items().stream().map(Notification::createdAt).max(Comparator.naturalOrder()).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", DIGEST_EVENT);
        body.put("created", created.toString());
        body.put("subscription", target.subscription().toString());
        body.put("items", events);
        return new Prepared(new WebhookMessage(url, secret, id, DIGEST_EVENT, WebhookPayloads.json(body)), null);
    }

    private static Prepared refused(String why) {
        return new Prepared(null, new Outcome(false, why, null, true));
    }

    /** The report's content as the outbox kept it (none for a restricted marking); the marking is today's. */
    private static NotifiedReport report(Notification n, Sharing sharing) {
        JsonNode p = n.payload();
        return new NotifiedReport(n.subjectId(), p.path("title").asText(""), p.path("summary").asText(""), strings(p.path("incidentTypes")),
                strings(p.path("observables")), sharing);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private Optional<Viewer> viewer(UUID account) {
        return recipients.account(account)
                .map(p -> new Viewer(p.account(), p.organisation(), communities.activeCommunitiesOf(p.organisation())));
    }

    private static Outcome outcome(Delivery delivery) {
        if (delivery.delivered()) {
            return Outcome.DELIVERED;
        }
        String excerpt = delivery.responseExcerpt() == null ? "" : delivery.responseExcerpt().strip();
        excerpt = excerpt.length() > 200 ? excerpt.substring(0, 200) + "…" : excerpt;
        String error = (delivery.status() > 0 ? "HTTP " + delivery.status() + (excerpt.isEmpty() ? "" : ": " + excerpt) : excerpt)
                + " (" + delivery.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
        return new Outcome(false, error, delivery.retryAfter().orElse(null), delivery.deadNow());
    }

    private record RoundData(Map<UUID, SubscriptionRepository.WebhookTarget> targets, Map<UUID, Optional<Viewer>> viewers,
                             Map<String, Optional<Sharing>> sharing) {

        RoundData(Map<UUID, SubscriptionRepository.WebhookTarget> targets) {
            this(new ConcurrentHashMap<>(nonNull(targets)), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }

        private static Map<UUID, SubscriptionRepository.WebhookTarget> nonNull(Map<UUID, SubscriptionRepository.WebhookTarget> m) {
            return new HashMap<>(m);
        }
    }
}
