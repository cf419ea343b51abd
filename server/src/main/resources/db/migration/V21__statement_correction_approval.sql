-- Corrections to a published statement are approved by the panel like the statement itself (issue 8):
-- a member proposes the dated addition in French and English, members approve it under the panel's
-- decision rule, and only then is it published (a row in panel_statement_corrections, V19, which the
-- public site reads). A proposal is never edited; a different text is another proposal.

CREATE TABLE panel_statement_correction_proposals (
    id                uuid        PRIMARY KEY,
    statement_id      uuid        NOT NULL REFERENCES panel_statements (id) ON DELETE RESTRICT,
    text_fr           text        NOT NULL CHECK (length(btrim(text_fr)) BETWEEN 1 AND 8000),
    text_en           text        NOT NULL CHECK (length(btrim(text_en)) BETWEEN 1 AND 8000),
    proposed_by       uuid        NOT NULL REFERENCES accounts (id),
    proposed_at       timestamptz NOT NULL,
    -- set once, when the panel's rule is met: the published correction
    correction_id     uuid        UNIQUE REFERENCES panel_statement_corrections (id) ON DELETE RESTRICT
);

CREATE INDEX panel_statement_correction_proposals_statement ON panel_statement_correction_proposals (statement_id, proposed_at);

CREATE TABLE panel_statement_correction_approvals (
    proposal_id       uuid        NOT NULL REFERENCES panel_statement_correction_proposals (id) ON DELETE RESTRICT,
    account_id        uuid        NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    approved_at       timestamptz NOT NULL,
    PRIMARY KEY (proposal_id, account_id)
);

CREATE TRIGGER panel_statement_correction_approvals_append_only BEFORE UPDATE OR DELETE ON panel_statement_correction_approvals
    FOR EACH ROW EXECUTE FUNCTION panel_refuse_change();
