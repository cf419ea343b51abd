-- audit: the append-only, hash-chained record of every state change (see docs/adr/0002-audit-chain.md)

CREATE TABLE audit_log (
    sequence        bigint      PRIMARY KEY,
    occurred_at     timestamptz NOT NULL,
    actor_id        text,
    actor_name      text        NOT NULL,
    action          text        NOT NULL,
    target_type     text,
    target_id       text,
    -- canonical JSON kept as text: the hash covers these exact characters (jsonb would reorder them)
    details         text        NOT NULL,
    source_address  text,
    previous_hash   char(64)    NOT NULL,
    hash            char(64)    NOT NULL
);

CREATE INDEX audit_log_occurred_at_idx ON audit_log (occurred_at);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_name);

-- The newest link of the chain. Appenders lock this single row, which serialises them and makes
-- sequence numbers gap-free; the verifier compares it with the last entry so that deleting the
-- newest entries is detected too.
CREATE TABLE audit_head (
    singleton boolean  PRIMARY KEY DEFAULT true CHECK (singleton),
    sequence  bigint   NOT NULL,
    hash      char(64) NOT NULL
);
INSERT INTO audit_head (singleton, sequence, hash) VALUES (true, 0, repeat('0', 64));

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER audit_log_no_change
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
