package org.orrery.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Config files read with the rules of Python's ConfigParser as Planet Venus uses it: sections,
 * {@code [DEFAULT]}, continuation lines and {@code %(name)s} interpolation.
 */
public final class IniFile {
    /** Where a section header or an option was written. */
    public record Origin(Path file, int line) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    private static final String DEFAULT = "DEFAULT";
    // Python 3 configparser SECTCRE and OPTCRE: the first '=' or ':' splits key from value.
    private static final Pattern SECTION = Pattern.compile("\\[(.+)]", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("(.*?)\\s*([=:])\\s*(.*)", Pattern.DOTALL);

    private record Option(List<String> lines, Origin origin) {
        String value() {
            return String.join("\n", lines).stripTrailing();
        }
    }

    private record Section(String name, Origin origin, Map<String, Option> options) {}

    private final Section defaults = new Section(DEFAULT, new Origin(Path.of(""), 0), new LinkedHashMap<>());
    private final Map<String, Section> sections = new LinkedHashMap<>();

    private IniFile() {}

    /** Reads the files in order; later files add sections and override options of earlier ones. */
    public static IniFile read(List<Path> files) throws ConfigException {
        IniFile ini = new IniFile();
        for (Path file : files) {
            ini.parse(file, decode(readBytes(file)));
        }
        return ini;
    }

    /** Reads one config file's text, e.g. a reading list fetched from {@code name}. */
    public static IniFile parse(String name, String text) throws ConfigException {
        IniFile ini = new IniFile();
        ini.parse(Path.of(name), text);
        return ini;
    }

    /** Section names in the order they first appear, without {@code DEFAULT}; case-sensitive. */
    public List<String> sections() {
        return List.copyOf(sections.keySet());
    }

    public boolean hasSection(String section) {
        return sections.containsKey(section);
    }

    public Optional<Origin> sectionOrigin(String section) {
        return Optional.ofNullable(sections.get(section)).map(Section::origin);
    }

    /** Keys set in the section itself, lower-case, without those inherited from {@code [DEFAULT]}. */
    public List<String> ownKeys(String section) {
        Section s = sections.get(section);
        return s == null ? List.of() : List.copyOf(s.options().keySet());
    }

    /** Where the option that {@link #get} would use is written. */
    public Optional<Origin> origin(String section, String key) {
        return raw(section, key.toLowerCase(Locale.ROOT)).map(Option::origin);
    }

    /** The option's value from the section, else from {@code [DEFAULT]}, interpolated. */
    public Optional<String> get(String section, String key) throws ConfigException {
        String lower = key.toLowerCase(Locale.ROOT);
        Optional<Option> option = raw(section, lower);
        if (option.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(interpolate(section, option.get(), new ArrayList<>(List.of(lower))));
    }

    /** Every option of the section, {@code [DEFAULT]} ones included, interpolated; keys lower-case. */
    public Map<String, String> items(String section) throws ConfigException {
        Map<String, String> items = new LinkedHashMap<>();
        for (String key : defaults.options().keySet()) {
            items.put(key, get(section, key).orElseThrow());
        }
        Section s = sections.get(section);
        if (s != null) {
            for (String key : s.options().keySet()) {
                items.put(key, get(section, key).orElseThrow());
            }
        }
        return items;
    }

    private Optional<Option> raw(String section, String key) {
        Section s = sections.get(section);
        Option own = s == null ? null : s.options().get(key);
        return Optional.ofNullable(own != null ? own : defaults.options().get(key));
    }

    /**
     * Python 2 ConfigParser (not SafeConfigParser), which Venus uses: only a value containing
     * {@code "%("} is interpolated, and there {@code %%} is a literal %. A bare % (as in {@code %B
     * %d}) is left alone rather than failing as Python's {@code %} operator would.
     */
    private String interpolate(String section, Option option, List<String> chain) throws ConfigException {
        String raw = option.value();
        if (!raw.contains("%(")) {
            return raw;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            char next = i + 1 < raw.length() ? raw.charAt(i + 1) : 0;
            int close = next == '(' ? raw.indexOf(')', i) : -1;
            if (c == '%' && next == '%') {
                out.append('%');
                i += 2;
            } else if (c == '%' && close > 0 && close + 1 < raw.length() && raw.charAt(close + 1) == 's') {
                out.append(reference(section, option, raw.substring(i + 2, close), chain));
                i = close + 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String reference(String section, Option option, String name, List<String> chain) throws ConfigException {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("__name__")) {
            return section;
        }
        if (chain.contains(key)) {
            throw new ConfigException(option.origin() + ": [" + section + "] interpolation loop: "
                    + String.join(" -> ", chain) + " -> " + key);
        }
        Option target = raw(section, key)
                .orElseThrow(() -> new ConfigException(option.origin() + ": [" + section + "] %(" + name
                        + ")s refers to an option set neither in [" + section + "] nor in [DEFAULT]"));
        chain.add(key);
        String value = interpolate(section, target, chain);
        chain.remove(chain.size() - 1);
        return value;
    }

    private void parse(Path file, String text) throws ConfigException {
        Section section = null;
        Option option = null;
        int optionIndent = 0;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int n = 1; n <= lines.length; n++) {
            String line = lines[n - 1];
            String value = line.strip();
            if (value.startsWith("#") || value.startsWith(";")) {
                continue;
            }
            if (value.isEmpty()) {
                // Python 3 keeps blank lines inside a value; trailing ones are stripped at the end.
                if (option != null) {
                    option.lines().add("");
                }
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            if (option != null && indent > optionIndent) {
                option.lines().add(value);
                continue;
            }
            optionIndent = indent;
            Matcher header = SECTION.matcher(value);
            if (header.lookingAt()) {
                section = section(header.group(1), new Origin(file, n));
                option = null;
                continue;
            }
            if (section == null) {
                throw new ConfigException(file + ":" + n + ": option before any section header"
                        + " (a config file starts with a section such as [Planet]): " + value);
            }
            Matcher m = OPTION.matcher(value);
            if (!m.matches() || m.group(1).isEmpty()) {
                throw new ConfigException(file + ":" + n
                        + ": neither a section header, an option (key = value), a comment nor a continuation: "
                        + value);
            }
            option = new Option(new ArrayList<>(List.of(optionValue(m.group(3)))), new Origin(file, n));
            section.options().put(m.group(1).toLowerCase(Locale.ROOT), option);
        }
    }

    /** Python 2 ConfigParser: a ';' after whitespace starts a comment; {@code ""} means empty. */
    private static String optionValue(String value) {
        int semicolon = value.indexOf(';');
        if (semicolon > 0 && Character.isWhitespace(value.charAt(semicolon - 1))) {
            value = value.substring(0, semicolon).strip();
        }
        return value.equals("\"\"") ? "" : value;
    }

    private Section section(String name, Origin origin) {
        if (name.equals(DEFAULT)) {
            return defaults;
        }
        return sections.computeIfAbsent(name, key -> new Section(key, origin, new LinkedHashMap<>()));
    }

    private static byte[] readBytes(Path file) throws ConfigException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such config file", e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read config file: " + e.getMessage(), e);
        }
    }

    /** UTF-8 when the bytes are valid UTF-8, else windows-1252, else ISO-8859-1 (never fails). */
    private static String decode(byte[] bytes) {
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("windows-1252"))) {
            try {
                String text = charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
                return text.startsWith("\uFEFF") ? text.substring(1) : text;
            } catch (CharacterCodingException e) {
                // Not this charset: Venus-era configs are often Latin-1; try the next one.
            }
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
