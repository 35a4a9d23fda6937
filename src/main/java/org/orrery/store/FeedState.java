package org.orrery.store;

import java.util.Objects;
import java.util.Optional;
import org.orrery.model.Validators;
import org.orrery.schedule.Schedule;

/**
 * What the next refresh of a subscription needs from the last ones.
 *
 * @param contentHash the {@link org.orrery.model.Checksum} of the last body parsed
 * @param errorCount consecutive failed refreshes
 * @param gone whether the server said 410 Gone
 */
public record FeedState(
        Validators validators, Optional<String> contentHash, int errorCount, boolean gone, Schedule schedule) {
    /** A subscription never refreshed. */
    public static final FeedState NEW = new FeedState(Validators.NONE, Optional.empty(), 0, false, Schedule.NONE);

    public FeedState {
        Objects.requireNonNull(validators, "validators");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(schedule, "schedule");
    }
}
