package org.vigie.server.organisations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.core.organisations.CountryCode;
import org.vigie.core.organisations.Sector;

@Repository
class OrganisationRepository {

    private static final String COLUMNS = "id, name, sector, country, description, created_at, updated_at";

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Organisation> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisations WHERE id = :id").param("id", id)
                .query(OrganisationRepository::map).optional();
    }

    List<Organisation> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisations ORDER BY lower(name)").query(OrganisationRepository::map).list();
    }

    /** Case-insensitive, as the unique index is. */
    Optional<UUID> findIdByName(String name) {
        return jdbc.sql("SELECT id FROM organisations WHERE lower(name) = lower(:name)").param("name", name.trim())
                .query(UUID.class).optional();
    }

    void insert(Organisation organisation) {
        jdbc.sql("""
                INSERT INTO organisations (id, name, sector, country, description, created_at, updated_at)
                VALUES (:id, :name, :sector, :country, :description, :createdAt, :updatedAt)""")
                .param("id", organisation.id())
                .param("name", organisation.name())
                .param("sector", organisation.sector().name())
                .param("country", organisation.country().value())
                .param("description", organisation.description())
                .param("createdAt", Timestamp.from(organisation.createdAt()))
                .param("updatedAt", Timestamp.from(organisation.updatedAt()))
                .update();
    }

    void update(Organisation organisation) {
        jdbc.sql("""
                UPDATE organisations SET name = :name, sector = :sector, country = :country, description = :description,
                       updated_at = :updatedAt
                WHERE id = :id""")
                .param("id", organisation.id())
                .param("name", organisation.name())
                .param("sector", organisation.sector().name())
                .param("country", organisation.country().value())
                .param("description", organisation.description())
                .param("updatedAt", Timestamp.from(organisation.updatedAt()))
                .update();
    }

    private static Organisation map(ResultSet rs, int row) throws SQLException {
        return new Organisation(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                Sector.valueOf(rs.getString("sector")),
                new CountryCode(rs.getString("country")),
                rs.getString("description"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
