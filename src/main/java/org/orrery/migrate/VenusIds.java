package org.orrery.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orrery.parse.ParsedEntry;

/**
 * The ids Venus wrote into its cache, as Orrery's own refresh keys the same items.
 *
 * <p>Venus gives every entry an id ({@code reconstitute.id}): the feed's, else the entry's link,
 * else its feed's URL, a slash and the MD5 of its title (else of its summary, else of its content).
 * Orrery keys an item without an id by its link too, but one without a link by a hash of its
 * title and date: an imported entry whose id Venus made that way is given that key instead, so
 * that the next fetch of the feed finds it stored. (A relative id, which Venus's parser resolved
 * against the feed's URL, is matched when the feed is next fetched: see the store's refresh.)
 */
final class VenusIds {
    private static final Pattern HASHED = Pattern.compile("/([0-9a-f]{32})$");

    private VenusIds() {}

    /**
     * {@code parsed} (an entry of Venus's cache) as Orrery's parser would have read the feed's item:
     * without the id Venus made up for it, and without the date Venus made up when the item had
     * none ({@code sourceUpdated}, the feed's date, which Venus gave undated entries).
     *
     * @param linked whether Venus wrote a link for the entry (Orrery's parser takes an http id for
     *     the link of an Atom entry that has none)
     */
    static ParsedEntry asFetched(ParsedEntry parsed, boolean linked, Optional<Instant> sourceUpdated) {
        if (linked || !madeUp(parsed)) {
            return parsed;
        }
        Optional<Instant> updated = parsed.published().isEmpty()
                        && parsed.updated().isPresent()
                        && parsed.updated().equals(sourceUpdated)
                ? Optional.empty()
                : parsed.updated();
        return new ParsedEntry(
                Optional.empty(),
                parsed.title(),
                Optional.empty(),
                parsed.author(),
                parsed.published(),
                updated,
                parsed.content(),
                parsed.summary(),
                parsed.categories(),
                parsed.enclosures(),
                parsed.details());
    }

    /**
     * Whether Venus made the id of an entry without a link up from its title or a body: the id
     * ends with a slash and an MD5 that is the title's (Venus hashed the title's UTF-8, or ASCII as
     * Python 2 encoded it) or, without a title, any.
     */
    private static boolean madeUp(ParsedEntry parsed) {
        if (parsed.id().isEmpty()) {
            return false;
        }
        Matcher hash = HASHED.matcher(parsed.id().get().strip());
        if (!hash.find()) {
            return false;
        }
        String title = parsed.title().orElse("");
        return title.isEmpty() || md5(title).equals(hash.group(1));
    }

    private static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has MD5", e);
        }
    }
}
