package org.orrery.refresh;

import java.net.URI;
import org.orrery.store.Refresh;

/**
 * Hears how a refresh advances, one subscription at a time, for a progress display. Called from
 * the refreshing threads, concurrently: implementations are thread-safe and quick.
 */
public interface RefreshListener {
    /** Hears nothing. */
    RefreshListener NONE = (feed, outcome) -> {};

    /** What became of one subscription in a refresh. */
    enum Outcome {
        FETCHED,
        NOT_MODIFIED,
        FAILED,
        /** Not fetched: not due yet. */
        WAITING,
        /** Not fetched: its server said 410 Gone. */
        GONE;

        public static Outcome of(Refresh refresh) {
            return switch (refresh) {
                case Refresh.Fetched f -> FETCHED;
                case Refresh.NotModified n -> NOT_MODIFIED;
                case Refresh.Failed f -> FAILED;
            };
        }
    }

    /** Before any subscription: how many the refresh goes through (reading lists expanded). */
    default void starting(int subscriptions) {}

    /** Once per subscription, when the refresh is done with it. */
    void finished(URI feed, Outcome outcome);
}
