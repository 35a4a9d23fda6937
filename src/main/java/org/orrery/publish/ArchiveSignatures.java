package org.orrery.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.orrery.model.Channel;
import org.orrery.model.Post;
import org.orrery.model.Sha256;
import org.orrery.publish.RiverSlicer.Slice;
import org.orrery.render.Navigation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each monthly archive page showed when it was last published, as a digest, kept beside
 * the database ({@code published-archives.txt}), so that a page whose headlines, navigation and
 * look are the same is not rendered again. On a planet of 10,000 feeds the archives are some
 * 300 pages of 1,000 headlines, nearly all of past months, and rendering them was most of a
 * run that found a few new entries. An archive page not rendered keeps the time it was last
 * published, which is when its content last changed.
 */
final class ArchiveSignatures {
    private static final Logger log = LoggerFactory.getLogger(ArchiveSignatures.class);

    private final Path file;

    ArchiveSignatures(Path file) {
        this.file = file;
    }

    /** The digests of the last publishing, by page path; empty when none was recorded or it cannot be read. */
    Map<String, String> read() {
        Map<String, String> signatures = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    signatures.put(line.substring(space + 1), line.substring(0, space));
                }
            }
        } catch (IOException e) {
            return Map.of(); // never recorded, or unreadable: every page is rendered
        }
        return signatures;
    }

    void write(Map<String, String> signatures) {
        var text = new StringBuilder();
        new TreeMap<>(signatures)
                .forEach((path, digest) ->
                        text.append(digest).append(' ').append(path).append('\n'));
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            // Only costs rendering every archive page next time.
            log.warn("cannot write {}: {}", file, e.getMessage());
        }
    }

    /**
     * The digest of an archive page: {@code looks} (version, config and theme files), where
     * it sits and which months it links to ({@link Slice#navigation()}), and each headline as
     * shown, with its feed's name, site and message, but not the feed's fetch times, which no
     * archive shows.
     */
    static String of(String looks, Slice slice, List<Post> posts) {
        Navigation nav = slice.navigation();
        var text = new StringBuilder(looks).append('\n');
        text.append(nav.path()).append(' ').append(nav.page()).append('/').append(nav.pages());
        text.append(' ')
                .append(nav.previous())
                .append(' ')
                .append(nav.next())
                .append(' ')
                .append(nav.month());
        // The months linked, not their counts nor where they start in the river, which every new
        // entry changes: a month's page shows its own headlines (see docs/themes.md).
        nav.months().forEach(m -> text.append(' ').append(m.month()).append('=').append(m.path()));
        text.append('\n');
        for (Post post : posts) {
            Channel channel = post.channel();
            text.append(channel.feedUri())
                    .append('\t')
                    .append(channel.name())
                    .append('\t')
                    .append(channel.siteLink())
                    .append('\t')
                    .append(channel.message())
                    .append('\t')
                    .append(new TreeMap<>(channel.options()))
                    .append('\t')
                    .append(post.date())
                    .append('\t')
                    .append(post.entry())
                    .append('\n');
        }
        return Sha256.hex(text.toString());
    }
}
