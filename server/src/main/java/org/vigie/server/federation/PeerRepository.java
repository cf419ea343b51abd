package org.vigie.server.federation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.core.sharing.Tlp;

/** SQL of the peers. The encrypted token is read by one method only, for the client. */
@Repository
class PeerRepository {

    private static final String COLUMNS = """
            id, name, discovery_url, api_root, collection_id, auth_scheme, username, organisation_id, community_id,
            max_tlp, pull_interval_minutes, enabled, pull_cursor, push_community_id, push_collection_id, push_cursor,
            created_at, updated_at""";

    private final JdbcClient jdbc;

    PeerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Peer> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM federation_peers ORDER BY lower(name)").query(PeerRepository::map).list();
    }

    Optional<Peer> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM federation_peers WHERE id = :id").param("id", id).query(PeerRepository::map).optional();
    }

    boolean nameTaken(String name, UUID except) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM federation_peers WHERE lower(name) = lower(:name) AND id <> :except)")
                .param("name", name).param("except", except == null ? new UUID(0, 0) : except).query(Boolean.class).single();
    }

    void insert(Peer peer, String encryptedToken) {
        jdbc.sql("""
                INSERT INTO federation_peers (id, name, discovery_url, api_root, collection_id, auth_scheme, username,
                    token_encrypted, organisation_id, community_id, max_tlp, pull_interval_minutes, enabled,
                    push_community_id, push_collection_id, created_at, updated_at)
                VALUES (:id, :name, :discovery, :apiRoot, :collection, :scheme, :username, :token, :organisation, :community,
                    :maxTlp, :interval, :enabled, :pushCommunity, :pushCollection, :now, :now)""")
                .params(fields(peer)).param("token", encryptedToken).param("now", Timestamp.from(peer.createdAt()))
                .update();
    }

    void update(Peer peer) {
        jdbc.sql("""
                UPDATE federation_peers SET name = :name, discovery_url = :discovery, api_root = :apiRoot,
                    collection_id = :collection, auth_scheme = :scheme, username = :username, community_id = :community,
                    max_tlp = :maxTlp, pull_interval_minutes = :interval, enabled = :enabled,
                    push_community_id = :pushCommunity, push_collection_id = :pushCollection, updated_at = :now
                WHERE id = :id""")
                .params(fields(peer)).param("now", Timestamp.from(peer.updatedAt())).update();
    }

    private static java.util.Map<String, Object> fields(Peer peer) {
        java.util.Map<String, Object> row = new java.util.HashMap<>();
        row.put("id", peer.id());
        row.put("name", peer.name());
        row.put("discovery", peer.discoveryUrl());
        row.put("apiRoot", peer.apiRoot());
        row.put("collection", peer.collectionId());
        row.put("scheme", peer.authScheme().name());
        row.put("username", peer.username());
        row.put("organisation", peer.organisationId());
        row.put("community", peer.communityId());
        row.put("maxTlp", peer.maxTlp().name());
        row.put("interval", peer.pullIntervalMinutes());
        row.put("enabled", peer.enabled());
        row.put("pushCommunity", peer.pushCommunityId());
        row.put("pushCollection", peer.pushCollectionId());
        return row;
    }

    void replaceToken(UUID id, String encryptedToken) {
        jdbc.sql("UPDATE federation_peers SET token_encrypted = :token WHERE id = :id").param("id", id).param("token", encryptedToken).update();
    }

    /** The token as stored (encrypted): for the TAXII client only, never for a view. */
    String encryptedToken(UUID id) {
        return jdbc.sql("SELECT token_encrypted FROM federation_peers WHERE id = :id").param("id", id).query(String.class).single();
    }

    void advancePullCursor(UUID id, String cursor) {
        jdbc.sql("UPDATE federation_peers SET pull_cursor = :cursor WHERE id = :id").param("id", id).param("cursor", cursor).update();
    }

    void advancePushCursor(UUID id, String cursor) {
        jdbc.sql("UPDATE federation_peers SET push_cursor = :cursor WHERE id = :id").param("id", id).param("cursor", cursor).update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM federation_peers WHERE id = :id").param("id", id).update();
    }

    private static Peer map(ResultSet rs, int row) throws SQLException {
        return new Peer(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("discovery_url"), rs.getString("api_root"),
                rs.getString("collection_id"), AuthScheme.valueOf(rs.getString("auth_scheme")), rs.getString("username"),
                rs.getObject("organisation_id", UUID.class), rs.getObject("community_id", UUID.class),
                Tlp.valueOf(rs.getString("max_tlp")), rs.getInt("pull_interval_minutes"), rs.getBoolean("enabled"),
                rs.getString("pull_cursor"), rs.getObject("push_community_id", UUID.class), rs.getString("push_collection_id"),
                rs.getString("push_cursor"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
