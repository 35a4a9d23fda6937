package org.orrery.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One filter a planet asks for: its Venus name and its parameters, from the section named like
 * the filter ({@code [excerpt.py]}) and from a query string ({@code excerpt.py?width=300}), the
 * query winning.
 *
 * @param name the Venus name without the query, e.g. {@code stripAd/yahoo.sed}
 * @param params parameter names without Venus's leading {@code --}, lower-case
 */
public record FilterSpec(String name, Map<String, String> params) {
    /** Venus's shipped filters Orrery provides, by the names configs use. */
    public static final Set<String> SUPPORTED = Set.of(
            "excerpt.py",
            "regexp_sifter.py",
            "xpath_sifter.py",
            "minhead.py",
            "stripAd/feedburner.sed",
            "stripAd/google_ad_map.sed",
            "stripAd/yahoo.sed",
            "notweets.py",
            "h1title.xslt",
            "detitle.xslt");

    /** Venus's output filters (run on a template's output file) Orrery provides. */
    public static final Set<String> OUTPUT_SUPPORTED =
            Set.of("addsearch.xslt", "xhtml2html.plugin", "html2xhtml.plugin", "mememe.plugin");

    public FilterSpec {
        Objects.requireNonNull(name, "name");
        params = Map.copyOf(params);
    }

    /**
     * A filter as written in {@code filters}, with the options of its section (keys as the
     * config reader gives them) beneath the query's.
     */
    public static FilterSpec parse(String written, Map<String, String> section) {
        int query = written.indexOf('?');
        String name = query < 0 ? written : written.substring(0, query);
        Map<String, String> params = new LinkedHashMap<>();
        section.forEach((key, value) -> params.put(bare(key), value));
        if (query >= 0) {
            for (String pair : written.substring(query + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(bare(decode(key)), decode(value));
            }
        }
        return new FilterSpec(name.startsWith("./") ? name.substring(2) : name, params);
    }

    /**
     * A whole-number parameter as {@code orrery check} read it: {@code fallback} when absent or
     * blank. Checked when the config was loaded; for a filter built otherwise, a value that is not
     * a whole number throws {@link IllegalArgumentException} naming the parameter.
     */
    public static int wholeNumber(Map<String, String> params, String key, int fallback) {
        return OptionValues.wholeNumber(k -> Optional.ofNullable(params.get(k)), key, fallback);
    }

    public boolean supported() {
        return SUPPORTED.contains(name);
    }

    private static String bare(String key) {
        String stripped = key.startsWith("--") ? key.substring(2) : key;
        return stripped.toLowerCase(java.util.Locale.ROOT);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
