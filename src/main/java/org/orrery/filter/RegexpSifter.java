package org.orrery.filter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.orrery.config.PythonRegex;
import org.orrery.model.Entry;

/**
 * Venus's {@code regexp_sifter.py}, which the {@code filter} and {@code exclude} options also
 * use: every newline-separated {@code require} pattern must occur in the entry's {@link
 * EntryText human text}, no {@code exclude} pattern may. Case-sensitive, as Venus searches.
 */
final class RegexpSifter implements EntryFilter {
    private final List<Pattern> require;
    private final List<Pattern> exclude;

    RegexpSifter(Map<String, String> params) {
        this.require = patterns(params.get("require"));
        this.exclude = patterns(params.get("exclude"));
    }

    private static List<Pattern> patterns(String value) {
        List<Pattern> patterns = new ArrayList<>();
        if (value != null) {
            for (String line : value.split("\n")) {
                if (!line.isEmpty()) {
                    patterns.add(PythonRegex.compile(line));
                }
            }
        }
        return List.copyOf(patterns);
    }

    @Override
    public Verdict apply(Entry entry, Instant now, Instant firstSeen) {
        String text = EntryText.of(entry);
        for (Pattern p : require) {
            if (!p.matcher(text).find()) {
                return new Verdict.Dropped(entry.key(), "does not match filter " + p.pattern());
            }
        }
        for (Pattern p : exclude) {
            if (p.matcher(text).find()) {
                return new Verdict.Dropped(entry.key(), "matches exclude " + p.pattern());
            }
        }
        return new Verdict.Kept(entry);
    }
}
