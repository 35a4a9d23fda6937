-- Scheduling and health of each subscription (fetch state beyond the validators of V1).

-- SHA-256 of the last body parsed: a 200 with the same bytes is treated as not modified
ALTER TABLE subscription ADD COLUMN content_hash TEXT;
-- epoch ms; the subscription is not fetched before this (backoff, Retry-After, max-age)
ALTER TABLE subscription ADD COLUMN next_fetch_at BIGINT;
-- 1 once the server answered 410 Gone: never fetched again, entries kept
ALTER TABLE subscription ADD COLUMN gone INTEGER NOT NULL DEFAULT 0;
-- the effective feed URL after permanent redirects seen on consecutive fetches
ALTER TABLE subscription ADD COLUMN redirected_to TEXT;
-- a permanent redirect target seen redirect_count fetches in a row, not yet trusted
ALTER TABLE subscription ADD COLUMN redirect_candidate TEXT;
ALTER TABLE subscription ADD COLUMN redirect_count INTEGER NOT NULL DEFAULT 0;

-- the newest entry of each subscription, for the health report
CREATE INDEX entry_subscription_date ON entry (subscription_id, sort_date);
