package org.orrery.migrate;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The names Planet Venus gives files in its cache ({@code spider.filename}): an entry's file is
 * named after the entry's id, a feed's {@code sources/} copy after the feed's URL.
 */
final class VenusNames {
    // Python 2's \w on bytes is ASCII only, as Java's is without UNICODE_CHARACTER_CLASS.
    private static final Pattern SCHEME = Pattern.compile("^\\w+:/*(\\w+:|www\\.)?");
    private static final Pattern SLASHES = Pattern.compile("[?/:|]+");
    private static final Pattern INITIAL_CRUFT = Pattern.compile("^[,.]*");
    private static final Pattern FINAL_CRUFT = Pattern.compile("[,.]*$");
    // The label separators of Python's idna codec.
    private static final Pattern DOTS = Pattern.compile("[.\u3002\uff0e\uff61]");
    private static final int MAX_BYTES = 250;
    private static final int KEPT_BYTES = 220;

    private VenusNames() {}

    /** The cache file name Venus gives {@code name} (an entry id or a feed URL). */
    static String of(String name) {
        String file = name;
        if (SCHEME.matcher(file).find()) {
            file = idna(file);
        }
        file = SCHEME.matcher(file).replaceFirst("");
        file = SLASHES.matcher(file).replaceAll(",");
        file = INITIAL_CRUFT.matcher(file).replaceFirst("");
        file = FINAL_CRUFT.matcher(file).replaceFirst("");
        if (bytes(file) > MAX_BYTES) {
            String[] parts = file.split(",", -1);
            for (int i = parts.length; i > 0; i--) {
                String kept = String.join(",", Arrays.asList(parts).subList(0, i));
                if (bytes(kept) < KEPT_BYTES) {
                    String rest = String.join(",", Arrays.asList(parts).subList(i, parts.length));
                    return kept + "," + md5(rest);
                }
            }
        }
        return file;
    }

    /**
     * Python's {@code idna} codec over the whole name, label by label; Venus keeps the name as it
     * was when the codec refuses it (an empty or over-long label), as it does here.
     */
    private static String idna(String name) {
        String[] labels = DOTS.split(name, -1);
        int count = labels.length;
        boolean trailingDot = count > 1 && labels[count - 1].isEmpty();
        if (trailingDot) {
            count--;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String label = labels[i];
            String ascii;
            if (label.chars().allMatch(c -> c < 0x80)) {
                ascii = label;
            } else {
                try {
                    ascii = IDN.toASCII(label, IDN.ALLOW_UNASSIGNED);
                } catch (IllegalArgumentException e) {
                    return name;
                }
            }
            if (ascii.isEmpty() || ascii.length() > 63) {
                return name;
            }
            out.append(i == 0 ? "" : ".").append(ascii);
        }
        return out + (trailingDot ? "." : "");
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String md5(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has MD5", e);
        }
    }
}
