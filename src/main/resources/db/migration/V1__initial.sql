-- Orrery's initial schema (SQLite). Instants are epoch milliseconds (BIGINT): they sort and
-- compare as numbers in SQLite and PostgreSQL alike, where ISO text of varying width would not.

CREATE TABLE subscription (
    id              INTEGER PRIMARY KEY,
    url             TEXT    NOT NULL UNIQUE,
    title           TEXT,
    site_url        TEXT,
    etag            TEXT,
    last_modified   TEXT,
    http_status     INTEGER,
    last_fetched_at BIGINT,
    last_attempt_at BIGINT,
    error_count     INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT
);

CREATE TABLE entry (
    id              INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    entry_key       TEXT    NOT NULL,
    title           TEXT    NOT NULL,
    link            TEXT,
    author          TEXT,
    published       BIGINT,
    updated         BIGINT,
    first_seen      BIGINT  NOT NULL,
    content_html    TEXT    NOT NULL,
    summary_html    TEXT,
    -- a JSON array of strings, in document order
    categories      TEXT    NOT NULL DEFAULT '[]',
    -- the river's date: published, else updated, else first seen
    sort_date       BIGINT  GENERATED ALWAYS AS (COALESCE(published, updated, first_seen)) STORED,
    UNIQUE (subscription_id, entry_key)
);

CREATE INDEX entry_river ON entry (sort_date, first_seen);
