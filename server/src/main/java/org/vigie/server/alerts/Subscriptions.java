package org.vigie.server.alerts;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.core.accounts.Member;
import org.vigie.core.accounts.OrganisationRole;
import org.vigie.core.alerts.AlertFilter;
import org.vigie.core.alerts.WatchItem;
import org.vigie.core.alerts.webhooks.WebhookTargetRefused;
import org.vigie.core.observables.ObservableType;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.core.taxonomy.TargetCategory;
import org.vigie.server.alerts.webhooks.WebhookTargetGuard;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.elections.Elections;
import org.vigie.server.reference.DisarmFramework;
import org.vigie.server.secrets.SecretBox;
import org.vigie.server.web.ForbiddenException;
import org.vigie.server.web.InvalidFieldException;
import org.vigie.server.web.NotFoundException;

/**
 * Creating, listing and deleting subscriptions. A person manages their own; an organisation's
 * administrators manage their organisation's. Every change is audited.
 */
@Service
public class Subscriptions {

    static final int MAX_WATCH_LIST = 500;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubscriptionRepository repository;
    private final Elections elections;
    private final DisarmFramework disarm;
    private final AuditTrail audit;
    private final WebhookTargetGuard webhookTargets;
    private final SecretBox secrets;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Subscriptions(SubscriptionRepository repository, Elections elections, DisarmFramework disarm, AuditTrail audit,
                  WebhookTargetGuard webhookTargets, SecretBox secrets, TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.elections = elections;
        this.disarm = disarm;
        this.audit = audit;
        this.webhookTargets = webhookTargets;
        this.secrets = secrets;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * A subscription just created, with its webhook signing secret in clear: shown once to its creator,
     * kept only encrypted, never shown again (rotate it to get a new one).
     *
     * @param webhookSecret null unless the subscription has the webhook channel
     */
    public record Created(Subscription subscription, String webhookSecret) {
    }

    /** @throws InvalidFieldException (400) naming the field at fault: an unknown technique, election, type, … */
    public Subscription create(Member creator, SubscriptionRequest request) {
        return subscribe(creator, request).subscription();
    }

    /**
     * {@link #create}, answering the webhook secret too.
     *
     * @throws InvalidFieldException (400) naming the field at fault, e.g. {@code webhookUrl} not http(s) or
     *                               resolving to a loopback or private address (SSRF) when those are not allowed
     */
    public Created subscribe(Member creator, SubscriptionRequest request) {
        if (request.organisation() && !(creator.organisationId() != null && creator.administers(creator.organisationId()))) {
            throw new ForbiddenException("Only an administrator of the organisation subscribes on its behalf.");
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidFieldException("name", "alerts.name.required", "Give the subscription a name (at most 200 characters).");
        }
        if (request.electionId() != null && elections.find(request.electionId()).isEmpty()) {
            throw new InvalidFieldException("electionId", "alerts.election.unknown", "No election with id " + request.electionId() + ".");
        }
        Set<String> techniques = new LinkedHashSet<>();
        for (String technique : request.disarmTechniques()) {
            String id = technique == null ? "" : technique.strip().toUpperCase(Locale.ROOT);
            if (disarm.technique(id).isEmpty()) {
                throw new InvalidFieldException("disarmTechniques", "alerts.disarm.unknown",
                        "'" + technique + "' is not a DISARM technique id (DISARM " + disarm.version() + ").");
            }
            techniques.add(id);
        }
        if (request.minConfidence() != null && (request.minConfidence() < 0 || request.minConfidence() > 100)) {
            throw new InvalidFieldException("minConfidence", "alerts.confidence.range", "The minimum confidence is between 0 and 100.");
        }
        if (request.watchList().size() > MAX_WATCH_LIST) {
            throw new InvalidFieldException("watchList", "alerts.watch.tooMany", "At most " + MAX_WATCH_LIST + " watch-list values.");
        }
        List<WatchItem> watch = new ArrayList<>();
        for (int i = 0; i < request.watchList().size(); i++) {
            watch.add(watchItem(request.watchList().get(i), "watchList/" + i));
        }
        AlertFilter filter = new AlertFilter(request.electionId(),
                enums(request.phases(), "phases", CyclePhase::valueOf, CyclePhase.class),
                enums(request.types(), "types", IncidentType::valueOf, IncidentType.class),
                enums(request.targetCategories(), "targetCategories", TargetCategory::valueOf, TargetCategory.class),
                Set.copyOf(request.targetOrganisations()), techniques, request.minConfidence(), Set.copyOf(request.communities()), watch);
        DeliveryMode mode = request.mode() == null || request.mode().isBlank() ? DeliveryMode.IMMEDIATE
                : parse(request.mode(), "mode", DeliveryMode::valueOf, DeliveryMode.class);
        Set<AlertChannel> channels = request.channels().isEmpty() ? EnumSet.of(AlertChannel.IN_APP)
                : EnumSet.copyOf(enums(request.channels(), "channels", AlertChannel::valueOf, AlertChannel.class));
        String webhookUrl = null;
        if (channels.contains(AlertChannel.WEBHOOK)) {
            webhookUrl = webhookUrl(request.webhookUrl());
        } else if (request.webhookUrl() != null && !request.webhookUrl().isBlank()) {
            throw new InvalidFieldException("webhookUrl", "alerts.webhook.unused", "A webhook URL is given but WEBHOOK is not among the channels.");
        }
        Subscription subscription = new Subscription(UUID.randomUUID(), request.organisation() ? null : creator.accountId(),
                request.organisation() ? creator.organisationId() : null, creator.accountId(), name, filter, mode, channels, webhookUrl,
                true, clock.instant());
        String secret = webhookUrl == null ? null : newWebhookSecret();
        return transactions.execute(tx -> {
            repository.insert(subscription, secret == null ? null : secrets.encrypt(secret, secretBinding(subscription.id())));
            audit.record(AuditEvent.of("subscription.created", "subscription", subscription.id()).with("name", name)
                    .with("owner", request.organisation() ? "organisation" : "person").with("channels", channels.toString())
                    .with("mode", mode.name()));
            return new Created(subscription, secret);
        });
    }

    /**
     * Replaces a webhook subscription's signing secret; the old one stops working at once (deliveries
     * still queued are signed with the new one). Same rights as deleting the subscription. Audited.
     *
     * @return the new secret, to show once
     */
    public String rotateWebhookSecret(Member member, UUID id) {
        Subscription subscription = get(member, id);
        if (subscription.ownerOrganisation() != null && !member.administers(subscription.ownerOrganisation())) {
            throw new ForbiddenException("Only an administrator of the organisation changes its subscriptions.");
        }
        if (subscription.webhookUrl() == null) {
            throw new InvalidFieldException("channels", "alerts.webhook.none", "This subscription has no webhook.");
        }
        String secret = newWebhookSecret();
        transactions.executeWithoutResult(tx -> {
            repository.replaceWebhookSecret(id, secrets.encrypt(secret, secretBinding(id)));
            audit.record(AuditEvent.of("subscription.webhook-secret.rotated", "subscription", id).with("name", subscription.name()));
        });
        return secret;
    }

    /** The clear webhook secret of a subscription, for signing; bound to its row so a copied ciphertext does not decrypt elsewhere. */
    String webhookSecret(UUID subscription, String encrypted) {
        return secrets.decrypt(encrypted, secretBinding(subscription));
    }

    private static String secretBinding(UUID subscription) {
        return "subscription-webhook:" + subscription;
    }

    /** 32 random bytes, URL-safe Base64, with a prefix that makes a leaked one easy to recognise and search for. */
    private static String newWebhookSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "vwhs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The member's own subscriptions and their organisation's. */
    public List<Subscription> list(Member member) {
        return repository.visibleTo(member.accountId(), member.organisationId());
    }

    /** 404 for a subscription the member may not see, so that ids of others' subscriptions are not confirmed. */
    public Subscription get(Member member, UUID id) {
        Subscription subscription = repository.find(id).orElseThrow(() -> new NotFoundException("subscription", id));
        boolean own = member.accountId().equals(subscription.ownerAccount());
        boolean organisation = subscription.ownerOrganisation() != null && member.belongsTo(subscription.ownerOrganisation());
        if (!own && !organisation) {
            throw new NotFoundException("subscription", id);
        }
        return subscription;
    }

    public void delete(Member member, UUID id) {
        Subscription subscription = get(member, id);
        if (subscription.ownerOrganisation() != null && !member.administers(subscription.ownerOrganisation())) {
            throw new ForbiddenException("Only an administrator of the organisation deletes its subscriptions.");
        }
        transactions.executeWithoutResult(tx -> {
            repository.delete(id);
            audit.record(AuditEvent.of("subscription.deleted", "subscription", id).with("name", subscription.name()));
        });
    }

    private static WatchItem watchItem(SubscriptionRequest.WatchValue value, String field) {
        if (value == null || value.value() == null || value.value().isBlank()) {
            throw new InvalidFieldException(field, "alerts.watch.empty", "Empty watch-list value.");
        }
        String type = value.type() == null ? "keyword" : value.type().strip().toLowerCase(Locale.ROOT);
        try {
            return "keyword".equals(type) ? WatchItem.keyword(value.value()) : WatchItem.observable(ObservableType.fromKey(type), value.value());
        } catch (RuntimeException e) {
            throw new InvalidFieldException(field, "alerts.watch.invalid", "'" + value.value() + "': " + e.getMessage());
        }
    }

    /**
     * The URL's form and, unless the administrator allowed internal targets, every address its host
     * resolves to (no loopback, private, link-local, metadata… : SSRF). Checked again before each delivery.
     */
    private String webhookUrl(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidFieldException("webhookUrl", "alerts.webhook.url", "The webhook channel needs an http(s) URL.");
        }
        try {
            return webhookTargets.checkSubscriptionUrl(text.strip()).toString();
        } catch (WebhookTargetRefused refused) {
            // the reason already names the setting that allows internal targets
            throw new InvalidFieldException("webhookUrl", "alerts.webhook.refused", "The webhook URL " + refused.reason());
        }
    }

    private static <E extends Enum<E>> Set<E> enums(List<String> names, String field, Function<String, E> parse, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        for (String name : names) {
            values.add(parse(name, field, parse, type));
        }
        return values;
    }

    private static <E extends Enum<E>> E parse(String name, String field, Function<String, E> parse, Class<E> type) {
        try {
            return parse.apply(name == null ? "" : name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "alerts.value.unknown", "'" + name + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ".");
        }
    }
}
