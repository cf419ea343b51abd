package org.vigie.server.taxii;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.core.accounts.Member;

/**
 * TAXII status resources (V11 {@code taxii_status}). A status tells what became of each posted
 * object, so only the organisation that posted (or the account, for one without an organisation)
 * may read it back; anyone else gets the same 404 as for an unknown id.
 */
@Repository
class TaxiiStatuses {

    /** One entry of a status's successes or failures. */
    record Detail(String id, String version, String message) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    TaxiiStatuses(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    ObjectNode record(Member poster, UUID collection, Instant requested, List<Detail> successes, List<Detail> failures) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO taxii_status (id, account_id, organisation_id, collection_id, request_timestamp, status,
                                          total_count, success_count, failure_count, pending_count, successes, failures, pendings)
                VALUES (:id, :account, :organisation, :collection, :requested, 'complete', :total, :success, :failure, 0,
                        CAST(:successes AS jsonb), CAST(:failures AS jsonb), '[]')""")
                .param("id", id).param("account", poster.accountId()).param("organisation", poster.organisationId())
                .param("collection", collection).param("requested", Timestamp.from(requested))
                .param("total", successes.size() + failures.size()).param("success", successes.size()).param("failure", failures.size())
                .param("successes", write(successes)).param("failures", write(failures))
                .update();
        return find(poster, id).orElseThrow();
    }

    Optional<ObjectNode> find(Member reader, UUID id) {
        return jdbc.sql("""
                SELECT id, status, request_timestamp, total_count, success_count, failure_count, pending_count,
                       CAST(successes AS text), CAST(failures AS text), CAST(pendings AS text)
                FROM taxii_status
                WHERE id = :id AND (organisation_id = :organisation OR (organisation_id IS NULL AND account_id = :account))""")
                .param("id", id).param("organisation", reader.organisationId()).param("account", reader.accountId())
                .query((rs, n) -> {
                    ObjectNode status = json.createObjectNode();
                    status.put("id", rs.getString(1));
                    status.put("status", rs.getString(2));
                    status.put("request_timestamp", TaxiiTimestamps.dateAdded(rs.getTimestamp(3).toInstant()));
                    status.put("total_count", rs.getInt(4));
                    status.put("success_count", rs.getInt(5));
                    status.set("successes", read(rs.getString(8)));
                    status.put("failure_count", rs.getInt(6));
                    status.set("failures", read(rs.getString(9)));
                    status.put("pending_count", rs.getInt(7));
                    status.set("pendings", read(rs.getString(10)));
                    return status;
                }).optional();
    }

    private String write(List<Detail> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ArrayNode read(String text) {
        try {
            return (ArrayNode) json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
