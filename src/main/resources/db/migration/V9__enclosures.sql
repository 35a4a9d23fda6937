-- An entry's attached files (podcasts' audio, media:content images), as a JSON array of
-- {"url", "type", "length"} objects; NULL for entries stored before, read as none. A change of
-- them is a change of what the site shows, as V8__in_feed_changes's columns are.
ALTER TABLE entry ADD COLUMN enclosures TEXT;

DROP TRIGGER entry_changed;

CREATE TRIGGER entry_changed AFTER UPDATE ON entry
WHEN OLD.title IS NOT NEW.title OR OLD.link IS NOT NEW.link OR OLD.author IS NOT NEW.author
    OR OLD.published IS NOT NEW.published OR OLD.updated IS NOT NEW.updated
    OR OLD.first_seen IS NOT NEW.first_seen OR OLD.content_html IS NOT NEW.content_html
    OR OLD.summary_html IS NOT NEW.summary_html OR OLD.categories IS NOT NEW.categories
    OR OLD.hidden IS NOT NEW.hidden OR OLD.subscription_id IS NOT NEW.subscription_id
    OR OLD.in_feed IS NOT NEW.in_feed OR OLD.enclosures IS NOT NEW.enclosures
BEGIN
    UPDATE change_count SET count = count + 1 WHERE id = 1;
END;
