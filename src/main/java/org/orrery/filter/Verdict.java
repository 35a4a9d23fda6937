package org.orrery.filter;

import java.util.Objects;
import org.orrery.model.Entry;

/** What the filters decided about one entry. */
public sealed interface Verdict {
    /** Store and show the entry (possibly rewritten). */
    record Kept(Entry entry) implements Verdict {
        public Kept {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** Store the entry but never show it (Planet 2.0's hidden items, from {@code new_feed_items}). */
    record Hidden(Entry entry, String reason) implements Verdict {
        public Hidden {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Do not store the entry; the next refresh decides again (a future date may have passed). */
    record Dropped(String key, String reason) implements Verdict {
        public Dropped {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
