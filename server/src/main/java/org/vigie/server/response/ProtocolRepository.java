package org.vigie.server.response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.core.accounts.OrganisationRole;
import org.vigie.core.reports.IncidentType;
import org.vigie.core.response.Severity;
import org.vigie.core.response.Trigger;
import org.vigie.core.taxonomy.TargetCategory;

/** The SQL of {@code response_protocols} (V16), and the JSON form of levels shared with board snapshots. */
@Repository
class ProtocolRepository {

    private static final String COLUMNS = """
            id, community_id, name, description, incident_types, min_severity, target_categories, levels, active, created_by,
            created_at, updated_at""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ProtocolRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Protocol p) {
        jdbc.sql("""
                INSERT INTO response_protocols (id, community_id, name, description, incident_types, min_severity, target_categories,
                    levels, active, created_by, created_at, updated_at)
                VALUES (:id, :community, :name, :description, CAST(:types AS text[]), :severity, CAST(:categories AS text[]),
                    CAST(:levels AS jsonb), :active, :createdBy, :createdAt, :updatedAt)""")
                .params(params(p)).update();
    }

    void update(Protocol p) {
        jdbc.sql("""
                UPDATE response_protocols SET name = :name, description = :description, incident_types = CAST(:types AS text[]),
                    min_severity = :severity, target_categories = CAST(:categories AS text[]), levels = CAST(:levels AS jsonb),
                    active = :active, updated_at = :updatedAt
                WHERE id = :id""")
                .params(params(p)).update();
    }

    private java.util.Map<String, Object> params(Protocol p) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("id", p.id());
        m.put("community", p.communityId());
        m.put("name", p.name());
        m.put("description", p.description());
        m.put("types", literal(p.trigger().types().stream().map(Enum::name).sorted().toList()));
        m.put("severity", p.trigger().minSeverity() == null ? null : p.trigger().minSeverity().name());
        m.put("categories", literal(p.trigger().targetCategories().stream().map(Enum::name).sorted().toList()));
        m.put("levels", levelsJson(p.levels()).toString());
        m.put("active", p.active());
        m.put("createdBy", p.createdBy());
        m.put("createdAt", Timestamp.from(p.createdAt()));
        m.put("updatedAt", Timestamp.from(p.updatedAt()));
        return m;
    }

    Optional<Protocol> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM response_protocols WHERE id = :id").param("id", id).query(this::row).optional();
    }

    List<Protocol> ofCommunity(UUID community) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM response_protocols WHERE community_id = :c ORDER BY lower(name)")
                .param("c", community).query(this::row).list();
    }

    /** Active protocols of the communities given (those the reader's organisation takes part in). */
    List<Protocol> activeOf(Set<UUID> communities) {
        if (communities.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM response_protocols WHERE active AND community_id = ANY(CAST(:c AS uuid[])) ORDER BY lower(name)")
                .param("c", literal(communities.stream().map(UUID::toString).sorted().toList())).query(this::row).list();
    }

    Optional<UUID> idByName(UUID community, String name) {
        return jdbc.sql("SELECT id FROM response_protocols WHERE community_id = :c AND lower(name) = lower(:name)")
                .param("c", community).param("name", name).query(UUID.class).optional();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM response_protocols WHERE id = :id").param("id", id).update();
    }

    boolean hasBoards(UUID id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM response_boards WHERE protocol_id = :id)").param("id", id).query(Boolean.class).single();
    }

    private Protocol row(ResultSet rs, int n) throws SQLException {
        String severity = rs.getString("min_severity");
        Trigger trigger = new Trigger(
                strings(rs.getArray("incident_types")).stream().map(IncidentType::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(IncidentType.class))),
                severity == null ? null : Severity.valueOf(severity),
                strings(rs.getArray("target_categories")).stream().map(TargetCategory::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(TargetCategory.class))));
        try {
            return new Protocol(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class), rs.getString("name"),
                    rs.getString("description"), trigger, levels(json.readTree(rs.getString("levels"))), rs.getBoolean("active"),
                    rs.getObject("created_by", UUID.class), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable levels of protocol " + rs.getString("id"), e);
        }
    }

    ArrayNode levelsJson(List<Protocol.Level> levels) {
        ArrayNode array = json.createArrayNode();
        for (Protocol.Level level : levels) {
            ObjectNode o = array.addObject();
            o.put("name", level.name());
            ArrayNode orgs = o.putArray("organisations");
            level.organisations().forEach(id -> orgs.add(id.toString()));
            ArrayNode roles = o.putArray("roles");
            level.roles().stream().sorted().forEach(r -> roles.add(r.name()));
            ArrayNode checklist = o.putArray("checklist");
            level.checklist().forEach(checklist::add);
            o.put("acknowledgeWithin", level.acknowledgeWithin().toString());
        }
        return array;
    }

    static List<Protocol.Level> levels(JsonNode array) {
        List<Protocol.Level> levels = new ArrayList<>();
        for (JsonNode o : array) {
            List<UUID> orgs = new ArrayList<>();
            o.path("organisations").forEach(id -> orgs.add(UUID.fromString(id.asText())));
            Set<OrganisationRole> roles = EnumSet.noneOf(OrganisationRole.class);
            o.path("roles").forEach(r -> roles.add(OrganisationRole.valueOf(r.asText())));
            List<String> checklist = new ArrayList<>();
            o.path("checklist").forEach(c -> checklist.add(c.asText()));
            levels.add(new Protocol.Level(o.path("name").asText(), orgs, roles, checklist, Duration.parse(o.path("acknowledgeWithin").asText())));
        }
        return levels;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static String literal(List<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").collect(Collectors.joining(",", "{", "}"));
    }
}
