-- Response protocols (issue 6): a community's protocols, the response boards opened by activating one
-- on a report or a campaign, who was alerted at which level, and the board's append-only log.
-- See docs/adr/0009-response-protocols.md.

CREATE TABLE response_protocols (
    id                 uuid        PRIMARY KEY,
    community_id       uuid        NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    name               text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    description        text        NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    -- the trigger; an empty array or a null means "any"
    incident_types     text[]      NOT NULL DEFAULT '{}',
    min_severity       text        CHECK (min_severity IN ('LOW', 'MODERATE', 'HIGH', 'CRITICAL')),
    target_categories  text[]      NOT NULL DEFAULT '{}',
    -- the ordered escalation levels, edited as a whole:
    -- [{"name": "...", "organisations": [uuid…], "roles": ["ADMINISTRATOR"…], "checklist": ["…"], "acknowledgeWithin": "PT30M"}]
    levels             jsonb       NOT NULL CHECK (jsonb_typeof(levels) = 'array' AND jsonb_array_length(levels) >= 1),
    active             boolean     NOT NULL DEFAULT true,
    created_by         uuid        NOT NULL REFERENCES accounts (id),
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);

CREATE UNIQUE INDEX response_protocols_name_key ON response_protocols (community_id, lower(name));

-- A response: a protocol activated on one report or campaign. The protocol is copied as activated
-- (protocol_snapshot), so that editing the protocol never changes a response under way.
CREATE TABLE response_boards (
    id                 uuid        PRIMARY KEY,
    protocol_id        uuid        NOT NULL REFERENCES response_protocols (id) ON DELETE CASCADE,
    community_id       uuid        NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    protocol_snapshot  jsonb       NOT NULL,
    subject_id         text        NOT NULL,
    subject_type       text        NOT NULL CHECK (subject_type IN ('report', 'campaign')),
    activated_by       uuid        NOT NULL REFERENCES accounts (id),
    activated_at       timestamptz NOT NULL,
    current_level      integer     NOT NULL CHECK (current_level >= 1),
    -- when the current level's acknowledgement is due; NULL once nothing more can escalate
    -- (acknowledged, last level passed, or board closed)
    escalation_due_at  timestamptz,
    status             text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    closed_at          timestamptz,
    closed_by          uuid        REFERENCES accounts (id)
);

-- one open response per protocol and subject: activating twice answers the open board (409)
CREATE UNIQUE INDEX response_boards_one_open ON response_boards (protocol_id, subject_id) WHERE status = 'OPEN';
CREATE INDEX response_boards_subject ON response_boards (subject_id);
CREATE INDEX response_boards_activated ON response_boards (activated_at DESC);
-- the escalation job's scan: open boards whose current level is due
CREATE INDEX response_boards_escalation_due ON response_boards (escalation_due_at)
    WHERE status = 'OPEN' AND escalation_due_at IS NOT NULL;

-- Each level reached: when, why (activation or escalation), and the organisations of the level that
-- could not be alerted because the visibility policy does not let them see the subject.
CREATE TABLE response_levels (
    board_id                   uuid        NOT NULL REFERENCES response_boards (id) ON DELETE CASCADE,
    level                      integer     NOT NULL CHECK (level >= 1),
    reached_at                 timestamptz NOT NULL,
    reason                     text        NOT NULL CHECK (reason IN ('ACTIVATION', 'ESCALATION')),
    due_at                     timestamptz NOT NULL,
    unreachable_organisations  uuid[]      NOT NULL DEFAULT '{}',
    PRIMARY KEY (board_id, level)
);

-- Who was alerted at which level: one row per person, pointing at the in-app notification (whose
-- acknowledged_at is the acknowledgement: the notification centre's acknowledge is the one act).
CREATE TABLE response_alerts (
    board_id           uuid        NOT NULL REFERENCES response_boards (id) ON DELETE CASCADE,
    level              integer     NOT NULL,
    account_id         uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    organisation_id    uuid        NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    event_id           uuid        NOT NULL,
    notification_id    uuid        NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
    alerted_at         timestamptz NOT NULL,
    PRIMARY KEY (board_id, level, account_id),
    FOREIGN KEY (board_id, level) REFERENCES response_levels (board_id, level) ON DELETE CASCADE
);

CREATE INDEX response_alerts_notification ON response_alerts (notification_id);

-- Tasks: the level's checklist, copied when the level is reached, and tasks added on the board.
CREATE TABLE response_tasks (
    id             uuid        PRIMARY KEY,
    board_id       uuid        NOT NULL REFERENCES response_boards (id) ON DELETE CASCADE,
    level          integer,
    position       integer     NOT NULL,
    title          text        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 500),
    owner_account  uuid        REFERENCES accounts (id) ON DELETE SET NULL,
    due_at         timestamptz,
    done_at        timestamptz,
    done_by        uuid        REFERENCES accounts (id),
    created_at     timestamptz NOT NULL
);

CREATE INDEX response_tasks_board ON response_tasks (board_id, position);

-- The board's log, append-only: decisions, task changes, options chosen, communications sent, levels
-- reached. author_organisation is kept so "time to first action per organisation" is one query.
CREATE TABLE response_entries (
    id                   uuid        PRIMARY KEY,
    board_id             uuid        NOT NULL REFERENCES response_boards (id) ON DELETE CASCADE,
    at                   timestamptz NOT NULL,
    kind                 text        NOT NULL CHECK (kind IN ('ACTIVATED', 'LEVEL_REACHED', 'ESCALATION_EXHAUSTED', 'TASK_ADDED',
                                                              'TASK_ASSIGNED', 'TASK_COMPLETED', 'DECISION', 'OPTION_CHOSEN',
                                                              'COMMUNICATION', 'CLOSED')),
    author_account       uuid        REFERENCES accounts (id),
    author_organisation  uuid        REFERENCES organisations (id),
    text                 text        NOT NULL DEFAULT '' CHECK (length(text) <= 10000),
    data                 jsonb       NOT NULL DEFAULT '{}'
);

CREATE INDEX response_entries_board ON response_entries (board_id, at);
-- first action per organisation on a board
CREATE INDEX response_entries_first_action ON response_entries (board_id, author_organisation, at)
    WHERE author_organisation IS NOT NULL;

-- Append-only, as the audit log: an entry is never changed or removed (a board is removed only with
-- its protocol or community, by cascade, which this trigger lets through as a DELETE of the board).
CREATE FUNCTION response_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'response_entries is append-only';
    END IF;
    IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM response_boards WHERE id = OLD.board_id) THEN
        RAISE EXCEPTION 'response_entries is append-only';
    END IF;
    RETURN OLD;
END $$;

CREATE TRIGGER response_entries_append_only BEFORE UPDATE OR DELETE ON response_entries
    FOR EACH ROW EXECUTE FUNCTION response_entries_append_only();
