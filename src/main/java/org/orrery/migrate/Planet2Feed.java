package org.orrery.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One feed of a Planet 2.0 cache: a Berkeley DB hash file named after the feed's URL holding the
 * channel's fields (listed under the key {@code " keys"}) and each item's, under keys {@code
 * "ID FIELD"}, each with its type under {@code "ID FIELD type"} ({@code string}, {@code date}: a
 * UTC time tuple, or {@code null}). An item's fields are listed under its id.
 */
record Planet2Feed(Map<String, String> channel, List<Item> items) {
    private static final Pattern SCHEME = Pattern.compile("^[^:]*://");
    private static final Pattern SLASHES = Pattern.compile("[?/]+");
    // RFC 9110 §5.6.7 (IMF-fixdate): a two-digit day, in English.
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);
    private static final Pattern CRUFT = Pattern.compile("^[,.]*|[,.]*$");

    /** An item: its id as the cache keys it, and its fields. */
    record Item(String id, Map<String, String> fields) {
        Optional<String> get(String field) {
            return Optional.ofNullable(fields.get(field)).filter(s -> !s.isBlank());
        }

        /** The first of {@code names} that holds a date. */
        Optional<Instant> date(String... names) {
            return Arrays.stream(names)
                    .map(fields::get)
                    .flatMap(v -> Planet2Feed.date(v).stream())
                    .findFirst();
        }
    }

    /** The name Planet 2.0 gives the cache file of the feed at {@code url} ({@code cache.filename}). */
    static String fileName(String url) {
        String name = SCHEME.matcher(url).replaceFirst("");
        name = SLASHES.matcher(name).replaceAll(",");
        return CRUFT.matcher(name).replaceAll("");
    }

    /** The feed in {@code file}; an {@link IOException} when it is not a readable Berkeley DB hash file. */
    static Planet2Feed read(Path file) throws IOException {
        Map<String, String> pairs = new HashMap<>();
        BerkeleyHash.read(file)
                .forEach((k, v) ->
                        pairs.put(new String(k, StandardCharsets.UTF_8), new String(v, StandardCharsets.UTF_8)));
        Set<String> channelKeys = new HashSet<>(words(pairs.get(" keys")));
        Map<String, String> channel = new HashMap<>();
        for (String key : channelKeys) {
            if (pairs.containsKey(key) && !"null".equals(pairs.get(key + " type"))) {
                channel.put(key, pairs.get(key));
            }
        }
        List<Item> items = new ArrayList<>();
        for (Map.Entry<String, String> pair : pairs.entrySet()) {
            String id = pair.getKey();
            // As Planet 2.0 found its items: every key without a space that is not the channel's.
            if (id.indexOf(' ') >= 0 || channelKeys.contains(id)) {
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (String field : words(pair.getValue())) {
                String value = pairs.get(id + " " + field);
                if (value != null && !"null".equals(pairs.get(id + " " + field + " type"))) {
                    fields.put(field, value);
                }
            }
            items.add(new Item(id, fields));
        }
        return new Planet2Feed(channel, items);
    }

    Optional<String> get(String field) {
        return Optional.ofNullable(channel.get(field)).filter(s -> !s.isBlank());
    }

    /** A time tuple as Planet 2.0 wrote it ({@code "2008 5 8 21 22 24 3 129 0"}, UTC), as an instant. */
    static Optional<Instant> date(String tuple) {
        if (tuple == null) {
            return Optional.empty();
        }
        String[] parts = tuple.strip().split(" ");
        if (parts.length < 6) {
            return Optional.empty();
        }
        try {
            int[] n = new int[6];
            for (int i = 0; i < 6; i++) {
                n[i] = Integer.parseInt(parts[i]);
            }
            // Python's time tuples allow a leap second (60); Java's times do not.
            return Optional.of(LocalDateTime.of(n[0], n[1], n[2], n[3], n[4], Math.min(n[5], 59))
                    .toInstant(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A time tuple as the HTTP date it was parsed from ({@code Last-Modified}). */
    static Optional<String> httpDate(String tuple) {
        return date(tuple).map(at -> HTTP_DATE.format(at.atOffset(ZoneOffset.UTC)));
    }

    private static List<String> words(String value) {
        return value == null || value.isBlank()
                ? List.of()
                : List.of(value.strip().split(" +"));
    }
}
