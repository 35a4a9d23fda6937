-- The river's default date, updated else published else first seen (river_order = date, as Venus
-- and Planet 2.0 date entries), indexed as the river walks it: newest first, a page at a time.
CREATE INDEX entry_river_updated ON entry (COALESCE(updated, published, first_seen), first_seen, hidden, subscription_id);

-- The days on which what a monthly archive shows of the entries changed since the site was last
-- published: a day number (epoch milliseconds / 86,400,000, as SQLite and Java divide) of the
-- river date of each entry added, removed or changed, old and new, by each river order's date.
-- Publishing renders only the archive pages such a day can move, then forgets the days it read,
-- by their mark (the change count when each day was last marked), so that a day marked again
-- meanwhile is kept for the next publishing. Triggers keep it, as they keep change_count, so no
-- writer can forget to.
CREATE TABLE changed_day (
    -- 'date': a day of the updated date (river_order = date); 'published': of the published
    -- date (river_order = published); 'seen': of the first-seen time (river_order = first_seen)
    kind TEXT    NOT NULL,
    day  INTEGER NOT NULL,
    mark BIGINT  NOT NULL,
    PRIMARY KEY (kind, day)
) WITHOUT ROWID;

CREATE TRIGGER entry_added_day AFTER INSERT ON entry
BEGIN
    INSERT OR REPLACE INTO changed_day (kind, day, mark) VALUES
        ('date', COALESCE(NEW.updated, NEW.published, NEW.first_seen) / 86400000, (SELECT count FROM change_count WHERE id = 1)),
        ('published', NEW.sort_date / 86400000, (SELECT count FROM change_count WHERE id = 1)),
        ('seen', NEW.first_seen / 86400000, (SELECT count FROM change_count WHERE id = 1));
END;

CREATE TRIGGER entry_removed_day AFTER DELETE ON entry
BEGIN
    INSERT OR REPLACE INTO changed_day (kind, day, mark) VALUES
        ('date', COALESCE(OLD.updated, OLD.published, OLD.first_seen) / 86400000, (SELECT count FROM change_count WHERE id = 1)),
        ('published', OLD.sort_date / 86400000, (SELECT count FROM change_count WHERE id = 1)),
        ('seen', OLD.first_seen / 86400000, (SELECT count FROM change_count WHERE id = 1));
END;

-- What a headline shows (V11's details among it): bodies, in_feed and body_base are left out
-- (archives show no bodies).
CREATE TRIGGER entry_changed_day AFTER UPDATE ON entry
WHEN OLD.title IS NOT NEW.title OR OLD.link IS NOT NEW.link OR OLD.author IS NOT NEW.author
    OR OLD.published IS NOT NEW.published OR OLD.updated IS NOT NEW.updated
    OR OLD.first_seen IS NOT NEW.first_seen OR OLD.categories IS NOT NEW.categories
    OR OLD.hidden IS NOT NEW.hidden OR OLD.subscription_id IS NOT NEW.subscription_id
    OR OLD.enclosures IS NOT NEW.enclosures OR OLD.entry_key IS NOT NEW.entry_key
    OR OLD.details IS NOT NEW.details
BEGIN
    INSERT OR REPLACE INTO changed_day (kind, day, mark) VALUES
        ('date', COALESCE(OLD.updated, OLD.published, OLD.first_seen) / 86400000, (SELECT count FROM change_count WHERE id = 1)),
        ('published', OLD.sort_date / 86400000, (SELECT count FROM change_count WHERE id = 1)),
        ('seen', OLD.first_seen / 86400000, (SELECT count FROM change_count WHERE id = 1)),
        ('date', COALESCE(NEW.updated, NEW.published, NEW.first_seen) / 86400000, (SELECT count FROM change_count WHERE id = 1)),
        ('published', NEW.sort_date / 86400000, (SELECT count FROM change_count WHERE id = 1)),
        ('seen', NEW.first_seen / 86400000, (SELECT count FROM change_count WHERE id = 1));
END;
