-- evidence: files attached to incident reports (screenshots, archives, exports), content-addressed by
-- SHA-256 and kept in chunks of 1 MiB so that uploads and downloads stream and never hold a whole file
-- in memory. Who may download a file is decided by the reports that list its hash
-- (docs/adr/0006-incident-reports.md); these tables carry no sharing of their own.

CREATE TABLE evidence_files (
    sha256      text        PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size        bigint      NOT NULL CHECK (size > 0),
    -- the type sniffed from the content, never the type the client declared
    media_type  text        NOT NULL,
    stored_at   timestamptz NOT NULL,
    -- the account that stored it first; NULL when stored by the system
    stored_by   uuid
);

CREATE TABLE evidence_chunks (
    -- An upload writes its chunks under a temporary key while it streams and hashes, then renames them
    -- to the hash (or drops them when the file is already stored); the key is checked at commit.
    sha256  text    NOT NULL,
    seq     integer NOT NULL CHECK (seq >= 0),
    data    bytea   NOT NULL,
    PRIMARY KEY (sha256, seq),
    CONSTRAINT evidence_chunks_file FOREIGN KEY (sha256) REFERENCES evidence_files (sha256) DEFERRABLE INITIALLY IMMEDIATE
);

-- Evidence is mostly compressed already (images, archives, video): store chunks out of line without
-- trying to compress them again.
ALTER TABLE evidence_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
