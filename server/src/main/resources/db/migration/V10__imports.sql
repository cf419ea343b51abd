-- imports: one row per import of a file (STIX bundle, MISP event) into the knowledge store. The
-- objects go to stix_objects; this row keeps who imported what with which sharing, its progress, the
-- counts of its outcome and the first rejected objects with their problems. The full per-object
-- report is a JSON Lines file in the data directory (imports/<id>.report.jsonl).

CREATE TABLE import_jobs (
    id                  uuid        PRIMARY KEY,
    format              text        NOT NULL CHECK (format IN ('stix', 'misp')),
    organisation_id     uuid        NOT NULL REFERENCES organisations (id),
    account_id          uuid        NOT NULL,
    file_name           text,
    -- the sharing chosen for the import: {"tlp":…,"pap":…,"communities":[…],"organisations":[…],"users":[…]}
    sharing             jsonb       NOT NULL,
    partial             boolean     NOT NULL,
    state               text        NOT NULL CHECK (state IN ('RUNNING', 'SUCCEEDED', 'REJECTED', 'FAILED', 'CANCELLED')),
    -- whether the import's transaction committed: false for a rejected, failed or cancelled import
    committed           boolean     NOT NULL DEFAULT false,
    bytes_total         bigint      NOT NULL DEFAULT 0,
    bytes_read          bigint      NOT NULL DEFAULT 0,
    objects_read        bigint      NOT NULL DEFAULT 0,
    objects_validated   bigint      NOT NULL DEFAULT 0,
    objects_written     bigint      NOT NULL DEFAULT 0,
    stored              bigint      NOT NULL DEFAULT 0,
    new_versions        bigint      NOT NULL DEFAULT 0,
    unchanged           bigint      NOT NULL DEFAULT 0,
    rejected            bigint      NOT NULL DEFAULT 0,
    reports             bigint      NOT NULL DEFAULT 0,
    -- why the import failed as a whole (not JSON at line/column, not a bundle, cancelled, …)
    error               text,
    -- the first rejected objects: [{"index":…,"id":…,"modified":…,"problems":[{"pointer":…,"message":…}]}]
    problems            jsonb       NOT NULL DEFAULT '[]',
    created_at          timestamptz NOT NULL,
    finished_at         timestamptz
);

-- "recent imports of my organisation", newest first
CREATE INDEX import_jobs_organisation ON import_jobs (organisation_id, created_at DESC);
