-- Alerts (issue 6): subscriptions with their filters and channels, and the notification outbox.
-- The outbox is written in the same transaction as the report that causes it, so that a report and
-- its notifications commit (or roll back) together; a worker delivers the rows afterwards.

CREATE TABLE subscriptions (
    id                    uuid        PRIMARY KEY,
    -- exactly one owner: a person, or an organisation (then its points of contact / members receive it)
    owner_account         uuid        REFERENCES accounts (id) ON DELETE CASCADE,
    owner_organisation    uuid        REFERENCES organisations (id) ON DELETE CASCADE,
    created_by            uuid        NOT NULL REFERENCES accounts (id),
    name                  text        NOT NULL,
    -- filters; an empty array or a null means "any"
    election_id           uuid        REFERENCES elections (id) ON DELETE CASCADE,
    cycle_phases          text[]      NOT NULL DEFAULT '{}',
    incident_types        text[]      NOT NULL DEFAULT '{}',
    target_categories     text[]      NOT NULL DEFAULT '{}',
    target_organisations  uuid[]      NOT NULL DEFAULT '{}',
    disarm_techniques     text[]      NOT NULL DEFAULT '{}',
    min_confidence        smallint    CHECK (min_confidence BETWEEN 0 AND 100),
    communities           uuid[]      NOT NULL DEFAULT '{}',
    -- watch list: [{"type":"domain","value":"example.fr","normalised":"example.fr"}, {"type":"keyword","value":"…"}]
    watch_list            jsonb       NOT NULL DEFAULT '[]',
    mode                  text        NOT NULL CHECK (mode IN ('IMMEDIATE', 'HOURLY', 'DAILY')),
    channels              text[]      NOT NULL CHECK (channels <@ ARRAY['IN_APP', 'EMAIL', 'WEBHOOK']::text[]
                                                      AND cardinality(channels) > 0),
    webhook_url           text,
    -- the webhook secret is needed in clear to sign (HMAC), so it is encrypted, never hashed
    webhook_secret_enc    bytea,
    active                boolean     NOT NULL DEFAULT true,
    created_at            timestamptz NOT NULL,
    CHECK ((owner_account IS NULL) <> (owner_organisation IS NULL)),
    CHECK (NOT ('WEBHOOK' = ANY (channels)) OR webhook_url IS NOT NULL)
);

CREATE INDEX subscriptions_owner_account ON subscriptions (owner_account) WHERE owner_account IS NOT NULL;
CREATE INDEX subscriptions_owner_organisation ON subscriptions (owner_organisation) WHERE owner_organisation IS NOT NULL;
CREATE INDEX subscriptions_active ON subscriptions (active) WHERE active;

-- The outbox: one row per event × recipient × channel. At-least-once delivery; the idempotency key
-- (event id + recipient + channel) makes a repeated enqueue a no-op and lets receivers de-duplicate.
CREATE TABLE notifications (
    id                 uuid        PRIMARY KEY,
    event_id           uuid        NOT NULL,
    subscription_id    uuid        REFERENCES subscriptions (id) ON DELETE SET NULL,
    recipient_account  uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    channel            text        NOT NULL CHECK (channel IN ('IN_APP', 'EMAIL', 'WEBHOOK')),
    subject_id         text        NOT NULL,
    subject_modified   timestamptz NOT NULL,
    tlp                text        NOT NULL,
    payload            jsonb       NOT NULL,
    idempotency_key    text        NOT NULL UNIQUE,
    status             text        NOT NULL DEFAULT 'PENDING'
                                   CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'DEAD')),
    attempts           integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at    timestamptz NOT NULL,
    last_error         text,
    created_at         timestamptz NOT NULL,
    delivered_at       timestamptz,
    opened_at          timestamptz,
    acknowledged_at    timestamptz
);

-- the worker's "due" query: status in (PENDING, FAILED) and next_attempt_at <= now, oldest first
CREATE INDEX notifications_due ON notifications (next_attempt_at)
    WHERE status IN ('PENDING', 'FAILED');
-- the notification centre: a person's in-app notifications, newest first, and the unread count
CREATE INDEX notifications_inbox ON notifications (recipient_account, created_at DESC)
    WHERE channel = 'IN_APP';
CREATE INDEX notifications_unread ON notifications (recipient_account)
    WHERE channel = 'IN_APP' AND opened_at IS NULL;
CREATE INDEX notifications_subject ON notifications (subject_id);
-- the dead-letter list an administrator replays
CREATE INDEX notifications_dead ON notifications (created_at) WHERE status = 'DEAD';
