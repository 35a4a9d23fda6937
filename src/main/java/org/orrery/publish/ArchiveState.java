package org.orrery.publish;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.orrery.model.Channel;
import org.orrery.model.Sha256;
import org.orrery.render.Navigation;
import org.orrery.render.SitePages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the monthly archive pages were last published from, kept beside the database ({@code
 * published-archives.txt}), so that publishing renders only the pages that can have changed,
 * without reading the others' headlines. On a planet of 10,000 feeds the archives are some 300
 * pages of 1,000 headlines, and reading, comparing and rendering them all was most of a run
 * that found a few new entries.
 *
 * <p>A page is rendered again when: the look changed (Orrery's version, the config or theme
 * files: {@link SiteFingerprint#looks}); its frame changed (its address, its neighbours, the
 * months it links to); its file is missing; or an entry changed on a day the page covers. The
 * store marks the days entries were added, changed or removed on ({@code Store.changedDays}),
 * and a feed whose name, site, message or options changed marks the days of all its entries.
 * A month's parts are counted from its oldest headline ({@link SitePages.ArchivePage}), so a
 * part holds the same headlines until an entry of its own days or older ones changes: it covers
 * the days from the month's first to that of its newest headline (the month's newest part, to
 * the month's last day). An archive page not rendered keeps the time it was last published,
 * which is when its content last changed.
 */
final class ArchiveState {
    private static final Logger log = LoggerFactory.getLogger(ArchiveState.class);
    private static final String HEADER = "orrery-archives 2";

    /** What the archives were published from: the look, each feed's digest by URL, each page's frame by path. */
    record Published(String looks, Map<URI, String> channels, Map<String, String> frames) {
        static final Published NONE = new Published("", Map.of(), Map.of());
    }

    private final Path file;

    ArchiveState(Path file) {
        this.file = file;
    }

    /** What the last publishing recorded; {@link Published#NONE} when nothing was, or it cannot be read. */
    Published read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return Published.NONE; // never recorded, or unreadable: every page is rendered
        }
        if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
            return Published.NONE; // an earlier Orrery's record
        }
        String looks = "";
        Map<URI, String> channels = new HashMap<>();
        Map<String, String> frames = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.split(" ", 3);
            switch (parts.length == 3 ? parts[0] : "") {
                case "looks" -> looks = parts[1];
                case "channel" -> channels.put(URI.create(parts[2]), parts[1]);
                case "page" -> frames.put(parts[2], parts[1]);
                default -> {
                    return Published.NONE;
                }
            }
        }
        return new Published(looks, channels, frames);
    }

    void write(Published published) {
        var text = new StringBuilder(HEADER).append('\n');
        text.append("looks ").append(published.looks()).append(" -\n");
        new TreeMap<>(published.channels()).forEach((uri, digest) -> text.append("channel ")
                .append(digest)
                .append(' ')
                .append(uri)
                .append('\n'));
        new TreeMap<>(published.frames()).forEach((path, digest) -> text.append("page ")
                .append(digest)
                .append(' ')
                .append(path)
                .append('\n'));
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            // Only costs rendering every archive page next time.
            log.warn("cannot write {}: {}", file, e.getMessage());
        }
    }

    /** A feed as its entries' headlines show it: name, site, message and options, not its fetch times. */
    static Map<URI, String> channels(Collection<Channel> channels) {
        Map<URI, String> digests = new HashMap<>();
        for (Channel channel : channels) {
            digests.put(
                    channel.feedUri(),
                    Sha256.hex(channel.name()
                            + '\t'
                            + channel.siteLink()
                            + '\t'
                            + channel.message()
                            + '\t'
                            + new TreeMap<>(channel.options())));
        }
        return digests;
    }

    /** The feeds whose digest differs between two records, or that only one has. */
    static Set<URI> changedChannels(Map<URI, String> before, Map<URI, String> after) {
        var changed = new java.util.HashSet<URI>();
        after.forEach((uri, digest) -> {
            if (!digest.equals(before.get(uri))) {
                changed.add(uri);
            }
        });
        before.keySet().stream().filter(uri -> !after.containsKey(uri)).forEach(changed::add);
        return changed;
    }

    /**
     * A page's frame: where it sits and which months it links to; not their counts nor where
     * they start in the river, which every new entry changes (a month's page shows its own
     * headlines: see docs/themes.md).
     */
    static String frame(Navigation nav) {
        var text = new StringBuilder();
        text.append(nav.path()).append(' ').append(nav.page()).append('/').append(nav.pages());
        text.append(' ')
                .append(nav.previous())
                .append(' ')
                .append(nav.next())
                .append(' ')
                .append(nav.month());
        nav.months().forEach(m -> text.append(' ').append(m.month()).append('=').append(m.path()));
        return Sha256.hex(text.toString());
    }

    /**
     * Whether an entry changed on a day of {@code days} can change the archive page {@code page}
     * of a river dated {@code dates}: a day from the month's first (in {@code zone}) to that of the
     * page's newest headline, or to the month's last for the month's newest part.
     */
    static boolean touched(SitePages.ArchivePage page, List<Instant> dates, ZoneId zone, Set<Long> days) {
        if (days.isEmpty()) {
            return false;
        }
        var month = page.month().month();
        long first = day(month.atDay(1).atStartOfDay(zone).toInstant());
        long last = page.part() == page.parts()
                ? day(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant())
                : day(dates.get(page.from()));
        for (long d = first; d <= last; d++) {
            if (days.contains(d)) {
                return true;
            }
        }
        return false;
    }

    /** The store's day of an instant: epoch milliseconds over a day's, rounded towards zero. */
    static long day(Instant instant) {
        return instant.toEpochMilli() / 86_400_000L;
    }
}
