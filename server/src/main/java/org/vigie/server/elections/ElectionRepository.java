package org.vigie.server.elections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.core.organisations.CountryCode;
import org.vigie.core.taxonomy.ElectionType;

@Repository
class ElectionRepository {

    private static final String COLUMNS = """
            id, name, country, type, election_day, second_round_day, campaign_starts, campaign_ends, description,
            created_at, updated_at, created_by""";

    private final JdbcClient jdbc;

    ElectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Election> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM elections WHERE id = :id").param("id", id)
                .query(ElectionRepository::map).optional();
    }

    /** Newest election day first; within a day, by name. */
    List<Election> find(ElectionFilter filter) {
        List<String> where = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (filter.country() != null) {
            where.add("country = :country");
            params.addValue("country", filter.country().value());
        }
        if (filter.type() != null) {
            where.add("type = :type");
            params.addValue("type", filter.type().name());
        }
        if (filter.from() != null) {
            where.add("election_day >= :from");
            params.addValue("from", filter.from(), Types.DATE);
        }
        if (filter.to() != null) {
            where.add("election_day <= :to");
            params.addValue("to", filter.to(), Types.DATE);
        }
        String sql = "SELECT " + COLUMNS + " FROM elections"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY election_day DESC, lower(name)";
        return jdbc.sql(sql).paramSource(params).query(ElectionRepository::map).list();
    }

    /** Elections under way on that day: from the campaign's first day (or election day) to the last day of voting. */
    List<Election> underWayOn(LocalDate day) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM elections
                        WHERE coalesce(campaign_starts, election_day) <= :day
                          AND coalesce(second_round_day, election_day) >= :day
                        ORDER BY election_day, lower(name)""")
                .param("day", day, Types.DATE)
                .query(ElectionRepository::map).list();
    }

    /** Case-insensitive within the country, as the unique index is. */
    Optional<UUID> findIdByName(String country, String name) {
        return jdbc.sql("SELECT id FROM elections WHERE country = :country AND lower(name) = lower(:name)")
                .param("country", country).param("name", name.trim())
                .query(UUID.class).optional();
    }

    void insert(Election election) {
        jdbc.sql("""
                INSERT INTO elections (id, name, country, type, election_day, second_round_day, campaign_starts, campaign_ends,
                                       description, created_at, updated_at, created_by)
                VALUES (:id, :name, :country, :type, :electionDay, :secondRoundDay, :campaignStarts, :campaignEnds,
                        :description, :createdAt, :updatedAt, :createdBy)""")
                .paramSource(parameters(election)
                        .addValue("createdAt", Timestamp.from(election.createdAt()))
                        .addValue("createdBy", election.createdBy()))
                .update();
    }

    void update(Election election) {
        jdbc.sql("""
                UPDATE elections SET name = :name, country = :country, type = :type, election_day = :electionDay,
                       second_round_day = :secondRoundDay, campaign_starts = :campaignStarts, campaign_ends = :campaignEnds,
                       description = :description, updated_at = :updatedAt
                WHERE id = :id""")
                .paramSource(parameters(election))
                .update();
    }

    private static MapSqlParameterSource parameters(Election election) {
        return new MapSqlParameterSource()
                .addValue("id", election.id())
                .addValue("name", election.name())
                .addValue("country", election.country().value())
                .addValue("type", election.type().name())
                .addValue("electionDay", election.electionDay(), Types.DATE)
                .addValue("secondRoundDay", election.secondRoundDay(), Types.DATE)
                .addValue("campaignStarts", election.campaignStarts(), Types.DATE)
                .addValue("campaignEnds", election.campaignEnds(), Types.DATE)
                .addValue("description", election.description())
                .addValue("updatedAt", Timestamp.from(election.updatedAt()));
    }

    private static Election map(ResultSet rs, int row) throws SQLException {
        return new Election(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                new CountryCode(rs.getString("country")),
                ElectionType.valueOf(rs.getString("type")),
                rs.getObject("election_day", LocalDate.class),
                rs.getObject("second_round_day", LocalDate.class),
                rs.getObject("campaign_starts", LocalDate.class),
                rs.getObject("campaign_ends", LocalDate.class),
                rs.getString("description"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getObject("created_by", UUID.class));
    }
}
