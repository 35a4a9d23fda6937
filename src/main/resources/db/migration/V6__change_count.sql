-- One number that grows whenever anything the published site shows of the stored entries and
-- feeds changes, so that a run whose fetches changed nothing can leave the site as it is.
-- Triggers keep it, so no writer can forget to. A feed's last fetch time and validators are
-- left out: they change on every refresh and show nowhere but in health.json.
CREATE TABLE change_count (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    count BIGINT  NOT NULL
);
INSERT INTO change_count (id, count) VALUES (1, 0);

CREATE TRIGGER entry_added AFTER INSERT ON entry
BEGIN
    UPDATE change_count SET count = count + 1 WHERE id = 1;
END;

CREATE TRIGGER entry_removed AFTER DELETE ON entry
BEGIN
    UPDATE change_count SET count = count + 1 WHERE id = 1;
END;

CREATE TRIGGER entry_changed AFTER UPDATE ON entry
WHEN OLD.title IS NOT NEW.title OR OLD.link IS NOT NEW.link OR OLD.author IS NOT NEW.author
    OR OLD.published IS NOT NEW.published OR OLD.updated IS NOT NEW.updated
    OR OLD.first_seen IS NOT NEW.first_seen OR OLD.content_html IS NOT NEW.content_html
    OR OLD.summary_html IS NOT NEW.summary_html OR OLD.categories IS NOT NEW.categories
    OR OLD.hidden IS NOT NEW.hidden OR OLD.subscription_id IS NOT NEW.subscription_id
BEGIN
    UPDATE change_count SET count = count + 1 WHERE id = 1;
END;

CREATE TRIGGER subscription_added AFTER INSERT ON subscription
BEGIN
    UPDATE change_count SET count = count + 1 WHERE id = 1;
END;

CREATE TRIGGER subscription_removed AFTER DELETE ON subscription
BEGIN
    UPDATE change_count SET count = count + 1 WHERE id = 1;
END;

CREATE TRIGGER subscription_changed AFTER UPDATE ON subscription
WHEN OLD.url IS NOT NEW.url OR OLD.title IS NOT NEW.title OR OLD.site_url IS NOT NEW.site_url
    OR OLD.last_error IS NOT NEW.last_error
    OR OLD.gone IS NOT NEW.gone
BEGIN
    UPDATE change_count SET count = count + 1 WHERE id = 1;
END;
