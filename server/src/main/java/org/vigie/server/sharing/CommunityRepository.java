package org.vigie.server.sharing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.core.organisations.Sector;

/**
 * Communities, their members and administrators. Organisation names and usernames are read by
 * joining their tables: every list shows them, and one query is cheaper than one per row.
 */
@Repository
class CommunityRepository {

    private static final String COLUMNS = "c.id, c.name, c.purpose, c.charter::text AS charter, c.charter_version, "
            + "c.charter_changed_at, c.created_at, c.updated_at";

    /** The stored form of a charter, independent of how the API's JSON is configured. */
    private static final ObjectMapper CHARTER_JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final String MEMBERS = """
            SELECT m.community_id, m.organisation_id, o.name AS organisation_name, o.sector, m.added_at,
                   m.accepted_version, m.accepted_at, a.username AS accepted_by,
                   m.accepted_version IS NOT DISTINCT FROM c.charter_version AS accepted
            FROM community_members m
                 JOIN communities c ON c.id = m.community_id
                 JOIN organisations o ON o.id = m.organisation_id
                 LEFT JOIN accounts a ON a.id = m.accepted_by
            """;

    private static final String ADMINISTRATORS = """
            SELECT ca.community_id, ca.account_id, a.username, a.organisation_id, o.name AS organisation_name, ca.appointed_at
            FROM community_administrators ca
                 JOIN accounts a ON a.id = ca.account_id
                 LEFT JOIN organisations o ON o.id = a.organisation_id
            """;

    private final JdbcClient jdbc;

    CommunityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The communities in which the organisation is a member and has accepted the current charter:
     * an index-only scan of its memberships joined to the communities' primary key.
     */
    Set<UUID> activeCommunitiesOf(UUID organisationId) {
        return new LinkedHashSet<>(jdbc.sql("""
                SELECT m.community_id FROM community_members m JOIN communities c ON c.id = m.community_id
                WHERE m.organisation_id = :organisation AND m.accepted_version = c.charter_version""")
                .param("organisation", organisationId)
                .query(UUID.class).list());
    }

    Optional<Community> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM communities c WHERE c.id = :id").param("id", id)
                .query(CommunityRepository::community).optional();
    }

    /**
     * Locks the community's row until the transaction ends: a charter change and an acceptance of
     * the charter are thereby serialised, so nobody accepts a version that is being replaced.
     */
    Optional<Community> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM communities c WHERE c.id = :id FOR UPDATE").param("id", id)
                .query(CommunityRepository::community).optional();
    }

    /** Every community with its number of members and the state of this organisation (which may be null) in it. */
    List<CommunitySummary> summaries(UUID organisationId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                , (SELECT count(*) FROM community_members n WHERE n.community_id = c.id) AS member_count,
                  mine.organisation_id IS NOT NULL AS member,
                  mine.accepted_version IS NOT DISTINCT FROM c.charter_version AS accepted
                FROM communities c
                     LEFT JOIN community_members mine ON mine.community_id = c.id AND mine.organisation_id = :organisation
                ORDER BY lower(c.name)""")
                .param("organisation", organisationId)
                .query((rs, row) -> new CommunitySummary(community(rs, row), rs.getInt("member_count"),
                        !rs.getBoolean("member") ? MembershipState.NONE
                                : rs.getBoolean("accepted") ? MembershipState.ACCEPTED : MembershipState.PENDING))
                .list();
    }

    /** Case-insensitive, as the unique index is. */
    Optional<UUID> findIdByName(String name) {
        return jdbc.sql("SELECT id FROM communities WHERE lower(name) = lower(:name)").param("name", name.trim())
                .query(UUID.class).optional();
    }

    void insert(Community community) {
        jdbc.sql("""
                INSERT INTO communities (id, name, purpose, charter, charter_version, charter_changed_at, created_at, updated_at)
                VALUES (:id, :name, :purpose, CAST(:charter AS jsonb), :version, :charterChangedAt, :createdAt, :updatedAt)""")
                .param("id", community.id())
                .param("name", community.name())
                .param("purpose", community.purpose())
                .param("charter", json(community.charter()))
                .param("version", community.charterVersion())
                .param("charterChangedAt", Timestamp.from(community.charterChangedAt()))
                .param("createdAt", Timestamp.from(community.createdAt()))
                .param("updatedAt", Timestamp.from(community.updatedAt()))
                .update();
    }

    void update(Community community) {
        jdbc.sql("""
                UPDATE communities SET name = :name, purpose = :purpose, charter = CAST(:charter AS jsonb),
                       charter_version = :version, charter_changed_at = :charterChangedAt, updated_at = :updatedAt
                WHERE id = :id""")
                .param("id", community.id())
                .param("name", community.name())
                .param("purpose", community.purpose())
                .param("charter", json(community.charter()))
                .param("version", community.charterVersion())
                .param("charterChangedAt", Timestamp.from(community.charterChangedAt()))
                .param("updatedAt", Timestamp.from(community.updatedAt()))
                .update();
    }

    List<Membership> members(UUID communityId) {
        return jdbc.sql(MEMBERS + "WHERE m.community_id = :community ORDER BY lower(o.name)")
                .param("community", communityId)
                .query(CommunityRepository::membership).list();
    }

    Optional<Membership> member(UUID communityId, UUID organisationId) {
        return jdbc.sql(MEMBERS + "WHERE m.community_id = :community AND m.organisation_id = :organisation")
                .param("community", communityId)
                .param("organisation", organisationId)
                .query(CommunityRepository::membership).optional();
    }

    /** @param addedBy the acting account, or null when the platform itself adds the member */
    void insertMember(UUID communityId, UUID organisationId, Instant addedAt, UUID addedBy) {
        jdbc.sql("""
                INSERT INTO community_members (community_id, organisation_id, added_at, added_by)
                VALUES (:community, :organisation, :addedAt, :addedBy)""")
                .param("community", communityId)
                .param("organisation", organisationId)
                .param("addedAt", Timestamp.from(addedAt))
                .param("addedBy", addedBy)
                .update();
    }

    void recordAcceptance(UUID communityId, UUID organisationId, int version, Instant acceptedAt, UUID acceptedBy) {
        jdbc.sql("""
                UPDATE community_members SET accepted_version = :version, accepted_at = :acceptedAt, accepted_by = :acceptedBy
                WHERE community_id = :community AND organisation_id = :organisation""")
                .param("community", communityId)
                .param("organisation", organisationId)
                .param("version", version)
                .param("acceptedAt", Timestamp.from(acceptedAt))
                .param("acceptedBy", acceptedBy)
                .update();
    }

    void deleteMember(UUID communityId, UUID organisationId) {
        jdbc.sql("DELETE FROM community_members WHERE community_id = :community AND organisation_id = :organisation")
                .param("community", communityId)
                .param("organisation", organisationId)
                .update();
    }

    List<CommunityAdministrator> administrators(UUID communityId) {
        return jdbc.sql(ADMINISTRATORS + "WHERE ca.community_id = :community ORDER BY a.username")
                .param("community", communityId)
                .query(CommunityRepository::administrator).list();
    }

    Optional<CommunityAdministrator> administrator(UUID communityId, UUID accountId) {
        return jdbc.sql(ADMINISTRATORS + "WHERE ca.community_id = :community AND ca.account_id = :account")
                .param("community", communityId)
                .param("account", accountId)
                .query(CommunityRepository::administrator).optional();
    }

    boolean isAdministrator(UUID communityId, UUID accountId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM community_administrators WHERE community_id = :community AND account_id = :account)")
                .param("community", communityId)
                .param("account", accountId)
                .query(Boolean.class).single();
    }

    /** @param appointedBy the acting account, or null when the platform itself appoints */
    void insertAdministrator(UUID communityId, UUID accountId, Instant appointedAt, UUID appointedBy) {
        jdbc.sql("""
                INSERT INTO community_administrators (community_id, account_id, appointed_at, appointed_by)
                VALUES (:community, :account, :appointedAt, :appointedBy)""")
                .param("community", communityId)
                .param("account", accountId)
                .param("appointedAt", Timestamp.from(appointedAt))
                .param("appointedBy", appointedBy)
                .update();
    }

    void deleteAdministrator(UUID communityId, UUID accountId) {
        jdbc.sql("DELETE FROM community_administrators WHERE community_id = :community AND account_id = :account")
                .param("community", communityId)
                .param("account", accountId)
                .update();
    }

    /** Withdraws the administrators who belong to this organisation; answers their account ids. */
    List<UUID> deleteAdministratorsOf(UUID communityId, UUID organisationId) {
        return jdbc.sql("""
                DELETE FROM community_administrators ca USING accounts a
                WHERE ca.account_id = a.id AND ca.community_id = :community AND a.organisation_id = :organisation
                RETURNING ca.account_id""")
                .param("community", communityId)
                .param("organisation", organisationId)
                .query(UUID.class).list();
    }

    Optional<AccountOption> account(UUID accountId) {
        return jdbc.sql("""
                SELECT a.id, a.username, a.organisation_id, o.name AS organisation_name
                FROM accounts a LEFT JOIN organisations o ON o.id = a.organisation_id WHERE a.id = :id""")
                .param("id", accountId)
                .query(CommunityRepository::accountOption).optional();
    }

    /** Enabled accounts of member organisations that are not administrators of the community yet. */
    List<AccountOption> administratorCandidates(UUID communityId) {
        return jdbc.sql("""
                SELECT a.id, a.username, a.organisation_id, o.name AS organisation_name
                FROM community_members m
                     JOIN accounts a ON a.organisation_id = m.organisation_id AND a.enabled
                     JOIN organisations o ON o.id = a.organisation_id
                WHERE m.community_id = :community
                  AND NOT EXISTS (SELECT 1 FROM community_administrators ca WHERE ca.community_id = :community AND ca.account_id = a.id)
                ORDER BY lower(o.name), a.username""")
                .param("community", communityId)
                .query(CommunityRepository::accountOption).list();
    }

    private static String json(Charter charter) {
        try {
            return CHARTER_JSON.writeValueAsString(charter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a charter that cannot be written as JSON", e);
        }
    }

    private static Charter charter(String json) {
        try {
            return CHARTER_JSON.readValue(json, Charter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored charter that cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static Community community(ResultSet rs, int row) throws SQLException {
        return new Community(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("purpose"),
                charter(rs.getString("charter")),
                rs.getInt("charter_version"),
                rs.getTimestamp("charter_changed_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Membership membership(ResultSet rs, int row) throws SQLException {
        Timestamp acceptedAt = rs.getTimestamp("accepted_at");
        return new Membership(
                rs.getObject("community_id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("organisation_name"),
                Sector.valueOf(rs.getString("sector")),
                rs.getTimestamp("added_at").toInstant(),
                rs.getObject("accepted_version", Integer.class),
                acceptedAt == null ? null : acceptedAt.toInstant(),
                rs.getString("accepted_by"),
                rs.getBoolean("accepted"));
    }

    private static CommunityAdministrator administrator(ResultSet rs, int row) throws SQLException {
        return new CommunityAdministrator(
                rs.getObject("community_id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("username"),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("organisation_name"),
                rs.getTimestamp("appointed_at").toInstant());
    }

    private static AccountOption accountOption(ResultSet rs, int row) throws SQLException {
        return new AccountOption(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("organisation_name"));
    }
}
