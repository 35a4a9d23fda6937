-- What feeds say beyond the river's own columns, for the template variables Venus gives
-- (author_email, author_uri, *_language, rights; a channel's id, subtitle, author, language):
-- each a JSON object of strings, NULL when there is nothing (and for rows stored before), read
-- as nothing. A change of either is a change of what the site shows. The feed's own updated
-- time (a channel's last_updated) is left out of the count, as the last fetch time is in
-- V6__change_count: many feeds write the time they were requested.
ALTER TABLE entry ADD COLUMN details TEXT;
ALTER TABLE subscription ADD COLUMN feed_details TEXT;
ALTER TABLE subscription ADD COLUMN feed_updated BIGINT;

DROP TRIGGER entry_changed;

CREATE TRIGGER entry_changed AFTER UPDATE ON entry
WHEN OLD.title IS NOT NEW.title OR OLD.link IS NOT NEW.link OR OLD.author IS NOT NEW.author
    OR OLD.published IS NOT NEW.published OR OLD.updated IS NOT NEW.updated
    OR OLD.first_seen IS NOT NEW.first_seen OR OLD.content_html IS NOT NEW.content_html
    OR OLD.summary_html IS NOT NEW.summary_html OR OLD.categories IS NOT NEW.categories
    OR OLD.hidden IS NOT NEW.hidden OR OLD.subscription_id IS NOT NEW.subscription_id
    OR OLD.in_feed IS NOT NEW.in_feed OR OLD.enclosures IS NOT NEW.enclosures
    OR OLD.body_base IS NOT NEW.body_base OR OLD.details IS NOT NEW.details
BEGIN
    UPDATE change_count SET count = count + 1 WHERE id = 1;
END;

DROP TRIGGER subscription_changed;

CREATE TRIGGER subscription_changed AFTER UPDATE ON subscription
WHEN OLD.url IS NOT NEW.url OR OLD.title IS NOT NEW.title OR OLD.site_url IS NOT NEW.site_url
    OR OLD.last_error IS NOT NEW.last_error
    OR OLD.gone IS NOT NEW.gone OR OLD.feed_details IS NOT NEW.feed_details
BEGIN
    UPDATE change_count SET count = count + 1 WHERE id = 1;
END;
