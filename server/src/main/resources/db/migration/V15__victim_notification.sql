-- Victim notification (issue 6, item 4): when a report names a target organisation on Vigie, that
-- organisation is told, unless the reporter records a reason not to. Decisions and the target's
-- replies live here; the notices themselves go through the notification outbox (V14).

-- An e-mail to a point of contact: a person who is not an account. Such a row names the point of
-- contact and the address it had when the notice was queued (the worker must not depend on the
-- contact still existing unchanged to deliver what was decided); every other row names an account.
ALTER TABLE notifications ALTER COLUMN recipient_account DROP NOT NULL;
ALTER TABLE notifications ADD COLUMN recipient_contact uuid REFERENCES points_of_contact (id) ON DELETE CASCADE;
ALTER TABLE notifications ADD COLUMN recipient_email text;
ALTER TABLE notifications ADD CONSTRAINT notifications_one_recipient CHECK (
    (recipient_account IS NOT NULL AND recipient_contact IS NULL)
    OR (recipient_account IS NULL AND recipient_contact IS NOT NULL AND channel = 'EMAIL'
        AND recipient_email IS NOT NULL AND length(btrim(recipient_email)) > 0));

-- One decision per report and target organisation, taken once: NOTIFIED (the notice was queued and the
-- report shared with the target) or WITHHELD (the reporter gave a reason not to). A reviewer confirms
-- a withheld notice or overturns it (then it becomes NOTIFIED).
CREATE TABLE victim_notices (
    report_id        text        NOT NULL REFERENCES reports (stix_id) ON DELETE CASCADE,
    organisation_id  uuid        NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    status           text        NOT NULL CHECK (status IN ('NOTIFIED', 'WITHHELD')),
    reason           text        CHECK (reason IS NULL OR length(reason) <= 2000),
    decided_by       uuid        REFERENCES accounts (id) ON DELETE SET NULL,
    decided_at       timestamptz NOT NULL,
    notified_at      timestamptz,
    review           text        CHECK (review IN ('CONFIRMED', 'OVERTURNED')),
    reviewed_by      uuid        REFERENCES accounts (id) ON DELETE SET NULL,
    reviewed_at      timestamptz,
    review_note      text        CHECK (review_note IS NULL OR length(review_note) <= 2000),
    PRIMARY KEY (report_id, organisation_id),
    CHECK (status <> 'WITHHELD' OR length(btrim(coalesce(reason, ''))) > 0),
    CHECK ((status = 'NOTIFIED') = (notified_at IS NOT NULL)),
    CHECK ((review IS NULL) = (reviewed_at IS NULL))
);

-- the review list: withheld notices, newest first
CREATE INDEX victim_notices_withheld ON victim_notices (decided_at DESC) WHERE status = 'WITHHELD' OR review IS NOT NULL;

-- The target's reply to a notice: "we were already aware", "thank you", "we need help".
CREATE TABLE victim_replies (
    id               uuid        PRIMARY KEY,
    report_id        text        NOT NULL REFERENCES reports (stix_id) ON DELETE CASCADE,
    organisation_id  uuid        NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    account_id       uuid        REFERENCES accounts (id) ON DELETE SET NULL,
    answer           text        NOT NULL CHECK (answer IN ('ALREADY_AWARE', 'THANK_YOU', 'NEED_HELP')),
    message          text        NOT NULL DEFAULT '' CHECK (length(message) <= 4000),
    created_at       timestamptz NOT NULL,
    FOREIGN KEY (report_id, organisation_id) REFERENCES victim_notices (report_id, organisation_id) ON DELETE CASCADE
);

CREATE INDEX victim_replies_report ON victim_replies (report_id, created_at);
