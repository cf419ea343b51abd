-- monitoring: detection runs of coordinated behaviour over a dataset of posts (module detect), and what
-- each run found. A run is shared like any object: an owner organisation, a TLP level and a distribution,
-- in the columns the visibility policy's SQL reads (VisibilityPolicy.sqlPredicate), so every read of a run,
-- its groups, accounts and edges joins monitoring_runs and filters with the policy. Results are written in
-- one transaction when the run ends: a failed or cancelled run has none.

CREATE TABLE monitoring_runs (
    id                  uuid        PRIMARY KEY,
    owner_organisation  uuid        NOT NULL REFERENCES organisations (id),
    account_id          uuid        NOT NULL,
    tlp                 text        NOT NULL CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED')),
    dist_communities    uuid[]      NOT NULL DEFAULT '{}',
    dist_organisations  uuid[]      NOT NULL DEFAULT '{}',
    dist_users          uuid[]      NOT NULL DEFAULT '{}',
    -- where the posts came from: an upload, a file of vigie.monitoring.datasets-dir, a dataset shipped with Vigie
    source              text        NOT NULL CHECK (source IN ('UPLOAD', 'SERVER_FILE', 'BUNDLED')),
    source_name         text        NOT NULL,
    -- the format asked for (NULL: detected from the header) and the one read
    format              text,
    format_read         text,
    -- the settings of the run: {"types":["co-link",…],"windowSeconds":60 or -1 for auto, …}
    settings            jsonb       NOT NULL,
    state               text        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    -- progress, updated a few times a second at most while it runs
    stage               text,
    stage_done          bigint      NOT NULL DEFAULT 0,
    stage_total         bigint      NOT NULL DEFAULT -1,
    bytes_total         bigint      NOT NULL DEFAULT 0,
    cancel_requested    boolean     NOT NULL DEFAULT false,
    -- why the run failed as a whole (missing columns, too many bad rows, …), and the first bad rows with their line
    error               text,
    row_errors          jsonb       NOT NULL DEFAULT '[]',
    -- what a finished run counted: rows, posts, traces, window used, pairs, edges, accounts, groups, stage timings
    summary             jsonb,
    -- whether the stored edges are fewer than the kept ones (vigie.monitoring.max-stored-edges)
    edges_truncated     boolean     NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL,
    started_at          timestamptz,
    finished_at         timestamptz
);

-- "recent runs I may see": by owner, newest first
CREATE INDEX monitoring_runs_owner ON monitoring_runs (owner_organisation, created_at DESC);

CREATE TABLE monitoring_groups (
    run_id          uuid             NOT NULL REFERENCES monitoring_runs (id) ON DELETE CASCADE,
    group_no        integer          NOT NULL,
    component       integer          NOT NULL,
    size            integer          NOT NULL,
    edges           integer          NOT NULL,
    weight          double precision NOT NULL,
    density         double precision NOT NULL,
    platforms       text[]           NOT NULL,
    -- {"co-link": 12, …}
    pairs_by_type   jsonb            NOT NULL,
    -- [{"type":"co-link","objectId":"url:…","accounts":5,"shares":9}, …], most shared first
    top_objects     jsonb            NOT NULL,
    -- [{"postId":…,"accountId":…,"epochSecond":…,"type":"co-link","objectId":…}, …] in time order
    evidence        jsonb            NOT NULL,
    first_seen      timestamptz,
    last_seen       timestamptz,
    PRIMARY KEY (run_id, group_no)
);

CREATE TABLE monitoring_accounts (
    run_id      uuid             NOT NULL REFERENCES monitoring_runs (id) ON DELETE CASCADE,
    account_id  text             NOT NULL,
    platform    text,
    -- NULL: in no group
    group_no    integer,
    score       double precision NOT NULL,
    posts       bigint           NOT NULL,
    traces      bigint           NOT NULL,
    degree      integer          NOT NULL,
    strength    double precision NOT NULL,
    PRIMARY KEY (run_id, account_id)
);

-- a group's members by score
CREATE INDEX monitoring_accounts_group ON monitoring_accounts (run_id, group_no, score DESC);

CREATE TABLE monitoring_edges (
    run_id          uuid             NOT NULL REFERENCES monitoring_runs (id) ON DELETE CASCADE,
    account_id      text             NOT NULL,
    account_id_y    text             NOT NULL,
    -- the group both ends belong to; NULL when they are not in the same group
    group_no        integer,
    pairs           bigint           NOT NULL,
    weight          double precision NOT NULL,
    objects         integer          NOT NULL,
    avg_time_delta  double precision NOT NULL,
    edge_symmetry   double precision NOT NULL,
    -- {"co-link": 3, …}
    pairs_by_type   jsonb            NOT NULL,
    PRIMARY KEY (run_id, account_id, account_id_y)
);

-- the network view draws the edges inside groups, heaviest first
CREATE INDEX monitoring_edges_group ON monitoring_edges (run_id, group_no, weight DESC);
