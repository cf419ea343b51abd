-- Alerts delivery (issue 6): digests gathered per subscription, recipient and channel, and the
-- dead-letter list's replays.

-- A digest row (HOURLY / DAILY subscription) waits for the end of its period; at that time the worker
-- claims every due digest row of the same subscription + recipient + channel together and sends them
-- as ONE e-mail or ONE webhook call. Immediate rows are claimed one by one, as before.
ALTER TABLE notifications ADD COLUMN digest boolean NOT NULL DEFAULT false;

CREATE INDEX notifications_due_digests ON notifications (next_attempt_at, subscription_id, recipient_account, channel)
    WHERE digest AND status IN ('PENDING', 'FAILED');

-- the dead-letter list of an organisation administrator: their organisation's subscriptions
CREATE INDEX notifications_dead_subscription ON notifications (subscription_id) WHERE status = 'DEAD';

-- when a dead notification was last put back in the queue, and by whom (the audit log has the details)
ALTER TABLE notifications ADD COLUMN replayed_at timestamptz;
ALTER TABLE notifications ADD COLUMN replayed_by uuid REFERENCES accounts (id) ON DELETE SET NULL;
