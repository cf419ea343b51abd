package org.vigie.server.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;
import org.vigie.core.sharing.Distribution;
import org.vigie.core.sharing.Pap;
import org.vigie.core.sharing.Sharing;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.sharing.Viewer;
import org.vigie.core.sharing.VisibilityPolicy;

/**
 * SQL of the knowledge store. Every read takes a {@link Viewer} and adds the visibility policy's
 * predicate: there is no read method here that could forget it.
 */
@Repository
class KnowledgeRepository {

    private static final String COLUMNS = """
            o.stix_id, o.type, o.modified, o.is_latest, o.owner_organisation, o.tlp, o.pap,
            o.dist_communities, o.dist_organisations, o.dist_users, o.added_at, o.object""";

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batches;
    private final ObjectMapper json;

    KnowledgeRepository(JdbcClient jdbc, org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batches, ObjectMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
    }

    /** The newest stored version of an object, and its owner, whoever may see it: for write checks only. */
    record Head(Instant modified, UUID owner) {
    }

    Optional<Head> head(String stixId) {
        return jdbc.sql("SELECT modified, owner_organisation FROM stix_objects WHERE stix_id = :id AND is_latest")
                .param("id", stixId)
                .query((rs, n) -> new Head(rs.getTimestamp(1).toInstant(), rs.getObject(2, UUID.class)))
                .optional();
    }

    /** The heads of those objects that exist, in one query. */
    Map<String, Head> heads(java.util.Collection<String> stixIds) {
        if (stixIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Head> heads = new java.util.HashMap<>();
        jdbc.sql("SELECT stix_id, modified, owner_organisation FROM stix_objects WHERE is_latest AND stix_id = ANY(CAST(:ids AS text[]))")
                .param("ids", textArray(stixIds))
                .query(rs -> {
                    heads.put(rs.getString(1), new Head(rs.getTimestamp(2).toInstant(), rs.getObject(3, UUID.class)));
                });
        return heads;
    }

    /**
     * Inserts first versions of objects not stored yet, as JDBC batches (with the driver's
     * reWriteBatchedInserts, one multi-row INSERT per batch): the bulk path of imports.
     */
    void insertFirstVersions(List<NewVersion> versions, Instant now) {
        if (versions.isEmpty()) {
            return;
        }
        org.springframework.jdbc.core.namedparam.SqlParameterSource[] rows = versions.stream()
                .map(v -> new org.springframework.jdbc.core.namedparam.MapSqlParameterSource(parameters(v, now, true)))
                .toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new);
        batches.batchUpdate(INSERT, rows);
    }

    private static final String INSERT = """
            INSERT INTO stix_objects (stix_id, modified, type, spec_version, created, created_by_ref, revoked,
                                      owner_organisation, tlp, pap, dist_communities, dist_organisations, dist_users,
                                      object, added_at, added_by, is_latest)
            VALUES (:id, :modified, :type, :specVersion, :created, :createdBy, :revoked, :owner, :tlp, :pap,
                    CAST(:communities AS uuid[]), CAST(:organisations AS uuid[]), CAST(:users AS uuid[]),
                    CAST(:object AS jsonb), :now, :addedBy, :latest)""";

    private Map<String, Object> parameters(NewVersion version, Instant now, boolean latest) {
        Sharing sharing = version.sharing();
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("id", version.stixId());
        row.put("modified", Timestamp.from(version.modified()));
        row.put("type", version.type());
        row.put("specVersion", version.specVersion());
        row.put("created", Timestamp.from(version.created()));
        row.put("createdBy", version.createdByRef());
        row.put("revoked", version.revoked());
        row.put("owner", sharing.ownerOrganisation());
        row.put("tlp", sharing.tlp().name());
        row.put("pap", sharing.pap() == null ? null : sharing.pap().name());
        row.put("communities", VisibilityPolicy.arrayLiteral(sharing.distribution().communities()));
        row.put("organisations", VisibilityPolicy.arrayLiteral(sharing.distribution().organisations()));
        row.put("users", VisibilityPolicy.arrayLiteral(sharing.distribution().users()));
        row.put("object", write(version.object()));
        row.put("now", Timestamp.from(now));
        row.put("addedBy", version.addedBy());
        row.put("latest", latest);
        return row;
    }

    private static String textArray(java.util.Collection<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /** The stored versions of these objects, as {@link #versionKey} strings. */
    Set<String> versions(java.util.Collection<String> stixIds) {
        Set<String> versions = new HashSet<>();
        jdbc.sql("SELECT stix_id, modified FROM stix_objects WHERE stix_id = ANY(CAST(:ids AS text[]))")
                .param("ids", textArray(stixIds))
                .query(rs -> {
                    versions.add(versionKey(rs.getString(1), rs.getTimestamp(2).toInstant()));
                });
        return versions;
    }

    static String versionKey(String stixId, Instant modified) {
        return stixId + "@" + modified;
    }

    boolean versionExists(String stixId, Instant modified) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM stix_objects WHERE stix_id = :id AND modified = :modified)")
                .param("id", stixId).param("modified", Timestamp.from(modified)).query(Boolean.class).single();
    }

    /** A version to insert. */
    record NewVersion(String stixId, String type, String specVersion, Instant created, Instant modified, String createdByRef,
                      boolean revoked, Sharing sharing, JsonNode object, UUID addedBy) {
    }

    /**
     * Inserts a version. If it is the newest, it becomes the latest; the sharing given becomes the
     * sharing of every version of the object (sharing is per object).
     */
    void insert(NewVersion version, boolean newest, Instant now) {
        if (newest) {
            jdbc.sql("UPDATE stix_objects SET is_latest = false WHERE stix_id = :id AND is_latest").param("id", version.stixId()).update();
        }
        Sharing sharing = version.sharing();
        jdbc.sql(INSERT).params(parameters(version, now, newest)).update();
        jdbc.sql("""
                UPDATE stix_objects SET tlp = :tlp, pap = :pap, dist_communities = CAST(:communities AS uuid[]),
                       dist_organisations = CAST(:organisations AS uuid[]), dist_users = CAST(:users AS uuid[])
                WHERE stix_id = :id AND modified <> :modified""")
                .param("id", version.stixId())
                .param("modified", Timestamp.from(version.modified()))
                .param("tlp", sharing.tlp().name())
                .param("pap", sharing.pap() == null ? null : sharing.pap().name())
                .param("communities", VisibilityPolicy.arrayLiteral(sharing.distribution().communities()))
                .param("organisations", VisibilityPolicy.arrayLiteral(sharing.distribution().organisations()))
                .param("users", VisibilityPolicy.arrayLiteral(sharing.distribution().users()))
                .update();
    }

    /** The current sharing of an object (the same on every version). */
    Optional<Sharing> sharingOf(String stixId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM stix_objects o WHERE o.stix_id = :id AND o.is_latest")
                .param("id", stixId).query(this::map).optional().map(StoredObject::sharing);
    }

    Optional<StoredObject> latestVisible(Viewer viewer, String stixId) {
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        return jdbc.sql("SELECT " + COLUMNS + " FROM stix_objects o WHERE o.stix_id = :id AND " + visible.sql()
                        + " ORDER BY o.modified DESC LIMIT 1")
                .params(visible.parameters()).param("id", stixId)
                .query(this::map).optional();
    }

    Optional<StoredObject> visibleVersion(Viewer viewer, String stixId, Instant modified) {
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        return jdbc.sql("SELECT " + COLUMNS + " FROM stix_objects o WHERE o.stix_id = :id AND o.modified = :modified AND " + visible.sql())
                .params(visible.parameters()).param("id", stixId).param("modified", Timestamp.from(modified))
                .query(this::map).optional();
    }

    List<StoredObject> visibleVersions(Viewer viewer, String stixId) {
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        return jdbc.sql("SELECT " + COLUMNS + " FROM stix_objects o WHERE o.stix_id = :id AND " + visible.sql()
                        + " ORDER BY o.modified DESC")
                .params(visible.parameters()).param("id", stixId)
                .query(this::map).list();
    }

    /** The latest versions of the notes about an object that the viewer may see, oldest first. */
    List<StoredObject> notesAbout(Viewer viewer, String stixId) {
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        return jdbc.sql("SELECT " + COLUMNS + " FROM stix_objects o WHERE o.is_latest AND o.type = 'note'"
                        + " AND (o.object -> 'object_refs') @> jsonb_build_array(CAST(:id AS text)) AND " + visible.sql()
                        + " ORDER BY o.modified, o.stix_id")
                .params(visible.parameters()).param("id", stixId)
                .query(this::map).list();
    }

    /** Search filters; null or blank means "any". */
    record Query(String type, String text, UUID owner) {
    }

    /** The latest versions the viewer may see, newest first, one page (plus one row to tell if there is more). */
    List<StoredObject> search(Viewer viewer, Query query, int offset, int limit) {
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM stix_objects o WHERE o.is_latest AND " + visible.sql());
        Map<String, Object> parameters = new LinkedHashMap<>(visible.parameters());
        if (StringUtils.hasText(query.type())) {
            sql.append(" AND o.type = :type");
            parameters.put("type", query.type().trim());
        }
        if (StringUtils.hasText(query.text())) {
            sql.append(" AND o.search @@ (websearch_to_tsquery('english', :q) || websearch_to_tsquery('french', :q))");
            parameters.put("q", query.text().trim());
        }
        if (query.owner() != null) {
            sql.append(" AND o.owner_organisation = :owner");
            parameters.put("owner", query.owner());
        }
        sql.append(" ORDER BY o.modified DESC, o.stix_id LIMIT :limit OFFSET :offset");
        parameters.put("limit", limit);
        parameters.put("offset", offset);
        return jdbc.sql(sql.toString()).params(parameters).query(this::map).list();
    }

    // ---- exports: keyset pages and batches, always through the policy ----------------------------

    /** The latest versions of these objects that the viewer may see, by id (ids they may not see are simply absent). */
    List<StoredObject> latestVisible(Viewer viewer, java.util.Collection<String> stixIds) {
        if (stixIds.isEmpty()) {
            return List.of();
        }
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        return jdbc.sql("SELECT " + COLUMNS + " FROM stix_objects o WHERE o.is_latest AND o.stix_id = ANY(CAST(:ids AS text[])) AND "
                        + visible.sql() + " ORDER BY o.stix_id")
                .params(visible.parameters()).param("ids", textArray(stixIds))
                .query(this::map).list();
    }

    /** Which of these objects the viewer may see (their latest version), without reading their content. */
    java.util.Set<String> latestVisibleIds(Viewer viewer, java.util.Collection<String> stixIds) {
        if (stixIds.isEmpty()) {
            return java.util.Set.of();
        }
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        return new java.util.HashSet<>(jdbc.sql("SELECT o.stix_id FROM stix_objects o WHERE o.is_latest"
                        + " AND o.stix_id = ANY(CAST(:ids AS text[])) AND " + visible.sql())
                .params(visible.parameters()).param("ids", textArray(stixIds))
                .query(String.class).list());
    }

    /** Every version of these objects that the viewer may see, by id then oldest first. */
    List<StoredObject> visibleVersions(Viewer viewer, java.util.Collection<String> stixIds) {
        if (stixIds.isEmpty()) {
            return List.of();
        }
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        return jdbc.sql("SELECT " + COLUMNS + " FROM stix_objects o WHERE o.stix_id = ANY(CAST(:ids AS text[])) AND "
                        + visible.sql() + " ORDER BY o.stix_id, o.modified")
                .params(visible.parameters()).param("ids", textArray(stixIds))
                .query(this::map).list();
    }

    /**
     * One keyset page of the latest versions the viewer may see, in id order after {@code afterId}:
     * walks the unique index on latest ids, so page N costs what page 1 does (no OFFSET).
     */
    List<StoredObject> visibleAfter(Viewer viewer, KnowledgeStore.Selection selection, String afterId, int limit) {
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM stix_objects o WHERE o.is_latest AND " + visible.sql());
        Map<String, Object> parameters = new LinkedHashMap<>(visible.parameters());
        if (StringUtils.hasText(selection.type())) {
            // ids start with their type: the range keeps the walk on the id index
            sql.append(" AND o.type = :type AND o.stix_id >= :typeFrom AND o.stix_id < :typeTo");
            parameters.put("type", selection.type().trim());
            parameters.put("typeFrom", selection.type().trim() + "--");
            parameters.put("typeTo", selection.type().trim() + "-.");
        }
        if (StringUtils.hasText(selection.text())) {
            sql.append(" AND o.search @@ (websearch_to_tsquery('english', :q) || websearch_to_tsquery('french', :q))");
            parameters.put("q", selection.text().trim());
        }
        if (selection.owner() != null) {
            sql.append(" AND o.owner_organisation = :owner");
            parameters.put("owner", selection.owner());
        }
        if (selection.community() != null) {
            sql.append(" AND o.dist_communities @> ARRAY[CAST(:community AS uuid)]");
            parameters.put("community", selection.community().toString());
        }
        if (afterId != null) {
            sql.append(" AND o.stix_id > :after");
            parameters.put("after", afterId);
        }
        sql.append(" ORDER BY o.stix_id LIMIT :limit");
        parameters.put("limit", limit);
        return jdbc.sql(sql.toString()).params(parameters).query(this::map).list();
    }

    /** The latest notes the viewer may see about any of these objects, by id. */
    List<StoredObject> notesAboutAny(Viewer viewer, java.util.Collection<String> stixIds) {
        if (stixIds.isEmpty()) {
            return List.of();
        }
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        StringBuilder any = new StringBuilder();
        Map<String, Object> parameters = new LinkedHashMap<>(visible.parameters());
        int i = 0;
        for (String id : stixIds) {
            any.append(i == 0 ? "" : " OR ").append("(o.object -> 'object_refs') @> jsonb_build_array(CAST(:ref").append(i).append(" AS text))");
            parameters.put("ref" + i, id);
            i++;
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM stix_objects o WHERE o.is_latest AND o.type = 'note' AND (" + any + ") AND "
                        + visible.sql() + " ORDER BY o.stix_id")
                .params(parameters).query(this::map).list();
    }

    /** The latest reference attack-patterns the viewer may see that carry one of these external ids under one of these sources. */
    List<StoredObject> attackPatternsByExternalId(Viewer viewer, java.util.Collection<String> sourceNames, java.util.Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return List.of();
        }
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(viewer, "o");
        return jdbc.sql("SELECT " + COLUMNS + " FROM stix_objects o WHERE o.is_latest AND o.type = 'attack-pattern' AND o.owner_organisation IS NULL AND EXISTS ("
                        + "SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(o.object -> 'external_references') = 'array' "
                        + "THEN o.object -> 'external_references' ELSE '[]'::jsonb END) r "
                        + "WHERE r ->> 'source_name' = ANY(CAST(:sources AS text[])) AND r ->> 'external_id' = ANY(CAST(:ids AS text[]))) AND "
                        + visible.sql() + " ORDER BY o.stix_id")
                .params(visible.parameters()).param("sources", textArray(sourceNames)).param("ids", textArray(externalIds))
                .query(this::map).list();
    }

    private StoredObject map(ResultSet rs, int row) throws SQLException {
        String pap = rs.getString("pap");
        Sharing sharing = new Sharing(rs.getObject("owner_organisation", UUID.class), Tlp.valueOf(rs.getString("tlp")),
                pap == null ? null : Pap.valueOf(pap),
                new Distribution(uuids(rs.getArray("dist_communities")), uuids(rs.getArray("dist_organisations")),
                        uuids(rs.getArray("dist_users"))));
        return new StoredObject(rs.getString("stix_id"), rs.getString("type"), rs.getTimestamp("modified").toInstant(),
                rs.getBoolean("is_latest"), sharing, rs.getTimestamp("added_at").toInstant(), read(rs.getString("object")));
    }

    private static Set<UUID> uuids(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return new HashSet<>(Arrays.asList((UUID[]) array.getArray()));
    }

    private String write(JsonNode object) {
        try {
            return json.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored object is not JSON", e);
        }
    }
}
