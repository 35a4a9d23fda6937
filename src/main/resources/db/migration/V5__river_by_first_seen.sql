-- river_order = first_seen walks entries by when the planet first saw them.
CREATE INDEX entry_first_seen ON entry (first_seen);
