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
 * The ids the old planets wrote into their caches, as Orrery's own refresh keys the same items.
 *
 * <p>Venus ({@code reconstitute.id}) and Planet 2.0 ({@code Channel.update_entries}) give every
 * entry an id: the feed's, else the entry's link, else the feed's URL, a slash and the MD5 of its
 * title (else of a body). Orrery keys an item without an id by its link too, but one without a
 * link by a hash of its title and date: an imported entry whose id was made up that way is given
 * that key instead, so that the next fetch of the feed finds it stored. (A relative id, which both
 * planets' parser resolved against the feed's URL, is matched when the feed is next fetched: see
 * the store's refresh.)
 */
final class MadeUpIds {
    private static final Pattern HASHED = Pattern.compile("/([0-9a-f]{32})$");

    private MadeUpIds() {}

    /**
     * {@code parsed} (an entry of the old planet's cache) as Orrery's parser would have read the
     * feed's item: without the id the planet made up for it, and without the date Venus made up
     * when the item had none ({@code sourceUpdated}, the feed's date, which Venus gave undated
     * entries; empty for Planet 2.0, which kept no such date as the item's).
     *
     * @param linked whether the cache has a link for the entry (Orrery's parser takes an http id
     *     for the link of an Atom entry that has none)
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
     * Whether the planet made the id of an entry without a link up from its title or a body: the
     * id ends with a slash and an MD5 that is the title's (the title's UTF-8, or ASCII as Python 2
     * encoded it) or, without a title, any.
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
