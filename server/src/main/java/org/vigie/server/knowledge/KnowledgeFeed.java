package org.vigie.server.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vigie.core.sharing.Distribution;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Sharing;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.sharing.Viewer;
import org.vigie.core.sharing.VisibilityPolicy;

/**
 * A community's feed in the order versions were stored, for machines that follow it (federation
 * push): every version added after a point, shared into the community, that the viewer may see and
 * at most a TLP ceiling. Through the visibility policy like every read.
 */
@Component
public class KnowledgeFeed {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    KnowledgeFeed(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A place in the feed: versions are ordered by when they were stored, then id and version (an
     * import stores many versions at the same instant, so the instant alone does not say where one stopped).
     */
    public record Position(Instant addedAt, String stixId, Instant modified) {

        public static Position of(StoredObject object) {
            return new Position(object.addedAt(), object.stixId(), object.modified());
        }

        /** "added_at|id|modified", as kept by a follower. */
        @Override
        public String toString() {
            return addedAt + "|" + stixId + "|" + modified;
        }

        public static Position parse(String text) {
            String[] parts = text.split("\\|", 3);
            return new Position(Instant.parse(parts[0]), parts[1], Instant.parse(parts[2]));
        }
    }

    /**
     * @param after versions after this place in the feed (null: from the start)
     * @param exceptOwner leaves out this organisation's objects (what a peer sent, not to be echoed back), or null
     */
    public List<StoredObject> addedSince(Viewer viewer, UUID community, Tlp ceiling, Position after, UUID exceptOwner, int limit) {
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        String levels = Arrays.stream(Tlp.values()).filter(t -> t.compareTo(ceiling) <= 0 && !VisibilityPolicy.readIsAudited(t))
                .map(t -> "'" + t.name() + "'").collect(Collectors.joining(", "));
        Map<String, Object> parameters = new java.util.HashMap<>(visible.parameters());
        parameters.put("community", community.toString());
        Position from = after == null ? new Position(Instant.EPOCH, "", Instant.EPOCH) : after;
        parameters.put("after", Timestamp.from(from.addedAt()));
        parameters.put("afterId", from.stixId());
        parameters.put("afterModified", Timestamp.from(from.modified()));
        parameters.put("except", exceptOwner == null ? new UUID(0, 0) : exceptOwner);
        parameters.put("limit", limit);
        return jdbc.sql("""
                SELECT o.stix_id, o.type, o.modified, o.is_latest, o.owner_organisation, o.tlp, o.pap, o.dist_communities,
                       o.dist_organisations, o.dist_users, o.added_at, o.object
                FROM stix_objects o
                WHERE (o.added_at, o.stix_id, o.modified) > (:after, :afterId, :afterModified) AND o.dist_communities @> ARRAY[CAST(:community AS uuid)]
                  AND o.owner_organisation IS NOT NULL AND o.owner_organisation <> :except
                  AND o.tlp IN (""" + levels + ") AND " + visible.sql() + """
                 ORDER BY o.added_at, o.stix_id, o.modified LIMIT :limit""")
                .params(parameters)
                .query((rs, n) -> {
                    String pap = rs.getString("pap");
                    Sharing sharing = new Sharing(rs.getObject("owner_organisation", UUID.class), Tlp.valueOf(rs.getString("tlp")),
                            pap == null ? null : Pap.valueOf(pap), new Distribution(uuids(rs.getArray("dist_communities")),
                            uuids(rs.getArray("dist_organisations")), uuids(rs.getArray("dist_users"))));
                    return new StoredObject(rs.getString("stix_id"), rs.getString("type"), rs.getTimestamp("modified").toInstant(),
                            rs.getBoolean("is_latest"), sharing, rs.getTimestamp("added_at").toInstant(), read(rs.getString("object")));
                })
                .list();
    }

    private static Set<UUID> uuids(Array array) throws SQLException {
        return array == null ? Set.of() : new HashSet<>(Arrays.asList((UUID[]) array.getArray()));
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored object is not JSON", e);
        }
    }
}
