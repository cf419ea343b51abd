-- The non-partisan expert panel (issue 8): panels and their members, conflict-of-interest
-- declarations, referrals of reports and campaigns, each member's assessment against the published
-- criteria, decisions, public statements, the notices that precede publication, and corrections.
-- See docs/adr/0013-expert-panel.md.
--
-- What is decided is never rewritten: assessments, decisions, statement approvals, notices and
-- corrections are append-only (a trigger refuses UPDATE and DELETE on them; a correction is a new row
-- that names the one it corrects). Every change is also in the hash-chained audit log.

CREATE FUNCTION panel_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused (record a correction instead)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;

-- A panel for one election, or a standing panel (election_id NULL).
CREATE TABLE panels (
    id             uuid        PRIMARY KEY,
    name           text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    election_id    uuid        REFERENCES elections (id) ON DELETE RESTRICT,
    -- public: shown on the methodology page
    mandate_fr     text        NOT NULL DEFAULT '' CHECK (length(mandate_fr) <= 8000),
    mandate_en     text        NOT NULL DEFAULT '' CHECK (length(mandate_en) <= 8000),
    -- CONSENSUS: every member who is not recused takes a position and all are in favour.
    -- QUORUM: at least quorum members who are not recused take a position and a strict majority of
    -- those positions are in favour.
    decision_rule  text        NOT NULL DEFAULT 'CONSENSUS' CHECK (decision_rule IN ('CONSENSUS', 'QUORUM')),
    quorum         smallint    CHECK (quorum BETWEEN 1 AND 50),
    active         boolean     NOT NULL DEFAULT true,
    created_by     uuid        NOT NULL REFERENCES accounts (id),
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    CHECK ((decision_rule = 'QUORUM') = (quorum IS NOT NULL))
);

CREATE UNIQUE INDEX panels_name_key ON panels (lower(name));
CREATE INDEX panels_election ON panels (election_id);

-- Members are accounts. public_title is what the methodology page shows ("former Clerk of ..."); no
-- account detail is ever published.
CREATE TABLE panel_members (
    panel_id       uuid        NOT NULL REFERENCES panels (id) ON DELETE CASCADE,
    account_id     uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    role           text        NOT NULL DEFAULT 'MEMBER' CHECK (role IN ('CHAIR', 'MEMBER')),
    public_title   text        NOT NULL DEFAULT '' CHECK (length(public_title) <= 300),
    added_at       timestamptz NOT NULL,
    removed_at     timestamptz,
    PRIMARY KEY (panel_id, account_id)
);

CREATE INDEX panel_members_account ON panel_members (account_id);

-- Conflict-of-interest declarations: a member's tie to an organisation (their party, employer,
-- board). A member is recused from a referral whose subjects involve one of these organisations (as
-- target, reporter or owner); the recusal is recorded per referral in panel_recusals.
CREATE TABLE panel_interests (
    id              uuid        PRIMARY KEY,
    panel_id        uuid        NOT NULL REFERENCES panels (id) ON DELETE CASCADE,
    account_id      uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    organisation_id uuid        NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
    nature          text        NOT NULL CHECK (length(btrim(nature)) BETWEEN 1 AND 500),
    declared_at     timestamptz NOT NULL,
    withdrawn_at    timestamptz,
    UNIQUE (panel_id, account_id, organisation_id, declared_at)
);

CREATE INDEX panel_interests_member ON panel_interests (panel_id, account_id);

-- A referral: one report, one campaign, or a set of reports taken together (an accumulation).
CREATE TABLE panel_referrals (
    id                   uuid        PRIMARY KEY,
    panel_id             uuid        NOT NULL REFERENCES panels (id) ON DELETE RESTRICT,
    kind                 text        NOT NULL CHECK (kind IN ('REPORT', 'CAMPAIGN', 'ACCUMULATION')),
    title                text        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
    cover_note           text        NOT NULL DEFAULT '' CHECK (length(cover_note) <= 20000),
    referred_by          uuid        NOT NULL REFERENCES accounts (id),
    referred_by_org      uuid        REFERENCES organisations (id),
    referred_at          timestamptz NOT NULL,
    -- OPEN until a decision is taken (DECIDED) or the referral is withdrawn
    status               text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DECIDED', 'WITHDRAWN')),
    closed_at            timestamptz
);

-- the panel's queue: open referrals, oldest first
CREATE INDEX panel_referrals_queue ON panel_referrals (panel_id, referred_at) WHERE status = 'OPEN';
CREATE INDEX panel_referrals_panel ON panel_referrals (panel_id, referred_at DESC);

CREATE TABLE panel_referral_subjects (
    referral_id    uuid        NOT NULL REFERENCES panel_referrals (id) ON DELETE CASCADE,
    subject_id     text        NOT NULL,
    subject_type   text        NOT NULL CHECK (subject_type IN ('report', 'campaign')),
    PRIMARY KEY (referral_id, subject_id)
);

CREATE INDEX panel_referral_subjects_subject ON panel_referral_subjects (subject_id);

-- Who does not take part in a referral and why: an interest they declared (organisation_id set), or
-- a recusal they recorded themselves.
CREATE TABLE panel_recusals (
    referral_id     uuid        NOT NULL REFERENCES panel_referrals (id) ON DELETE CASCADE,
    account_id      uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    organisation_id uuid        REFERENCES organisations (id) ON DELETE RESTRICT,
    reason          text        NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 2000),
    recorded_at     timestamptz NOT NULL,
    PRIMARY KEY (referral_id, account_id)
);

CREATE TRIGGER panel_recusals_append_only BEFORE UPDATE OR DELETE ON panel_recusals
    FOR EACH ROW EXECUTE FUNCTION panel_refuse_change();

-- A member's assessment of a referral: the criteria checklist, each answered with a justification
-- ([{"criterion": "UNDERMINES_FREE_FAIR", "rating": "HIGH", "justification": "..."}, ...]), the
-- response options short of an announcement they recommend ([{"option": "PRIVATE_NOTICE_TO_TARGETS",
-- "note": "..."}]), and their position. A member may revise it until the decision: each revision is a
-- new row (supersedes = the previous one); the latest counts.
CREATE TABLE panel_assessments (
    id                uuid        PRIMARY KEY,
    referral_id       uuid        NOT NULL REFERENCES panel_referrals (id) ON DELETE RESTRICT,
    account_id        uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    criteria          jsonb       NOT NULL CHECK (jsonb_typeof(criteria) = 'array'),
    response_options  jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(response_options) = 'array'),
    position          text        NOT NULL CHECK (position IN ('ANNOUNCE', 'DO_NOT_ANNOUNCE', 'ABSTAIN')),
    rationale         text        NOT NULL CHECK (length(btrim(rationale)) BETWEEN 1 AND 20000),
    recorded_at       timestamptz NOT NULL,
    supersedes        uuid        REFERENCES panel_assessments (id)
);

CREATE INDEX panel_assessments_referral ON panel_assessments (referral_id, account_id, recorded_at DESC);

CREATE TRIGGER panel_assessments_append_only BEFORE UPDATE OR DELETE ON panel_assessments
    FOR EACH ROW EXECUTE FUNCTION panel_refuse_change();

-- A decision: the rule applied to the latest positions of the members who are not recused. tally =
-- {"rule": "CONSENSUS", "quorum": null, "eligible": [...], "recused": [...], "positions": {"<account>":
-- "ANNOUNCE", ...}}; dissent = [{"account": "...", "position": "...", "rationale": "..."}]. A correction
-- is a new decision naming the one it corrects; the latest one stands.
CREATE TABLE panel_decisions (
    id                uuid        PRIMARY KEY,
    referral_id       uuid        NOT NULL REFERENCES panel_referrals (id) ON DELETE RESTRICT,
    outcome           text        NOT NULL CHECK (outcome IN ('PUBLIC_ANNOUNCEMENT', 'NO_PUBLIC_ANNOUNCEMENT')),
    tally             jsonb       NOT NULL,
    dissent           jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(dissent) = 'array'),
    -- the responses short of an announcement the panel decided on
    response_options  jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(response_options) = 'array'),
    rationale         text        NOT NULL CHECK (length(btrim(rationale)) BETWEEN 1 AND 20000),
    recorded_by       uuid        NOT NULL REFERENCES accounts (id),
    decided_at        timestamptz NOT NULL,
    corrects          uuid        REFERENCES panel_decisions (id),
    correction_reason text        CHECK (correction_reason IS NULL OR length(btrim(correction_reason)) BETWEEN 1 AND 4000),
    CHECK ((corrects IS NULL) = (correction_reason IS NULL))
);

CREATE INDEX panel_decisions_referral ON panel_decisions (referral_id, decided_at DESC);
-- a decision is corrected at most once (corrections chain)
CREATE UNIQUE INDEX panel_decisions_corrects ON panel_decisions (corrects) WHERE corrects IS NOT NULL;

CREATE TRIGGER panel_decisions_append_only BEFORE UPDATE OR DELETE ON panel_decisions
    FOR EACH ROW EXECUTE FUNCTION panel_refuse_change();

-- A public statement about a decision to announce. The panel drafts it from the plain-language
-- template; every published field is in this row or in its approved version, and nothing else is
-- ever published (the public site reads only these tables). Drafts are revised as new versions;
-- the panel approves one version; approval freezes it.
CREATE TABLE panel_statements (
    id                uuid        PRIMARY KEY,
    decision_id       uuid        NOT NULL REFERENCES panel_decisions (id) ON DELETE RESTRICT,
    referral_id       uuid        NOT NULL REFERENCES panel_referrals (id) ON DELETE RESTRICT,
    -- the public address: /public/statements/{slug}
    slug              text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 120),
    status            text        NOT NULL DEFAULT 'DRAFT'
                                  CHECK (status IN ('DRAFT', 'APPROVED', 'NOTICES_SENT', 'PUBLISHED', 'WITHDRAWN')),
    current_version   integer     NOT NULL DEFAULT 1,
    approved_version  integer,
    scheduled_for     timestamptz,
    notices_sent_at   timestamptz,
    published_at      timestamptz,
    created_by        uuid        NOT NULL REFERENCES accounts (id),
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    -- notices always precede publication
    CHECK (published_at IS NULL OR (notices_sent_at IS NOT NULL AND notices_sent_at <= published_at)),
    CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL) OR status = 'WITHDRAWN')
);

CREATE UNIQUE INDEX panel_statements_decision ON panel_statements (decision_id);
-- the public list and feed: published, newest first
CREATE INDEX panel_statements_published ON panel_statements (published_at DESC) WHERE status = 'PUBLISHED';
-- the publication job's scan
CREATE INDEX panel_statements_due ON panel_statements (scheduled_for) WHERE status IN ('APPROVED', 'NOTICES_SENT');

-- Each version of a statement's text. The public fields: titles, the five template sections in both
-- languages, and the public classification the panel chose for the statistics (incident type, cycle
-- phase, election). fields = {"fr": {"title", "what_happened", "who_is_affected", "what_to_do",
-- "what_is_being_done", "how_the_panel_decided"}, "en": {...}}.
CREATE TABLE panel_statement_versions (
    statement_id      uuid        NOT NULL REFERENCES panel_statements (id) ON DELETE CASCADE,
    version           integer     NOT NULL CHECK (version >= 1),
    fields            jsonb       NOT NULL CHECK (jsonb_typeof(fields) = 'object'),
    incident_type     text,
    cycle_phase       text,
    election_id       uuid        REFERENCES elections (id) ON DELETE RESTRICT,
    edited_by         uuid        NOT NULL REFERENCES accounts (id),
    edited_at         timestamptz NOT NULL,
    PRIMARY KEY (statement_id, version)
);

CREATE TRIGGER panel_statement_versions_append_only BEFORE UPDATE OR DELETE ON panel_statement_versions
    FOR EACH ROW EXECUTE FUNCTION panel_refuse_change();

ALTER TABLE panel_statements ADD FOREIGN KEY (id, current_version) REFERENCES panel_statement_versions (statement_id, version)
    DEFERRABLE INITIALLY DEFERRED;

-- Members' approvals of one version; the panel's decision rule decides when it is approved.
CREATE TABLE panel_statement_approvals (
    statement_id      uuid        NOT NULL,
    version           integer     NOT NULL,
    account_id        uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    approved_at       timestamptz NOT NULL,
    PRIMARY KEY (statement_id, version, account_id),
    FOREIGN KEY (statement_id, version) REFERENCES panel_statement_versions (statement_id, version) ON DELETE CASCADE
);

CREATE TRIGGER panel_statement_approvals_append_only BEFORE UPDATE OR DELETE ON panel_statement_approvals
    FOR EACH ROW EXECUTE FUNCTION panel_refuse_change();

-- The notices that precede publication, one row per recipient: TARGET (a target organisation told
-- privately) and PRE_ANNOUNCEMENT (every registered party contact and the election management body,
-- identical content). All rows of one statement share batch_id and sent_at: one batch, one moment.
CREATE TABLE panel_notices (
    id                uuid        PRIMARY KEY,
    statement_id      uuid        NOT NULL REFERENCES panel_statements (id) ON DELETE RESTRICT,
    batch_id          uuid        NOT NULL,
    kind              text        NOT NULL CHECK (kind IN ('TARGET', 'PRE_ANNOUNCEMENT')),
    organisation_id   uuid        NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
    notification_id   uuid        NOT NULL REFERENCES notifications (id) ON DELETE RESTRICT,
    sent_at           timestamptz NOT NULL
);

CREATE INDEX panel_notices_statement ON panel_notices (statement_id, sent_at);

CREATE TRIGGER panel_notices_append_only BEFORE UPDATE OR DELETE ON panel_notices
    FOR EACH ROW EXECUTE FUNCTION panel_refuse_change();

-- A published statement is never edited: a correction is a dated addition shown with it.
CREATE TABLE panel_statement_corrections (
    id                uuid        PRIMARY KEY,
    statement_id      uuid        NOT NULL REFERENCES panel_statements (id) ON DELETE RESTRICT,
    text_fr           text        NOT NULL CHECK (length(btrim(text_fr)) BETWEEN 1 AND 8000),
    text_en           text        NOT NULL CHECK (length(btrim(text_en)) BETWEEN 1 AND 8000),
    created_by        uuid        NOT NULL REFERENCES accounts (id),
    published_at      timestamptz NOT NULL
);

CREATE INDEX panel_statement_corrections_statement ON panel_statement_corrections (statement_id, published_at);

CREATE TRIGGER panel_statement_corrections_append_only BEFORE UPDATE OR DELETE ON panel_statement_corrections
    FOR EACH ROW EXECUTE FUNCTION panel_refuse_change();
