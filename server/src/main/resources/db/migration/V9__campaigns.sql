-- campaigns: a STIX campaign object in stix_objects groups incident reports. Its members are kept
-- here and not in the object, whose readers may not see every member (ADR 0006). These tables,
-- beside the store, hold its head version and its members; like reports, they carry no sharing: every read of a campaign goes
-- through the knowledge store, and every read of its members through the reports' policy.

CREATE TABLE campaigns (
    stix_id             text        PRIMARY KEY,
    owner_organisation  uuid        NOT NULL REFERENCES organisations (id),
    -- the newest version: changes lock this row, so two editors adding reports at once queue here
    modified            timestamptz NOT NULL
);

CREATE TABLE campaign_reports (
    campaign_id  text        NOT NULL REFERENCES campaigns (stix_id) ON DELETE CASCADE,
    report_id    text        NOT NULL REFERENCES reports (stix_id),
    added_at     timestamptz NOT NULL,
    PRIMARY KEY (campaign_id, report_id)
);

-- "the campaigns this report is part of", on a report's page
CREATE INDEX campaign_reports_report ON campaign_reports (report_id);
