-- The community TAXII collection (and any "what was shared into community X, in the order it was
-- added" reader) cannot use an ordered index on stix_objects: the distribution is an array, and the
-- keyset walk over all objects passed ~36 index entries per object served at 1,000,000 objects
-- (p95 316 ms for a page of 1,000; `vigie bench taxii`). This table is that index: one row per
-- (community, object version), in keyset order. Triggers keep it equal to stix_objects.dist_communities
-- so that no writer (store, import, federation, sharing changes, TAXII DELETE) has to remember it.

CREATE TABLE stix_object_communities (
    community_id  uuid        NOT NULL,
    added_at      timestamptz NOT NULL,
    stix_id       text        NOT NULL,
    modified      timestamptz NOT NULL,
    PRIMARY KEY (community_id, added_at, stix_id, modified)
);
-- for the triggers' deletes of one object version
CREATE INDEX stix_object_communities_version ON stix_object_communities (stix_id, modified);

INSERT INTO stix_object_communities (community_id, added_at, stix_id, modified)
SELECT c, o.added_at, o.stix_id, o.modified FROM stix_objects o, unnest(o.dist_communities) c;

-- Statement-level triggers with transition tables: one INSERT ... SELECT per batch, not one call per row.
CREATE FUNCTION stix_object_communities_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO stix_object_communities (community_id, added_at, stix_id, modified)
    SELECT c, n.added_at, n.stix_id, n.modified FROM added_rows n, unnest(n.dist_communities) c;
    RETURN NULL;
END $$;

CREATE FUNCTION stix_object_communities_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- most updates flip is_latest; only a change of the communities touches this table
    DELETE FROM stix_object_communities s USING old_rows b JOIN new_rows a ON a.stix_id = b.stix_id AND a.modified = b.modified
    WHERE a.dist_communities IS DISTINCT FROM b.dist_communities AND s.stix_id = b.stix_id AND s.modified = b.modified;
    INSERT INTO stix_object_communities (community_id, added_at, stix_id, modified)
    SELECT c, a.added_at, a.stix_id, a.modified
    FROM new_rows a JOIN old_rows b ON a.stix_id = b.stix_id AND a.modified = b.modified, unnest(a.dist_communities) c
    WHERE a.dist_communities IS DISTINCT FROM b.dist_communities;
    RETURN NULL;
END $$;

CREATE FUNCTION stix_object_communities_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM stix_object_communities s USING removed_rows r WHERE s.stix_id = r.stix_id AND s.modified = r.modified;
    RETURN NULL;
END $$;

CREATE TRIGGER stix_objects_communities_insert AFTER INSERT ON stix_objects
    REFERENCING NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION stix_object_communities_added();
CREATE TRIGGER stix_objects_communities_update AFTER UPDATE ON stix_objects
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stix_object_communities_changed();
CREATE TRIGGER stix_objects_communities_delete AFTER DELETE ON stix_objects
    REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION stix_object_communities_removed();
