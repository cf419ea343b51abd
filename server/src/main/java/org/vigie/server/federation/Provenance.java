package org.vigie.server.federation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.server.knowledge.VersionOrigins;

/**
 * Which peer sent each version stored by a pull. The object page shows it through
 * {@link VersionOrigins}: it is only asked about an object the reader may already see.
 */
@Repository
class Provenance implements VersionOrigins {

    /** A version received in a run. */
    record Received(String stixId, Instant modified) {
    }

    private final JdbcClient jdbc;

    Provenance(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Peer peer, UUID run, List<Received> versions, Instant now) {
        for (Received version : versions) {
            jdbc.sql("""
                    INSERT INTO federation_provenance (stix_id, modified, peer_id, peer_name, run_id, received_at)
                    VALUES (:id, :modified, :peer, :name, :run, :now) ON CONFLICT DO NOTHING""")
                    .param("id", version.stixId()).param("modified", Timestamp.from(version.modified()))
                    .param("peer", peer.id()).param("name", peer.name()).param("run", run).param("now", Timestamp.from(now))
                    .update();
        }
    }

    @Override
    public Map<Instant, Origin> of(String stixId) {
        Map<Instant, Origin> origins = new HashMap<>();
        jdbc.sql("SELECT modified, peer_name, received_at FROM federation_provenance WHERE stix_id = :id")
                .param("id", stixId)
                .query(rs -> {
                    origins.put(rs.getTimestamp(1).toInstant(), new Origin(rs.getString(2), rs.getTimestamp(3).toInstant()));
                });
        return origins;
    }
}
