-- federation: peer hubs this hub pulls from (TAXII 2.1) and optionally pushes to, every sync run,
-- and which peer each received object version came from.

CREATE TABLE federation_peers (
    id                   uuid        PRIMARY KEY,
    name                 text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    discovery_url        text        NOT NULL CHECK (length(discovery_url) <= 2000),
    api_root             text        NOT NULL CHECK (length(api_root) <= 2000),
    collection_id        text        NOT NULL CHECK (length(btrim(collection_id)) BETWEEN 1 AND 200),
    auth_scheme          text        NOT NULL CHECK (auth_scheme IN ('BEARER', 'BASIC')),
    -- the user name sent with HTTP Basic (the token is the password)
    username             text        NOT NULL DEFAULT '',
    -- the API token, AES-GCM encrypted with the hub's secret key (never stored in clear, never shown again)
    token_encrypted      text        NOT NULL,
    -- the local organisation standing for the peer: it owns what the peer sends
    organisation_id      uuid        NOT NULL REFERENCES organisations (id),
    -- the local community incoming objects are shared into
    community_id         uuid        NOT NULL REFERENCES communities (id),
    -- the highest TLP accepted; AMBER+STRICT and RED are never accepted
    max_tlp              text        NOT NULL DEFAULT 'GREEN' CHECK (max_tlp IN ('CLEAR', 'GREEN', 'AMBER')),
    pull_interval_minutes integer    NOT NULL CHECK (pull_interval_minutes BETWEEN 1 AND 10080),
    enabled              boolean     NOT NULL,
    -- the peer's X-TAXII-Date-Added-Last of the last page stored, sent back as added_after, verbatim
    pull_cursor          text,
    -- optional push: a local community's feed to a collection of the peer
    push_community_id    uuid        REFERENCES communities (id),
    push_collection_id   text        CHECK (push_collection_id IS NULL OR length(btrim(push_collection_id)) BETWEEN 1 AND 200),
    -- the last version pushed: its added_at, id and modified (a keyset: many versions share an added_at)
    push_cursor          text,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    CHECK ((push_community_id IS NULL) = (push_collection_id IS NULL))
);

CREATE UNIQUE INDEX federation_peers_name_key ON federation_peers (lower(name));

CREATE TABLE federation_runs (
    id            uuid        PRIMARY KEY,
    peer_id       uuid        NOT NULL REFERENCES federation_peers (id) ON DELETE CASCADE,
    direction     text        NOT NULL CHECK (direction IN ('PULL', 'PUSH')),
    trigger       text        NOT NULL CHECK (trigger IN ('SCHEDULE', 'MANUAL')),
    state         text        NOT NULL CHECK (state IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    pages         integer     NOT NULL DEFAULT 0,
    received      integer     NOT NULL DEFAULT 0,
    stored        integer     NOT NULL DEFAULT 0,
    unchanged     integer     NOT NULL DEFAULT 0,
    -- above the accepted TLP (or AMBER+STRICT / RED): not stored
    skipped       integer     NOT NULL DEFAULT 0,
    -- refused by validation (or another organisation's object): not stored, reasons in rejections
    rejected      integer     NOT NULL DEFAULT 0,
    -- the first refusals: [{"id": ..., "reason": ...}]
    rejections    jsonb       NOT NULL DEFAULT '[]',
    -- what stopped the run (network, HTTP status, malformed envelope), NULL when it ended well
    error         text,
    cursor_before text,
    cursor_after  text,
    CHECK ((state = 'RUNNING') = (finished_at IS NULL))
);

-- one run at a time per peer, whatever the number of threads asking
CREATE UNIQUE INDEX federation_runs_one_running ON federation_runs (peer_id) WHERE state = 'RUNNING';
CREATE INDEX federation_runs_peer ON federation_runs (peer_id, started_at DESC);

-- Which peer sent each stored version. The peer's name is copied so that the record stays true
-- after the peer is removed.
CREATE TABLE federation_provenance (
    stix_id     text        NOT NULL,
    modified    timestamptz NOT NULL,
    peer_id     uuid        REFERENCES federation_peers (id) ON DELETE SET NULL,
    peer_name   text        NOT NULL,
    run_id      uuid        REFERENCES federation_runs (id) ON DELETE SET NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (stix_id, modified),
    -- a version its owner deletes (TAXII DELETE) takes its provenance with it; the audit log keeps both facts
    FOREIGN KEY (stix_id, modified) REFERENCES stix_objects (stix_id, modified) ON DELETE CASCADE
);
