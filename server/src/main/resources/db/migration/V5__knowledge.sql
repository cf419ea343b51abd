-- knowledge: the STIX 2.1 store. One row per object version; sharing columns are the object's
-- (every version of an object has the same sharing, see docs/adr/0005-sharing-per-object.md).

CREATE TABLE stix_objects (
    stix_id             text        NOT NULL,
    modified            timestamptz NOT NULL,
    type                text        NOT NULL,
    spec_version        text        NOT NULL,
    created             timestamptz NOT NULL,
    created_by_ref      text,
    revoked             boolean     NOT NULL DEFAULT false,
    -- the organisation that stored the object; NULL for reference data (DISARM, marking definitions)
    owner_organisation  uuid        REFERENCES organisations (id),
    tlp                 text        NOT NULL CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED')),
    pap                 text        CHECK (pap IN ('CLEAR', 'GREEN', 'AMBER', 'RED')),
    dist_communities    uuid[]      NOT NULL DEFAULT '{}',
    dist_organisations  uuid[]      NOT NULL DEFAULT '{}',
    dist_users          uuid[]      NOT NULL DEFAULT '{}',
    object              jsonb       NOT NULL,
    added_at            timestamptz NOT NULL,
    added_by            uuid,
    -- true on the newest version of each object: lists read only these rows
    is_latest           boolean     NOT NULL,
    search              tsvector    GENERATED ALWAYS AS (
        to_tsvector('english', coalesce(object ->> 'name', '') || ' ' || coalesce(object ->> 'description', '') || ' '
                               || coalesce(object #>> '{external_references,0,external_id}', ''))
        || to_tsvector('french', coalesce(object ->> 'name', '') || ' ' || coalesce(object ->> 'description', ''))
    ) STORED,
    PRIMARY KEY (stix_id, modified)
);

CREATE UNIQUE INDEX stix_objects_one_latest ON stix_objects (stix_id) WHERE is_latest;
CREATE INDEX stix_objects_latest_modified ON stix_objects (modified DESC, stix_id) WHERE is_latest;
CREATE INDEX stix_objects_latest_type ON stix_objects (type, modified DESC) WHERE is_latest;
CREATE INDEX stix_objects_owner ON stix_objects (owner_organisation) WHERE is_latest;
-- No index on the distribution arrays: lists walk the modified index and test visibility per row
-- (a user who sees ~10 % reads ~10 rows per row shown), and GIN indexes on the arrays cost inserts
-- more than they save reads (measured with `vigie bench knowledge`, see README).
CREATE INDEX stix_objects_search ON stix_objects USING gin (search) WHERE is_latest;
CREATE INDEX stix_objects_added_at ON stix_objects (added_at);
