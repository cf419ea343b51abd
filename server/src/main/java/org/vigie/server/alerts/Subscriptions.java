package org.vigie.server.alerts;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
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
import org.vigie.core.observables.ObservableType;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.core.taxonomy.TargetCategory;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.elections.Elections;
import org.vigie.server.reference.DisarmFramework;
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

    private final SubscriptionRepository repository;
    private final Elections elections;
    private final DisarmFramework disarm;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Subscriptions(SubscriptionRepository repository, Elections elections, DisarmFramework disarm, AuditTrail audit,
                  TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.elections = elections;
        this.disarm = disarm;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @throws InvalidFieldException (400) naming the field at fault: an unknown technique, election, type, … */
    public Subscription create(Member creator, SubscriptionRequest request) {
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
        }
        Subscription subscription = new Subscription(UUID.randomUUID(), request.organisation() ? null : creator.accountId(),
                request.organisation() ? creator.organisationId() : null, creator.accountId(), name, filter, mode, channels, webhookUrl,
                true, clock.instant());
        return transactions.execute(tx -> {
            repository.insert(subscription, null);
            audit.record(AuditEvent.of("subscription.created", "subscription", subscription.id()).with("name", name)
                    .with("owner", request.organisation() ? "organisation" : "person").with("channels", channels.toString())
                    .with("mode", mode.name()));
            return subscription;
        });
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

    private static String webhookUrl(String text) {
        URI uri;
        try {
            uri = text == null ? null : URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        // the address check against loopback and private networks (SSRF) belongs to the webhook sender
        if (uri == null || uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new InvalidFieldException("webhookUrl", "alerts.webhook.url", "The webhook URL must be an http(s) URL with a host.");
        }
        return uri.toString();
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
