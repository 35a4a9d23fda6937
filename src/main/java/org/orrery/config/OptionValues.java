package org.orrery.config;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.time.Duration;
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
import org.orrery.model.RiverOrder;

/**
 * How option values are read from text: each reader takes the key (for the message) and the
 * value as written, and throws {@link BadValue} for one that cannot be used. {@link OptionTable}
 * declares which option each reads; {@link ConfigLoader} adds file and line to a {@link
 * BadValue}.
 */
final class OptionValues {
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s+");
    // glibc locale names: language[_TERRITORY][.codeset][@modifier]
    private static final Pattern POSIX_LOCALE =
            Pattern.compile("([A-Za-z]{2,3})(?:[_-]([A-Za-z]{2}|\\d{3}))?(?:\\.[\\w-]+)?(?:@\\w+)?");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\+?\\d{1,9}");
    private static final Pattern BYTES = Pattern.compile("\\+?\\d{1,18}");
    private static final Pattern SECONDS = Pattern.compile("\\+?(\\d{1,9}(\\.\\d*)?|\\.\\d+)");
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
        return wholeNumber(key, value.get(), 0);
    }

    static Optional<String> text(Function<String, Optional<String>> lookup, String key) {
        return lookup.apply(key).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** A whole number as Python's {@code int()} reads it, from {@code min}. */
    static int wholeNumber(String key, String written, int min) {
        if (!WHOLE_NUMBER.matcher(written).matches()) {
            throw new BadValue(key, written, "a whole number");
        }
        int value = Integer.parseInt(written.replace("+", ""));
        if (value < min) {
            throw new BadValue(key, written, "a whole number from " + min);
        }
        return value;
    }

    static long bytes(String key, String written) {
        if (!BYTES.matcher(written).matches() || Long.parseLong(written.replace("+", "")) < 1) {
            throw new BadValue(key, written, "a whole number of bytes from 1");
        }
        return Long.parseLong(written.replace("+", ""));
    }

    /** Venus passes {@code feed_timeout} to {@code socket.setdefaulttimeout(float(...))}: fractions are fine. */
    static Duration seconds(String key, String written) {
        // A deadline of 0 would fail every fetch; below a millisecond is 0 to HttpClient.
        if (!SECONDS.matcher(written).matches() || millis(written) == 0) {
            throw new BadValue(key, written, "a number of seconds from 0.001");
        }
        return Duration.ofMillis(millis(written));
    }

    /**
     * Milliseconds in a number of seconds that {@code SECONDS} matched, the fraction cut after
     * three digits. Not {@code BigDecimal}: its class takes longer to set up than all of this.
     */
    private static long millis(String seconds) {
        String digits = seconds.startsWith("+") ? seconds.substring(1) : seconds;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot + 1);
        String thousandths = (fraction + "000").substring(0, 3);
        return (whole.isEmpty() ? 0 : Long.parseLong(whole)) * 1000 + Integer.parseInt(thousandths);
    }

    static RiverOrder riverOrder(String key, String written) {
        return RiverOrder.of(written).orElseThrow(() -> new BadValue(key, written, "date, published or first_seen"));
    }

    static Optional<Dialect> dialect(String key, String written) {
        return Optional.of(Dialect.of(written).orElseThrow(() -> new BadValue(key, written, "venus or planet2")));
    }

    /** A PostgreSQL database's URL, {@code postgresql://host[:port]/db?...}; anything else is bad. */
    static Optional<String> database(String key, String written) {
        if (!written.matches("(?is)(jdbc:)?postgres(ql)?://[^/\\s]+/\\S*")) {
            throw new BadValue(key, written, "a PostgreSQL URL, postgresql://host:port/database?user=NAME");
        }
        return Optional.of(written);
    }

    /** A boolean as Python's {@code ConfigParser.getboolean} reads one; anything else is bad. */
    static boolean yesOrNo(String key, String written) {
        return switch (written.toLowerCase(Locale.ROOT)) {
            case "1", "yes", "true", "on" -> true;
            case "0", "no", "false", "off" -> false;
            default -> throw new BadValue(key, written, "yes or no (true or false, on or off, 1 or 0)");
        };
    }

    /** Venus kept the date for any value but its two others; Orrery says so rather than guess. */
    static SubscriptionOptions.FutureDates futureDates(String key, String written) {
        return switch (written.toLowerCase(Locale.ROOT)) {
            case "keep" -> SubscriptionOptions.FutureDates.KEEP;
            case "ignore_date" -> SubscriptionOptions.FutureDates.IGNORE_DATE;
            case "ignore_entry" -> SubscriptionOptions.FutureDates.IGNORE_ENTRY;
            default -> throw new BadValue(key, written, "keep, ignore_date or ignore_entry");
        };
    }

    /** Host names separated by blanks or commas ({@code iframe_hosts}). */
    static List<String> hosts(String value) {
        return value == null || value.isBlank()
                ? List.of()
                : List.of(value.strip().split("[\\s,]+"));
    }

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
    static List<Locale> locales(String key, String value) {
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
                throw new BadValue(key, value, "a locale such as de_DE.UTF-8 or fr_FR:en_US");
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
            throw new BadValue(key, value, "a locale such as de_DE.UTF-8 or fr_FR:en_US");
        }
        return List.copyOf(ordered);
    }

    private static boolean javaKnows(Locale locale) {
        return Arrays.stream(Locale.getAvailableLocales())
                .anyMatch(l -> l.getLanguage().equals(locale.getLanguage()));
    }

    /** A language tag such as {@code de}, {@code pt-BR} or {@code en_US} (written as a locale). */
    static Optional<String> languageTag(String key, String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!LANGUAGE_TAG.matcher(value).matches()) {
            throw new BadValue(key, value, "a language such as de, pt-BR or en_US");
        }
        return Optional.of(value);
    }

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*");

    static String encoding(String key, String value) {
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
        throw new BadValue(key, value, "a character encoding such as utf-8");
    }

    static String logLevel(String key, String value) {
        String level = value.toUpperCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            throw new BadValue(key, level, "DEBUG, INFO, WARNING, ERROR or CRITICAL");
        }
        return level;
    }

    /** Checks the parameters Orrery's filters read; others are the filter's business. */
    static void checkFilterParams(FilterSpec spec) {
        Map<String, String> p = spec.params();
        Function<String, Optional<String>> lookup = k -> Optional.ofNullable(p.get(k));
        // Their defaults (the filters' own) do not matter here: only a written value can be bad.
        switch (spec.name()) {
            case "excerpt.py" -> wholeNumber(lookup, "width", 0);
            case "minhead.py" -> wholeNumber(lookup, "min", 0);
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
