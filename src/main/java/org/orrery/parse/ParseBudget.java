package org.orrery.parse;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One parse's share of its {@link ParseLimits}: the entries kept so far and the time left,
 * checked as text is read and as each entry is.
 */
final class ParseBudget {
    private final ParseLimits limits;
    private final Instant start;
    private final List<ParsedEntry> kept = new ArrayList<>();
    private long skipped;

    ParseBudget(ParseLimits limits) {
        this.limits = limits;
        this.start = limits.clock().instant();
    }

    /** Thrown through the XML and JSON readers when the time is up; {@link FeedParser} reports it. */
    static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super(null, null, false, false);
        }
    }

    void check() {
        if (Duration.between(start, limits.clock().instant()).compareTo(limits.maxTime()) > 0) {
            throw new OutOfTime();
        }
    }

    /** "parse took longer than 20 s". */
    String outOfTimeReason() {
        Duration d = limits.maxTime();
        return "parse took longer than " + (d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms");
    }

    /** {@code text}, checking the time before each read. */
    Reader watch(Reader text) {
        return new FilterReader(text) {
            private int reads;

            @Override
            public int read() throws IOException {
                if ((++reads & 0xFFF) == 0) {
                    check();
                }
                return super.read();
            }

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                check();
                return super.read(buffer, offset, length);
            }
        };
    }

    /** Keeps entries up to the limit and counts the rest. */
    Consumer<ParsedEntry> sink() {
        return entry -> {
            check();
            if (kept.size() < limits.maxEntries()) {
                kept.add(entry);
            } else {
                skipped++;
            }
        };
    }

    List<ParsedEntry> kept() {
        return kept;
    }

    /** Forgets the entries, before the document is read again. */
    void clear() {
        kept.clear();
        skipped = 0;
    }

    /** The warning for entries past the limit, if there were any. */
    List<String> warnings() {
        if (skipped == 0) {
            return List.of();
        }
        return List.of(ParseLimits.TOO_MANY_ENTRIES + (kept.size() + skipped) + " entries; only the first "
                + kept.size() + " are read");
    }
}
