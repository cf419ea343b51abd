package org.vigie.server.taxii;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.core.sharing.Tlp;
import org.vigie.core.sharing.Viewer;
import org.vigie.core.sharing.VisibilityPolicy;

/**
 * The SQL of the TAXII server over the knowledge store's {@code stix_objects}. Every query that
 * lists objects, manifest entries or versions is built by {@link #where}, which always adds the
 * visibility policy's predicate for the viewer, the TLP ceiling and the collection's scope: there is
 * no way to list rows here without them.
 */
@Repository
class TaxiiRepository {

    /** One version as TAXII lists it; {@code object} is the stored JSON text, null when not asked for. */
    record Row(String stixId, Instant modified, Instant addedAt, String specVersion, Tlp tlp, java.util.UUID owner, String object) {
    }

    private final JdbcClient jdbc;

    TaxiiRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What to list: the collection, the filters, the default for match[version], where to start, with or without content. */
    record Listing(Viewer viewer, TaxiiCollection collection, Tlp ceiling, TaxiiQuery query, String defaultVersion,
                   String objectId, PageCursors.Position after, boolean withContent) {
    }

    /**
     * One page in (date added, id, version) order, plus one row beyond it when there is more. Two
     * steps: the keys of the page are found on the covering keyset index alone (an index-only scan
     * that tests the policy on the index's copy of the sharing columns, however many rows it must
     * pass over), then only the rows of the page are read from the table.
     */
    List<Row> page(Listing listing) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("limit", listing.query().limit() + 1);
        return jdbc.sql(sql(listing, parameters)).params(parameters).query((rs, n) -> new Row(rs.getString(1), rs.getTimestamp(2).toInstant(),
                rs.getTimestamp(3).toInstant(), rs.getString(4), Tlp.valueOf(rs.getString(5)),
                rs.getObject(6, java.util.UUID.class), listing.withContent() ? rs.getString(7) : null)).list();
    }

    private static String sql(Listing listing, Map<String, Object> parameters) {
        return "SELECT p.stix_id, p.modified, p.added_at, o.spec_version, o.tlp, o.owner_organisation"
                + (listing.withContent() ? ", CAST(o.object AS text)" : "")
                + " FROM (SELECT o.stix_id, o.modified, o.added_at FROM stix_objects o WHERE " + where(listing, parameters)
                + " ORDER BY o.added_at, o.stix_id, o.modified LIMIT :limit) p"
                + " JOIN stix_objects o ON o.stix_id = p.stix_id AND o.modified = p.modified"
                + " ORDER BY p.added_at, p.stix_id, p.modified";
    }

    /** The same listing's plan, run, for the benchmark. */
    String explain(Listing listing) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("limit", listing.query().limit() + 1);
        return String.join("\n", jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql(listing, parameters)).params(parameters).query(String.class).list());
    }

    private static String where(Listing listing, Map<String, Object> parameters) {
        VisibilityPolicy.SqlPredicate visible = VisibilityPolicy.sqlPredicate(listing.viewer(), "o");
        parameters.putAll(visible.parameters());
        List<String> terms = new ArrayList<>();
        terms.add(visible.sql());
        terms.add("o.tlp IN (" + Arrays.stream(Tlp.values()).filter(t -> t.compareTo(listing.ceiling()) <= 0)
                .map(t -> "'" + t.name() + "'").collect(Collectors.joining(", ")) + ")");
        switch (listing.collection().kind()) {
            case ORGANISATION -> {
                terms.add("o.owner_organisation = CAST(:collection AS uuid)");
                parameters.put("collection", listing.collection().id().toString());
            }
            case COMMUNITY -> {
                terms.add("o.dist_communities @> ARRAY[CAST(:collection AS uuid)]");
                parameters.put("collection", listing.collection().id().toString());
            }
            case EVERYTHING -> {
                // the visibility policy alone
            }
        }
        TaxiiQuery query = listing.query();
        if (listing.objectId() != null) {
            terms.add("o.stix_id = :object_id");
            parameters.put("object_id", listing.objectId());
        }
        if (!query.ids().isEmpty()) {
            terms.add("o.stix_id = ANY(CAST(:ids AS text[]))");
            parameters.put("ids", textArray(query.ids()));
        }
        if (!query.types().isEmpty()) {
            terms.add("o.type = ANY(CAST(:types AS text[]))");
            parameters.put("types", textArray(query.types()));
        }
        if (!query.specVersions().isEmpty()) {
            terms.add("o.spec_version = ANY(CAST(:spec_versions AS text[]))");
            parameters.put("spec_versions", textArray(query.specVersions()));
        }
        if (query.addedAfter() != null) {
            terms.add("o.added_at > :added_after");
            parameters.put("added_after", Timestamp.from(query.addedAfter()));
        }
        String versions = versions(query.versions().isEmpty() ? Set.of(listing.defaultVersion()) : query.versions(), query, parameters);
        if (versions != null) {
            terms.add(versions);
        }
        if (listing.after() != null) {
            terms.add("(o.added_at, o.stix_id, o.modified) > (:after_added, :after_id, :after_modified)");
            parameters.put("after_added", Timestamp.from(listing.after().addedAt()));
            parameters.put("after_id", listing.after().stixId());
            parameters.put("after_modified", Timestamp.from(listing.after().modified()));
        }
        return String.join(" AND ", terms);
    }

    /** match[version] as SQL: the union of what each value selects; null when "all" is among them. */
    private static String versions(Set<String> versions, TaxiiQuery query, Map<String, Object> parameters) {
        if (versions.contains("all")) {
            return null;
        }
        List<String> any = new ArrayList<>();
        if (versions.contains("last")) {
            any.add("o.is_latest");
        }
        if (versions.contains("first")) {
            // Visibility is per object (every version has the object's sharing), so the first version
            // is the same for every reader: no policy needed inside.
            any.add("NOT EXISTS (SELECT 1 FROM stix_objects e WHERE e.stix_id = o.stix_id AND e.modified < o.modified)");
        }
        List<Instant> timestamps = query.versionTimestamps();
        if (!timestamps.isEmpty()) {
            any.add("o.modified = ANY(CAST(:versions AS timestamptz[]))");
            parameters.put("versions", timestamps.stream().map(Instant::toString).collect(Collectors.joining(",", "{", "}")));
        }
        return "(" + String.join(" OR ", any) + ")";
    }

    private static String textArray(Set<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    // ---- deleting ------------------------------------------------------------------------------

    /**
     * Deletes those versions and, if the latest went, makes the newest remaining version the latest.
     * Returns the versions deleted.
     */
    List<Instant> deleteVersions(String stixId, List<Instant> versions) {
        List<Instant> deleted = new ArrayList<>();
        for (Instant version : versions) {
            int rows = jdbc.sql("DELETE FROM stix_objects WHERE stix_id = :id AND modified = :modified")
                    .param("id", stixId).param("modified", Timestamp.from(version)).update();
            if (rows > 0) {
                deleted.add(version);
            }
        }
        jdbc.sql("""
                UPDATE stix_objects SET is_latest = true
                WHERE stix_id = :id AND NOT is_latest
                  AND modified = (SELECT max(modified) FROM stix_objects WHERE stix_id = :id)
                  AND NOT EXISTS (SELECT 1 FROM stix_objects WHERE stix_id = :id AND is_latest)""")
                .param("id", stixId).update();
        return deleted;
    }

    /** Whether another part of Vigie keeps rows about the object (an incident report, a campaign), which a deletion would orphan. */
    boolean heldElsewhere(String stixId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM reports WHERE stix_id = :id) OR EXISTS (SELECT 1 FROM campaigns WHERE stix_id = :id)")
                .param("id", stixId).query(Boolean.class).single();
    }
}
