-- accounts: people who sign in, and their API tokens

CREATE TABLE accounts (
    id                   uuid        PRIMARY KEY,
    username             text        NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    password_hash        text        NOT NULL,
    display_name         text        NOT NULL,
    email                text,
    organisation_id      uuid        REFERENCES organisations (id),
    role                 text        CHECK (role IN ('ADMINISTRATOR', 'ANALYST', 'VIEWER')),
    platform_admin       boolean     NOT NULL DEFAULT false,
    locale               text        CHECK (locale IN ('en', 'fr')),
    enabled              boolean     NOT NULL DEFAULT true,
    failed_logins        integer     NOT NULL DEFAULT 0,
    locked_until         timestamptz,
    password_changed_at  timestamptz NOT NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    -- one organisation and one role there; only a platform administrator may have neither
    CHECK ((organisation_id IS NULL) = (role IS NULL)),
    CHECK (organisation_id IS NOT NULL OR platform_admin)
);

CREATE UNIQUE INDEX accounts_username_key ON accounts (username);
CREATE INDEX accounts_organisation_idx ON accounts (organisation_id);

-- A token is vgt_<public id>_<secret>; only SHA-256 of the secret is kept (the secret has 256 bits
-- of entropy, so a slow password hash would add cost without adding safety).
CREATE TABLE api_tokens (
    id           uuid        PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name         text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    public_id    text        NOT NULL UNIQUE,
    secret_hash  char(64)    NOT NULL,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

CREATE INDEX api_tokens_account_idx ON api_tokens (account_id);
