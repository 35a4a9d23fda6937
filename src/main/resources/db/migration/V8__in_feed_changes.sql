-- An entry leaving its feed (or coming back) counts as a change of what the site shows, as
-- V6__change_count's other columns do: a run whose only news is that entries left their feeds
-- then expunges them and publishes, rather than leaving the site (and the entries) as they were.
-- The writer marks only the rows whose in_feed changes, so a feed fetched again unchanged counts nothing.
DROP TRIGGER entry_changed;

CREATE TRIGGER entry_changed AFTER UPDATE ON entry
WHEN OLD.title IS NOT NEW.title OR OLD.link IS NOT NEW.link OR OLD.author IS NOT NEW.author
    OR OLD.published IS NOT NEW.published OR OLD.updated IS NOT NEW.updated
    OR OLD.first_seen IS NOT NEW.first_seen OR OLD.content_html IS NOT NEW.content_html
    OR OLD.summary_html IS NOT NEW.summary_html OR OLD.categories IS NOT NEW.categories
    OR OLD.hidden IS NOT NEW.hidden OR OLD.subscription_id IS NOT NEW.subscription_id
    OR OLD.in_feed IS NOT NEW.in_feed
BEGIN
    UPDATE change_count SET count = count + 1 WHERE id = 1;
END;
