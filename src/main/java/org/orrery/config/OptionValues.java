package org.orrery.config;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.orrery.model.LocaleNames;

/**
 * Option values read from text, shared by {@link ConfigLoader} (which adds file and line to a
 * {@link BadValue}) and {@link PlanetConfig#subscriptionOptions}.
 */
final class OptionValues {
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s+");
    // glibc locale names: language[_TERRITORY][.codeset][@modifier]
    private static final Pattern POSIX_LOCALE =
            Pattern.compile("([A-Za-z]{2,3})(?:[_-]([A-Za-z]{2}|\\d{3}))?(?:\\.[\\w-]+)?(?:@\\w+)?");
    static final Set<String> LOG_LEVELS = Set.of("DEBUG", "INFO", "WARNING", "WARN", "ERROR", "CRITICAL", "FATAL");

    /** An option's value that cannot be used; the caller says where it was written. */
    static final class BadValue extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final String key;

        BadValue(String key, String value, String expected) {
            super(key + " must be " + expected + ", not \"" + value + "\"");
            this.key = key;
        }
    }

    private OptionValues() {}

    static int wholeNumber(Function<String, Optional<String>> lookup, String key, int fallback) {
        Optional<String> value = lookup.apply(key).map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return fallback;
        }
        return OptionTable.wholeNumber(key, value.get(), 0);
    }

    static Optional<String> text(Function<String, Optional<String>> lookup, String key) {
        return lookup.apply(key).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** A space- or newline-separated list option, as Venus splits it. */
    static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(LIST_SEPARATOR.split(value.strip())).toList();
    }

    static Optional<String> regex(Function<String, Optional<String>> lookup, String key) {
        Optional<String> value = text(lookup, key);
        value.ifPresent(v -> checkRegex(key, v));
        return value;
    }

    /** Venus splits require/exclude patterns on newlines; each must compile. */
    static void checkRegex(String key, String patterns) {
        for (String pattern : patterns.split("\n")) {
            try {
                PythonRegex.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new BadValue(
                        key,
                        pattern,
                        "a regular expression (" + e.getDescription() + " at index " + e.getIndex() + ")");
            }
        }
    }

    static void checkXPath(String key, String expressions) {
        for (String expression : expressions.split("\n")) {
            if (expression.isBlank()) {
                continue;
            }
            try {
                XPathFactory.newInstance().newXPath().compile(expression);
            } catch (XPathExpressionException e) {
                throw new BadValue(key, expression, "an XPath 1.0 expression");
            }
        }
    }

    /**
     * Planet 2.0's {@code locale}: glibc names ({@code de_DE.UTF-8}, {@code C}), several separated
     * by {@code :} tried in order. As Planet 2.0 took the first the C library had, the first
     * whose glibc names Orrery carries ({@link LocaleNames#glibc}) comes first, then those whose
     * language only Java knows; a value naming none of either is bad.
     */
    static List<Locale> locales(String value) {
        if (value.isBlank()) {
            return List.of();
        }
        List<Locale> locales = new ArrayList<>();
        for (String name : value.split(":")) {
            String n = name.strip();
            if (n.isEmpty()) {
                continue;
            }
            if (n.equals("C") || n.equals("POSIX") || n.startsWith("C.")) {
                locales.add(Locale.US);
                continue;
            }
            var m = POSIX_LOCALE.matcher(n);
            if (!m.matches()) {
                throw new BadValue("locale", value, "a locale such as de_DE.UTF-8 or fr_FR:en_US");
            }
            Locale.Builder builder = new Locale.Builder().setLanguage(m.group(1).toLowerCase(Locale.ROOT));
            if (m.group(2) != null) {
                builder.setRegion(m.group(2).toUpperCase(Locale.ROOT));
            }
            locales.add(builder.build());
        }
        Set<Locale> ordered = new LinkedHashSet<>();
        locales.stream().filter(l -> LocaleNames.glibc(l).isPresent()).forEach(ordered::add);
        locales.stream().filter(OptionValues::javaKnows).forEach(ordered::add);
        if (ordered.isEmpty() && !locales.isEmpty()) {
            throw new BadValue("locale", value, "a locale such as de_DE.UTF-8 or fr_FR:en_US");
        }
        return List.copyOf(ordered);
    }

    private static boolean javaKnows(Locale locale) {
        return Arrays.stream(Locale.getAvailableLocales())
                .anyMatch(l -> l.getLanguage().equals(locale.getLanguage()));
    }

    static String encoding(String value) {
        // Venus documents "xml": ASCII with character references.
        if (value.equalsIgnoreCase("xml")) {
            return value;
        }
        try {
            if (Charset.isSupported(value)) {
                return value;
            }
        } catch (IllegalCharsetNameException e) {
            // Falls through to the error below, which names the value.
        }
        throw new BadValue("encoding", value, "a character encoding such as utf-8");
    }

    static String logLevel(String value) {
        String level = value.toUpperCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            throw new BadValue("log_level", level, "DEBUG, INFO, WARNING, ERROR or CRITICAL");
        }
        return level;
    }

    /** Checks the parameters Orrery's filters read; others are the filter's business. */
    static void checkFilterParams(FilterSpec spec) {
        Map<String, String> p = spec.params();
        Function<String, Optional<String>> lookup = k -> Optional.ofNullable(p.get(k));
        switch (spec.name()) {
            case "excerpt.py" -> wholeNumber(lookup, "width", 500);
            case "minhead.py" -> wholeNumber(lookup, "min", 3);
            case "regexp_sifter.py" -> {
                regex(lookup, "require");
                regex(lookup, "exclude");
            }
            case "xpath_sifter.py" -> {
                text(lookup, "require").ifPresent(v -> checkXPath("require", v));
                text(lookup, "exclude").ifPresent(v -> checkXPath("exclude", v));
            }
            default -> {
                // No parameters, or a filter Orrery does not provide (warned about elsewhere).
            }
        }
    }
}
