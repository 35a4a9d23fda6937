package org.orrery.render;

import java.util.Locale;
import java.util.Map;
import org.orrery.model.Channel;
import org.orrery.model.Sha256;

/**
 * A subscription's face on the reader pages: the config's {@code face} option (the maintainer's
 * choice), else the feed's own icon, else its logo; and for a subscription with none, its initials and a hue, which
 * the theme draws as a coloured circle (no image, no request).
 */
final class Faces {
    private Faces() {}

    /**
     * Puts {@code face_url} (when the subscription has a face; a relative {@code face} is a file of
     * the site, reached through {@code root}), {@code initials} and {@code hue} (0 to 359) into a
     * channel's variables.
     */
    static void put(Map<String, Object> variables, Channel channel, String root) {
        String face = first(variables.get("face"), variables.get("icon"), variables.get("logo"));
        if (!face.isEmpty()) {
            boolean relative = !face.contains(":") && !face.startsWith("/");
            variables.put("face_url", relative ? root + face : face);
        }
        variables.put("initials", initials(channel.name()));
        variables.put("hue", hue(channel.feedUri().toString()));
    }

    /** The first letters (or digits) of the first two words of {@code name}, in upper case; else its first character. */
    static String initials(String name) {
        var initials = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < name.length() && initials.codePointCount(0, initials.length()) < 2; ) {
            int c = name.codePointAt(i);
            boolean letter = Character.isLetterOrDigit(c);
            if (letter && !inWord) {
                initials.appendCodePoint(c);
            }
            inWord = letter;
            i += Character.charCount(c);
        }
        if (initials.isEmpty() && !name.isBlank()) {
            initials.appendCodePoint(name.strip().codePointAt(0));
        }
        return initials.toString().toUpperCase(Locale.ROOT);
    }

    /** A hue that stays with the feed: its URL's digest, over the colour wheel. */
    static int hue(String feedUrl) {
        return Integer.parseInt(Sha256.hex(feedUrl).substring(0, 4), 16) % 360;
    }

    private static String first(Object... candidates) {
        for (Object candidate : candidates) {
            if (candidate instanceof String text && !text.isBlank()) {
                return text.strip();
            }
        }
        return "";
    }
}
