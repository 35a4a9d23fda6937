-- Entries stored but never shown: Planet 2.0's hidden items (new_feed_items hides the older
-- entries of a feed on its first refresh). 0 = shown, 1 = hidden; set when first stored.
ALTER TABLE entry ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
