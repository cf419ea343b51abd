-- communities: groups of organisations that share under a charter stating their sharing objectives

CREATE TABLE communities (
    id                 uuid        PRIMARY KEY,
    name               text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    purpose            text        NOT NULL DEFAULT '' CHECK (length(purpose) <= 4000),
    -- {"preamble": "...", "objectives": [{"sectors": [...], "kinds": [...], "defaultTlp": "AMBER"}]};
    -- the service validates the values, the database at least the shape
    charter            jsonb       NOT NULL CHECK (jsonb_typeof(charter) = 'object'
                                                   AND jsonb_typeof(charter -> 'preamble') = 'string'
                                                   AND jsonb_typeof(charter -> 'objectives') = 'array'),
    -- bumped by every change of the charter; a member has accepted the charter when it accepted this version
    charter_version    integer     NOT NULL CHECK (charter_version >= 1),
    charter_changed_at timestamptz NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);

-- Names are unique regardless of case, as organisations' are.
CREATE UNIQUE INDEX communities_name_key ON communities (lower(name));

-- Member organisations. accepted_* is the last charter version the organisation accepted, when and by
-- whom; it stays when the charter changes, so the page can say "accepted version 2, not yet 3".
CREATE TABLE community_members (
    community_id     uuid        NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    organisation_id  uuid        NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    added_at         timestamptz NOT NULL,
    added_by         uuid        REFERENCES accounts (id),
    accepted_version integer     CHECK (accepted_version >= 1),
    accepted_at      timestamptz,
    accepted_by      uuid        REFERENCES accounts (id),
    PRIMARY KEY (community_id, organisation_id),
    CHECK ((accepted_version IS NULL) = (accepted_at IS NULL) AND (accepted_version IS NULL) = (accepted_by IS NULL))
);

-- Communities.activeCommunitiesOf(organisation), asked on every read by the visibility policy: an
-- index-only scan by organisation, then the communities' primary key for the current version.
CREATE INDEX community_members_organisation_idx ON community_members (organisation_id) INCLUDE (community_id, accepted_version);

CREATE TABLE community_administrators (
    community_id uuid        NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    account_id   uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    appointed_at timestamptz NOT NULL,
    appointed_by uuid        REFERENCES accounts (id),
    PRIMARY KEY (community_id, account_id)
);

CREATE INDEX community_administrators_account_idx ON community_administrators (account_id);
