package org.orrery.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The default theme's interface words ("Subscriptions", "Older entries", ...) in the planet's
 * language: {@code theme/messages/LANGUAGE.properties} (UTF-8), each word missing there in
 * English. Templates see them as {@code messages}; {@code {page}} and the like are filled in by
 * the template.
 */
final class Messages {
    private static final String DIRECTORY = "org/orrery/render/theme/messages/";
    private static final Map<String, Map<String, String>> BY_LANGUAGE = new ConcurrentHashMap<>();
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*");

    private Messages() {}

    /** The words for {@code locale}'s language, English where it has none. */
    static Map<String, String> of(Locale locale) {
        return BY_LANGUAGE.computeIfAbsent(language(locale), language -> {
            Map<String, String> words = new HashMap<>(read("en"));
            if (!language.equals("en")) {
                words.putAll(read(language));
            }
            return Map.copyOf(words);
        });
    }

    /** The page's {@code lang}: the locale's language ({@code de_DE} is {@code de}), {@code en} without one. */
    static String language(Locale locale) {
        String language = locale.getLanguage();
        return language.isEmpty() ? "en" : language;
    }

    /**
     * {@code written} as an HTML {@code lang} value ({@code en_US} is {@code en-US}); empty when it
     * is no language tag at all.
     */
    static String languageTag(String written) {
        String tag = written.strip().replace('_', '-');
        return LANGUAGE_TAG.matcher(tag).matches() ? tag : "";
    }

    private static Map<String, String> read(String language) {
        try (InputStream in =
                Messages.class.getClassLoader().getResourceAsStream(DIRECTORY + language + ".properties")) {
            if (in == null) {
                return Map.of();
            }
            var properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            var words = new HashMap<String, String>();
            properties.forEach((key, value) -> words.put((String) key, (String) value));
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("render: reading the theme's words in " + language, e);
        }
    }
}
