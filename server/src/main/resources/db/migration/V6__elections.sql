-- elections: the public facts reports, alerts and statements refer to (not STIX objects; see ADR 0006)

CREATE TABLE elections (
    id               uuid        PRIMARY KEY,
    name             text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    country          char(2)     NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    type             text        NOT NULL CHECK (type IN ('PRESIDENTIAL', 'LEGISLATIVE', 'LOCAL', 'EUROPEAN', 'REFERENDUM')),
    election_day     date        NOT NULL,
    -- where the law provides one and it is held; null otherwise
    second_round_day date        CHECK (second_round_day > election_day),
    -- the official campaign period, both days included; unknown (both null) until it is set
    campaign_starts  date,
    campaign_ends    date,
    description      text        NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    -- null when the platform itself created it (demo data)
    created_by       uuid        REFERENCES accounts (id) ON DELETE SET NULL,
    CHECK ((campaign_starts IS NULL) = (campaign_ends IS NULL)),
    CHECK (campaign_starts <= campaign_ends),
    -- the campaign comes before the vote: it may run up to election day, not past it
    CHECK (campaign_ends <= election_day)
);

-- One name per country, regardless of case: the name is how people pick an election for a report.
CREATE UNIQUE INDEX elections_name_key ON elections (country, lower(name));

-- The list, newest first, and the filters by date.
CREATE INDEX elections_election_day_idx ON elections (election_day DESC);
