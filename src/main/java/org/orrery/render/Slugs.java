package org.orrery.render;

import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.orrery.model.Sha256;

/**
 * The directory names of the pages made per feed ({@code feeds/SLUG/}) and per category ({@code
 * tags/SLUG/}). Slugs are ASCII letters, digits and hyphens only, so that they make a valid
 * file name on any file system and under any locale a cron job runs in, and need no escaping in
 * a link. Each depends on its own input only, never on the other feeds or categories, so that
 * a slug stays the same from run to run and as subscriptions come and go.
 *
 * <p>A feed's slug is its URL (the config's section name, which names a subscription) made
 * readable, its host and path, then 8 hex digits of the URL's SHA-256, which tells apart two
 * URLs that read alike ({@code http:} and {@code https:}, {@code a/b} and {@code a-b}):
 * {@code https://blog.example.org/feed.xml} is {@code blog-example-org-feed-xml-1b2c3d4e}. A local
 * file's slug reads its file name only.
 *
 * <p>A category's slug is the category in lower case, accents removed, each run of other
 * characters one hyphen, with {@code +} written {@code plus} and {@code #} {@code sharp} (so
 * that {@code C++}, {@code C#} and {@code C} differ): {@code Web Development}, {@code
 * web-development} and {@code web_development} are one category. A category holding characters
 * that have no ASCII form (Japanese, Arabic, ...) gets 8 hex digits of the SHA-256 of its lower-case form after what
 * remains ({@code 日本語} is {@code tag-} and the digits), so that it is not merged with another.
 */
public final class Slugs {
    /** The longest readable part of a slug, before its digits. */
    private static final int READABLE = 48;

    /** How many categories' (and, apart, feeds') slugs are remembered before the memory starts over. */
    private static final int REMEMBERED = 250_000;

    private static final Memo<String, String> TAGS = new Memo<>(REMEMBERED, Slugs::tagOf);
    private static final Memo<URI, String> FEEDS = new Memo<>(REMEMBERED, Slugs::feedOf);
    private static final Pattern WWW = Pattern.compile("^www\\.");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Slugs() {}

    /** The slug of the feed at {@code feedUri} (remembered, as categories' are: every page names feeds' pages). */
    public static String feed(URI feedUri) {
        return FEEDS.get(feedUri);
    }

    private static String feedOf(URI feedUri) {
        String url = feedUri.toString();
        // A local file (a section naming a path) by its file name alone: where it lies is no reader's business.
        String readable = feedUri.getHost() == null
                ? ascii(fold(url.substring(url.lastIndexOf('/') + 1)))
                : ascii(fold(
                        WWW.matcher(feedUri.getHost()).replaceFirst("") + " " + nullToEmpty(feedUri.getRawPath())));
        return join(readable.isEmpty() ? "feed" : readable, Sha256.hex(url).substring(0, 8));
    }

    /**
     * The slug of the category {@code name}; the same for names that differ in case, accents or
     * punctuation only. Slugs are remembered (a planet's categories repeat on every page), up to
     * {@link #REMEMBERED} names.
     */
    public static String tag(String name) {
        return TAGS.get(name);
    }

    private static String tagOf(String name) {
        String key = key(name);
        String spelled = key.replace("+", " plus ").replace("#", " sharp ");
        String folded = fold(spelled);
        String readable = ascii(folded);
        boolean lost = folded.codePoints().anyMatch(c -> c > 127 && Character.isLetterOrDigit(c));
        if (!lost && !readable.isEmpty() && readable.length() <= READABLE) {
            return readable;
        }
        return join(readable.isEmpty() ? "tag" : readable, Sha256.hex(key).substring(0, 8));
    }

    /** A category as compared: lower case, compatible characters folded, spaces collapsed. */
    static String key(String name) {
        String lower = Normalizer.normalize(name, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .strip();
        return SPACES.matcher(lower).replaceAll(" ");
    }

    private static String join(String readable, String digits) {
        String cut = readable.length() > READABLE ? readable.substring(0, READABLE) : readable;
        while (cut.endsWith("-")) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.isEmpty() ? digits : cut + "-" + digits;
    }

    /** The ASCII letters and digits of {@code folded} ({@link #fold}), every other run of characters one hyphen, none at the ends. */
    private static String ascii(String folded) {
        var out = new StringBuilder(folded.length());
        boolean hyphen = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (hyphen && !out.isEmpty()) {
                    out.append('-');
                }
                out.append(c);
                hyphen = false;
            } else {
                hyphen = true;
            }
        }
        return out.toString();
    }

    /** Lower case, accents dropped, and the Latin letters that have no decomposition spelled in ASCII. */
    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD)
                .transform(t -> MARKS.matcher(t).replaceAll(""))
                .toLowerCase(Locale.ROOT)
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("œ", "oe")
                .replace("ø", "o")
                .replace("ł", "l")
                .replace("đ", "d")
                .replace("þ", "th");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
