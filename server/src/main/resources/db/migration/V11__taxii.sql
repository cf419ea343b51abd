-- taxii: the TAXII 2.1 server's state (see org.vigie.server.taxii and README "TAXII 2.1 server").

-- One status resource per POST to a collection's objects: what was asked, what was stored, what was
-- refused and why. Objects are stored before the 202 is sent, so every status is "complete"; the
-- table still keeps the per-object details a client reads back with GET status/{id}/.
CREATE TABLE taxii_status (
    id                 uuid        PRIMARY KEY,
    account_id         uuid        NOT NULL REFERENCES accounts (id),
    organisation_id    uuid        REFERENCES organisations (id),
    collection_id      uuid        NOT NULL,
    request_timestamp  timestamptz NOT NULL,
    status             text        NOT NULL CHECK (status IN ('pending', 'complete')),
    total_count        integer     NOT NULL,
    success_count      integer     NOT NULL,
    failure_count      integer     NOT NULL,
    pending_count      integer     NOT NULL,
    -- arrays of TAXII status-details: {"id", "version", "message"}
    successes          jsonb       NOT NULL DEFAULT '[]',
    failures           jsonb       NOT NULL DEFAULT '[]',
    pendings           jsonb       NOT NULL DEFAULT '[]'
);

-- The key that signs pagination cursors ("next"): a client cannot forge a position, and a cursor
-- stays valid across restarts. One row, created on first use.
CREATE TABLE taxii_cursor_key (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    secret     bytea   NOT NULL
);

-- TAXII pages walk objects in (date added, id, version) order with a keyset cursor, testing the
-- visibility policy on each row passed over; a client who may read 7 % of the store passes over
-- ~14 rows per row served. The keyset index therefore carries the columns the policy and the
-- collections test (INCLUDE): the page's keys are found by an index-only scan (once autovacuum has
-- marked the pages all-visible, which it does after bulk inserts), and only the page's own rows are
-- read from the table. It replaces V5's index on added_at alone, which it covers.
DROP INDEX stix_objects_added_at;
CREATE INDEX stix_objects_added_keyset ON stix_objects (added_at, stix_id, modified)
    INCLUDE (is_latest, type, tlp, owner_organisation, dist_communities, dist_organisations, dist_users);

-- The organisation collection: an organisation's own latest objects in keyset order. Replaces V5's
-- index on owner_organisation alone, which it covers (same rows, same leading column).
DROP INDEX stix_objects_owner;
CREATE INDEX stix_objects_owner_added ON stix_objects (owner_organisation, added_at, stix_id, modified) WHERE is_latest;
