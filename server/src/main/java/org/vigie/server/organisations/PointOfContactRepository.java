package org.vigie.server.organisations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.core.organisations.ContactTopic;

/**
 * Points of contact, always read with their organisation's name. The directory's sector and country
 * filters go through the join to organisations, which have no index on those columns: with a few
 * hundred organisations a scan is cheaper than maintaining one. Topic is indexed on the contacts.
 */
@Repository
class PointOfContactRepository {

    private static final String SELECT = """
            SELECT c.id, c.organisation_id, o.name AS organisation_name, c.topic, c.name, c.role_title, c.email, c.phone,
                   c.availability, c.created_at, c.updated_at
            FROM points_of_contact c JOIN organisations o ON o.id = c.organisation_id
            """;

    /** Topics in the order the enum declares them (most specific first), not alphabetically. */
    private static final String TOPIC_ORDER = "array_position(ARRAY["
            + Arrays.stream(ContactTopic.values()).map(t -> "'" + t.name() + "'").collect(Collectors.joining(","))
            + "]::text[], c.topic)";

    private final JdbcClient jdbc;

    PointOfContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PointOfContact> findById(UUID id) {
        return jdbc.sql(SELECT + "WHERE c.id = :id").param("id", id).query(PointOfContactRepository::map).optional();
    }

    List<PointOfContact> findByOrganisation(UUID organisationId) {
        return jdbc.sql(SELECT + "WHERE c.organisation_id = :organisation ORDER BY " + TOPIC_ORDER + ", lower(c.name)")
                .param("organisation", organisationId)
                .query(PointOfContactRepository::map).list();
    }

    List<PointOfContact> find(ContactFilter filter) {
        StringBuilder where = new StringBuilder("WHERE true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.topic() != null) {
            where.append(" AND c.topic = :topic");
            params.put("topic", filter.topic().name());
        }
        if (filter.sector() != null) {
            where.append(" AND o.sector = :sector");
            params.put("sector", filter.sector().name());
        }
        if (filter.country() != null) {
            where.append(" AND o.country = :country");
            params.put("country", filter.country().value());
        }
        if (filter.hasText()) {
            where.append(" AND (c.name ILIKE :text OR c.role_title ILIKE :text OR c.email ILIKE :text"
                    + " OR c.phone ILIKE :text OR c.availability ILIKE :text OR o.name ILIKE :text)");
            params.put("text", "%" + likeEscaped(filter.text().trim()) + "%");
        }
        return jdbc.sql(SELECT + where + "\nORDER BY lower(o.name), " + TOPIC_ORDER + ", lower(c.name)")
                .params(params)
                .query(PointOfContactRepository::map).list();
    }

    void insert(PointOfContact contact) {
        jdbc.sql("""
                INSERT INTO points_of_contact (id, organisation_id, topic, name, role_title, email, phone, availability,
                                               created_at, updated_at)
                VALUES (:id, :organisation, :topic, :name, :roleTitle, :email, :phone, :availability, :createdAt, :updatedAt)""")
                .param("id", contact.id())
                .param("organisation", contact.organisationId())
                .param("topic", contact.topic().name())
                .param("name", contact.name())
                .param("roleTitle", contact.roleTitle())
                .param("email", contact.email())
                .param("phone", contact.phone())
                .param("availability", contact.availability())
                .param("createdAt", Timestamp.from(contact.createdAt()))
                .param("updatedAt", Timestamp.from(contact.updatedAt()))
                .update();
    }

    void update(PointOfContact contact) {
        jdbc.sql("""
                UPDATE points_of_contact SET topic = :topic, name = :name, role_title = :roleTitle, email = :email,
                       phone = :phone, availability = :availability, updated_at = :updatedAt
                WHERE id = :id""")
                .param("id", contact.id())
                .param("topic", contact.topic().name())
                .param("name", contact.name())
                .param("roleTitle", contact.roleTitle())
                .param("email", contact.email())
                .param("phone", contact.phone())
                .param("availability", contact.availability())
                .param("updatedAt", Timestamp.from(contact.updatedAt()))
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM points_of_contact WHERE id = :id").param("id", id).update();
    }

    /** So that "50%" or "a_b" typed in the search box are looked for literally. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static PointOfContact map(ResultSet rs, int row) throws SQLException {
        return new PointOfContact(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("organisation_name"),
                ContactTopic.valueOf(rs.getString("topic")),
                rs.getString("name"),
                rs.getString("role_title"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("availability"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
