-- reports: one row per incident report, beside its STIX incident in stix_objects (ADR 0006). These
-- rows hold what lists, filters, the election overview and the victim view need; they hold no
-- sharing: every query joins the incident's latest row in stix_objects and applies the policy there.

CREATE TABLE reports (
    stix_id               text        PRIMARY KEY,
    modified              timestamptz NOT NULL,
    created               timestamptz NOT NULL,
    owner_organisation    uuid        NOT NULL REFERENCES organisations (id),
    title                 text        NOT NULL,
    election_id           uuid,
    cycle_phase           text,
    incident_types        text[]      NOT NULL,
    outcome               text        NOT NULL CHECK (outcome IN ('ATTEMPTED', 'SUCCESSFUL', 'UNKNOWN')),
    first_seen            timestamptz,
    last_seen             timestamptz,
    target_categories     text[]      NOT NULL DEFAULT '{}',
    target_organisations  uuid[]      NOT NULL DEFAULT '{}',
    disarm_techniques     text[]      NOT NULL DEFAULT '{}',
    confidence            smallint,
    revoked               boolean     NOT NULL DEFAULT false,
    -- when the event happened, for timelines: first seen, else the report's creation
    occurred              timestamptz NOT NULL
);

CREATE INDEX reports_election ON reports (election_id, occurred);
CREATE INDEX reports_occurred ON reports (occurred DESC, stix_id);
-- the victim view: "incidents where my organisation is a target"
CREATE INDEX reports_target_organisations ON reports USING gin (target_organisations);
CREATE INDEX reports_incident_types ON reports USING gin (incident_types);

-- correlation keys: one row per report and normalised value (an observable, an actor, a narrative,
-- a DISARM technique). Looked up by (kind, value); rewritten with each version of the report.
CREATE TABLE correlation_values (
    kind       text    NOT NULL,
    value      text    NOT NULL,
    report_id  text    NOT NULL REFERENCES reports (stix_id) ON DELETE CASCADE,
    weight     real    NOT NULL,
    PRIMARY KEY (kind, value, report_id)
);
CREATE INDEX correlation_values_report ON correlation_values (report_id);

-- how many reports carry each value, so that a value seen everywhere is flagged "over-correlating"
-- and stops linking instead of joining thousands of reports (MISP's lesson)
CREATE TABLE correlation_counts (
    kind     text    NOT NULL,
    value    text    NOT NULL,
    reports  integer NOT NULL CHECK (reports >= 0),
    PRIMARY KEY (kind, value)
);

-- which organisations uploaded which evidence file: a report may only cite files its author's
-- organisation uploaded, so that knowing a hash is not enough to attach (and then read) a file
CREATE TABLE evidence_uploads (
    sha256           text        NOT NULL,
    organisation_id  uuid        NOT NULL REFERENCES organisations (id),
    uploaded_at      timestamptz NOT NULL,
    PRIMARY KEY (sha256, organisation_id)
);

-- comments on a report are STIX notes whose object_refs name it: found through this index
CREATE INDEX stix_objects_note_refs ON stix_objects USING gin ((object -> 'object_refs') jsonb_path_ops)
    WHERE is_latest AND type = 'note';
