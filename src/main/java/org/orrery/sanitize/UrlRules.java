package org.orrery.sanitize;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.internal.StringUtil;

/**
 * Which URLs may appear in published HTML, made absolute: http, https and mailto; for an
 * image's {@code src} also an inline raster image ({@code data:image/png;base64,...}).
 */
final class UrlRules {
    private UrlRules() {}

    private static final Pattern WHITESPACE = Pattern.compile("\\s");
    private static final Pattern TRAILING_COMMAS = Pattern.compile(",+$");
    private static final Pattern SRCSET_DESCRIPTOR = Pattern.compile("(?:\\d*\\.?\\d+[wxh](?:\\s+|$))*");

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Pattern WEB = Pattern.compile("^(?:https?://|mailto:)", Pattern.CASE_INSENSITIVE);
    /**
     * Raster images only: an {@code img} never runs script, and browsers refuse to open {@code
     * data:} URLs as top-level pages; SVG is left out because a vector image is a document.
     */
    private static final Pattern DATA_IMAGE =
            Pattern.compile("^data:image/(?:png|gif|jpeg|jpg|webp|avif|bmp);base64,[A-Za-z0-9+/=]+$");
    /** What a browser strips before parsing a URL: C0 controls and spaces at the ends, tab and newlines within. */
    private static final Pattern BROWSER_IGNORED_EDGES = Pattern.compile("^[\\x00-\\x20]+|[\\x00-\\x20]+$");

    private static final Pattern BROWSER_IGNORED_INSIDE = Pattern.compile("[\\t\\n\\r]");

    /**
     * {@code base} as the URL relative references resolve against; null when it is not an http(s)
     * URL (a local file, say): relative references then stay as the author wrote them.
     */
    static URL baseUrl(URI base) {
        if (base.getScheme() == null || !WEB.matcher(base.toString()).find()) {
            return null;
        }
        try {
            return base.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The absolute form of {@code raw} resolved against {@code base}, or empty when it is not a
     * web or mailto URL. An empty value stays empty (it names the page itself and loads nothing).
     * Without a base ({@code null}) a relative reference is kept as written, without the
     * characters browsers ignore: having no scheme, it can only resolve against the page showing
     * it, an http(s) page.
     */
    static Optional<String> resolve(URL base, String raw) {
        if (isPlainWebUrl(raw)) {
            return Optional.of(raw); // what resolving would give back, without the cost
        }
        String value = hasControlsOrSpaces(raw)
                ? BROWSER_IGNORED_INSIDE
                        .matcher(BROWSER_IGNORED_EDGES.matcher(raw).replaceAll(""))
                        .replaceAll("")
                : raw;
        if (value.isEmpty()) {
            return Optional.of("");
        }
        var scheme = SCHEME.matcher(value);
        boolean relative = !scheme.find();
        if (!relative) {
            String name = scheme.group(1).toLowerCase(Locale.ROOT);
            if (!name.equals("http") && !name.equals("https") && !name.equals("mailto")) {
                return Optional.empty();
            }
        } else if (base == null) {
            return hasControls(value) ? Optional.empty() : Optional.of(value);
        }
        String absolute;
        try {
            absolute = base == null ? value : StringUtil.resolve(base, value).toExternalForm();
        } catch (MalformedURLException e) {
            return Optional.empty(); // not a URL a browser could load either
        }
        return WEB.matcher(absolute).find() && !hasControls(absolute) ? Optional.of(absolute) : Optional.empty();
    }

    /** Like {@link #resolve} for an image's {@code src}, which may also be an inline raster image. */
    static Optional<String> resolveImage(URL base, String raw) {
        String value = raw.strip();
        if (value.regionMatches(true, 0, "data:", 0, 5)) {
            String compact = WHITESPACE.matcher(value).replaceAll("");
            return DATA_IMAGE.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
        }
        return resolve(base, raw);
    }

    /**
     * An absolute {@code http(s)://} URL that resolving leaves as it is: a lower-case host name
     * (with a port of up to four digits, perhaps) and a path, query and fragment of printable ASCII without dot
     * segments, backslashes or a second {@code #}.
     */
    static boolean isPlainWebUrl(String url) {
        int i = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
        if (i < 0) {
            return false;
        }
        int n = url.length();
        int hostStart = i;
        while (i < n) {
            char c = url.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-')) {
                break;
            }
            i++;
        }
        if (i == hostStart) {
            return false;
        }
        if (i < n && url.charAt(i) == ':') {
            int portStart = ++i;
            while (i < n && url.charAt(i) >= '0' && url.charAt(i) <= '9') {
                i++;
            }
            if (i == portStart || i - portStart > 4 || url.charAt(portStart) == '0') {
                return false;
            }
        }
        if (i < n && url.charAt(i) != '/' && url.charAt(i) != '?' && url.charAt(i) != '#') {
            return false;
        }
        boolean fragment = false;
        for (; i < n; i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\' || c == '.' && url.charAt(i - 1) == '/') {
                return false;
            }
            if (c == '#') {
                if (fragment) {
                    return false;
                }
                fragment = true;
            }
        }
        return true;
    }

    private static boolean hasControlsOrSpaces(String url) {
        for (int i = 0; i < url.length(); i++) {
            if (url.charAt(i) <= 0x20) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasControls(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /**
     * The {@code srcset} value with each candidate's URL resolved (WHATWG "parse a srcset
     * attribute": a URL, then descriptors up to a comma outside parentheses); candidates with a
     * disallowed URL or a malformed descriptor are left out. Empty when none is left.
     */
    static Optional<String> srcset(URL base, String raw) {
        var out = new StringBuilder();
        int i = 0;
        int n = raw.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(raw.charAt(i)) || raw.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(raw.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            String url = raw.substring(start, i);
            String descriptor = "";
            if (url.endsWith(",")) {
                url = TRAILING_COMMAS.matcher(url).replaceAll("");
            } else {
                int depth = 0;
                int from = i;
                while (i < n && (raw.charAt(i) != ',' || depth > 0)) {
                    char c = raw.charAt(i);
                    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                    i++;
                }
                descriptor = raw.substring(from, i).strip();
            }
            Optional<String> resolved = resolve(base, url).filter(u -> !u.isEmpty());
            if (resolved.isPresent() && SRCSET_DESCRIPTOR.matcher(descriptor).matches()) {
                if (!out.isEmpty()) {
                    out.append(", ");
                }
                out.append(resolved.get().replace(" ", "%20"));
                if (!descriptor.isEmpty()) {
                    out.append(' ').append(descriptor);
                }
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out.toString());
    }
}
