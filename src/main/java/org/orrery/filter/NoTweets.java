package org.orrery.filter;

import java.time.Instant;
import org.orrery.model.Entry;

/** Venus's {@code notweets.py}: drops tweets, which Twitter's own feeds give {@code tag:twitter.com} ids. */
final class NoTweets implements EntryFilter {
    @Override
    public Verdict apply(Entry e, Instant now, Instant firstSeen) {
        return e.key().startsWith("tag:twitter.com,")
                ? new Verdict.Dropped(e.key(), "a tweet (notweets.py)")
                : new Verdict.Kept(e);
    }

    @Override
    public boolean readsBodies() {
        return false;
    }
}
