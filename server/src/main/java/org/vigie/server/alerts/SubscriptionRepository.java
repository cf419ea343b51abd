package org.vigie.server.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.core.alerts.AlertFilter;
import org.vigie.core.alerts.WatchItem;
import org.vigie.core.observables.ObservableType;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.sharing.VisibilityPolicy;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.core.taxonomy.TargetCategory;

/** The SQL of {@code subscriptions} (V14). Filters are columns, the watch list a JSON array. */
@Repository
class SubscriptionRepository {

    private static final String COLUMNS = """
            id, owner_account, owner_organisation, created_by, name, election_id, cycle_phases, incident_types,
            target_categories, target_organisations, disarm_techniques, min_confidence, communities, watch_list, mode,
            channels, webhook_url, active, created_at""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    SubscriptionRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Subscription s, String webhookSecretEncrypted) {
        AlertFilter f = s.filter();
        jdbc.sql("""
                INSERT INTO subscriptions (id, owner_account, owner_organisation, created_by, name, election_id, cycle_phases,
                    incident_types, target_categories, target_organisations, disarm_techniques, min_confidence, communities,
                    watch_list, mode, channels, webhook_url, webhook_secret_enc, active, created_at)
                VALUES (:id, :ownerAccount, :ownerOrganisation, :createdBy, :name, :election, CAST(:phases AS text[]),
                    CAST(:types AS text[]), CAST(:categories AS text[]), CAST(:organisations AS uuid[]), CAST(:disarm AS text[]),
                    :minConfidence, CAST(:communities AS uuid[]), CAST(:watch AS jsonb), :mode, CAST(:channels AS text[]),
                    :webhookUrl, :secret, :active, :createdAt)""")
                .param("id", s.id())
                .param("ownerAccount", s.ownerAccount())
                .param("ownerOrganisation", s.ownerOrganisation())
                .param("createdBy", s.createdBy())
                .param("name", s.name())
                .param("election", f.electionId())
                .param("phases", names(f.phases()))
                .param("types", names(f.types()))
                .param("categories", names(f.targetCategories()))
                .param("organisations", VisibilityPolicy.arrayLiteral(f.targetOrganisations()))
                .param("disarm", textArray(f.disarmTechniques()))
                .param("minConfidence", f.minConfidence())
                .param("communities", VisibilityPolicy.arrayLiteral(f.communities()))
                .param("watch", watchJson(f.watchList()))
                .param("mode", s.mode().name())
                .param("channels", names(s.channels()))
                .param("webhookUrl", s.webhookUrl())
                .param("secret", webhookSecretEncrypted == null ? null : webhookSecretEncrypted.getBytes(StandardCharsets.UTF_8))
                .param("active", s.active())
                .param("createdAt", Timestamp.from(s.createdAt()))
                .update();
    }

    /** Every active subscription: matching is done in Java by the pure matcher. */
    List<Subscription> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscriptions WHERE active ORDER BY created_at, id").query(this::row).list();
    }

    /** A person's own subscriptions and those of their organisation. */
    List<Subscription> visibleTo(UUID account, UUID organisation) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscriptions WHERE owner_account = :account"
                        + " OR (CAST(:organisation AS uuid) IS NOT NULL AND owner_organisation = :organisation) ORDER BY created_at, id")
                .param("account", account).param("organisation", organisation).query(this::row).list();
    }

    Optional<Subscription> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscriptions WHERE id = :id").param("id", id).query(this::row).optional();
    }

    /** Where and with what a webhook subscription is delivered; the secret as stored (encrypted). */
    record WebhookTarget(UUID subscription, String url, String secretEncrypted, UUID createdBy, boolean active) {
    }

    /** The webhook targets of these subscriptions (one query for a whole delivery round). */
    Map<UUID, WebhookTarget> webhookTargets(Collection<UUID> ids) {
        Map<UUID, WebhookTarget> targets = new HashMap<>();
        if (ids.isEmpty()) {
            return targets;
        }
        jdbc.sql("SELECT id, webhook_url, webhook_secret_enc, created_by, active FROM subscriptions"
                        + " WHERE id = ANY(CAST(:ids AS uuid[])) AND webhook_url IS NOT NULL")
                .param("ids", VisibilityPolicy.arrayLiteral(Set.copyOf(ids)))
                .query((rs, n) -> {
                    byte[] secret = rs.getBytes("webhook_secret_enc");
                    return new WebhookTarget(rs.getObject("id", UUID.class), rs.getString("webhook_url"),
                            secret == null ? null : new String(secret, StandardCharsets.UTF_8), rs.getObject("created_by", UUID.class),
                            rs.getBoolean("active"));
                })
                .list().forEach(t -> targets.put(t.subscription(), t));
        return targets;
    }

    void replaceWebhookSecret(UUID id, String secretEncrypted) {
        jdbc.sql("UPDATE subscriptions SET webhook_secret_enc = :secret WHERE id = :id")
                .param("id", id).param("secret", secretEncrypted.getBytes(StandardCharsets.UTF_8)).update();
    }

    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM subscriptions WHERE id = :id").param("id", id).update() == 1;
    }

    private Subscription row(ResultSet rs, int n) throws SQLException {
        AlertFilter filter = new AlertFilter(rs.getObject("election_id", UUID.class),
                enums(rs.getArray("cycle_phases"), CyclePhase::valueOf),
                enums(rs.getArray("incident_types"), IncidentType::valueOf),
                enums(rs.getArray("target_categories"), TargetCategory::valueOf),
                uuids(rs.getArray("target_organisations")),
                new HashSet<>(strings(rs.getArray("disarm_techniques"))),
                (Integer) rs.getObject("min_confidence", Integer.class),
                uuids(rs.getArray("communities")),
                watchList(rs.getString("watch_list")));
        Set<AlertChannel> channels = EnumSet.noneOf(AlertChannel.class);
        strings(rs.getArray("channels")).forEach(c -> channels.add(AlertChannel.valueOf(c)));
        return new Subscription(rs.getObject("id", UUID.class), rs.getObject("owner_account", UUID.class),
                rs.getObject("owner_organisation", UUID.class), rs.getObject("created_by", UUID.class), rs.getString("name"), filter,
                DeliveryMode.valueOf(rs.getString("mode")), channels, rs.getString("webhook_url"), rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant());
    }

    private String watchJson(List<WatchItem> items) {
        ArrayNode array = json.createArrayNode();
        for (WatchItem item : items) {
            array.addObject().put("type", item.kind()).put("value", item.value()).put("normalised", item.matchKey());
        }
        return array.toString();
    }

    private List<WatchItem> watchList(String text) {
        try {
            List<WatchItem> items = new ArrayList<>();
            for (JsonNode node : json.readTree(text)) {
                String kind = node.path("type").asText();
                items.add(new WatchItem("keyword".equals(kind) ? null : ObservableType.fromKey(kind), node.path("value").asText(),
                        node.path("normalised").asText()));
            }
            return items;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable watch list in the database", e);
        }
    }

    private static String names(Collection<? extends Enum<?>> values) {
        return textArray(values.stream().map(Enum::name).sorted().toList());
    }

    static String textArray(Collection<String> values) {
        return values.stream().sorted().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static <E> Set<E> enums(Array array, Function<String, E> parse) throws SQLException {
        return strings(array).stream().map(parse).collect(Collectors.toSet());
    }

    private static Set<UUID> uuids(Array array) throws SQLException {
        return array == null ? Set.of() : new HashSet<>(Arrays.asList((UUID[]) array.getArray()));
    }
}
