-- organisations: members of the hub and their points of contact

CREATE TABLE organisations (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    sector      text        NOT NULL CHECK (sector IN ('GOVERNMENT_AGENCY', 'ELECTION_MANAGEMENT_BODY', 'PLATFORM_INDUSTRY',
                                                       'CIVIL_SOCIETY', 'RESEARCH', 'MEDIA', 'FACT_CHECKER',
                                                       'POLITICAL_PARTY', 'INTERNATIONAL_ORGANISATION')),
    country     char(2)     NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    description text        NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- Names are unique regardless of case: "Valdoria Election Commission" and "valdoria election commission" are one body.
CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name));

CREATE TABLE points_of_contact (
    id              uuid        PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    topic           text        NOT NULL CHECK (topic IN ('CYBER_INCIDENTS', 'INFORMATION_MANIPULATION', 'MEDIA', 'LEGAL', 'DUTY_24_7')),
    name            text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    role_title      text        NOT NULL DEFAULT '',
    email           text,
    phone           text,
    availability    text        NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CHECK (email IS NOT NULL OR phone IS NOT NULL)
);

CREATE INDEX points_of_contact_organisation_idx ON points_of_contact (organisation_id);
CREATE INDEX points_of_contact_topic_idx ON points_of_contact (topic);
