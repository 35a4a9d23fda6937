-- Expiry (cache_keep_entries) and reading lists.

-- 1 while the entry is in the latest document of its feed that Orrery parsed; expunging never
-- removes such an entry, since the feed's next change would bring it back as a new one.
-- Entries stored before this version count as in the feed until the feed next changes.
ALTER TABLE entry ADD COLUMN in_feed INTEGER NOT NULL DEFAULT 1;

-- The last copy of each reading list that could be read, used when a fetch of it fails.
CREATE TABLE reading_list (
    url           TEXT   NOT NULL PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    -- the document's bytes, Base64: TEXT reads and writes the same in SQLite and PostgreSQL
    body          TEXT   NOT NULL,
    fetched_at    BIGINT NOT NULL
);
