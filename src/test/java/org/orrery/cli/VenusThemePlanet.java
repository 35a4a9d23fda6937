package org.orrery.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The planet of {@code src/test/resources/render/venus-planet/} laid out as Venus expects it (a
 * directory holding the config, the themes and the feeds, Venus run from it), for comparing what
 * Orrery and Venus publish from it with each of Venus's shipped themes and with Planet Mozilla's.
 * Pages are compared by their outline: headings, links, images and entry bodies, in order, with
 * the time of publishing and the links to the feeds' files left out.
 */
final class VenusThemePlanet {
    /** Venus's shipped themes that Venus renders without libraries of its own (Django, Genshi) missing. */
    static final List<String> VENUS_THEMES = List.of("asf", "classic_fancy", "mobile", "musings");

    private static final Pattern NOW = Pattern.compile(
            "(January|February|March|April|May|June|July|August|September|October|November|December) \\d\\d, "
                    + "20(?!17)\\d\\d \\d\\d:\\d\\d [AP]M|20(?!17)\\d\\d-\\d\\d-\\d\\dT[0-9:]+(Z|[+-]\\d\\d:\\d\\d)");

    private VenusThemePlanet() {}

    /** The planet's files copied into {@code dir}. */
    static void layOut(Path dir) throws IOException {
        Path source;
        try {
            source = Path.of(
                    VenusThemePlanet.class.getResource("/render/venus-planet").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = dir.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    /**
     * A config for Venus's shipped {@code theme} (run from {@code dir}): the planet's feeds, the
     * output in {@code out-THEME}.
     */
    static Path themeConfig(Path dir, String theme) throws IOException {
        String mozilla = Files.readString(dir.resolve("planet-mozilla.ini"));
        String feeds = mozilla.substring(mozilla.indexOf("[feeds/"));
        return Files.writeString(
                dir.resolve(theme + ".ini"),
                """
                [Planet]
                name = Planet Venus Themes
                link = http://planet.example.org/
                owner_name = Planet Team
                owner_email = planet@example.org
                cache_directory = cache-%1$s
                output_dir = out-%1$s
                output_theme = themes/%1$s

                %2$s"""
                        .formatted(theme, feeds));
    }

    /**
     * {@code config} with its paths made absolute against {@code dir}, for Orrery run in this JVM
     * (whose working directory is not the planet's): Orrery's output goes to {@code orrery-OUT}.
     */
    static Path forOrrery(Path dir, Path config) throws IOException {
        var lines = new ArrayList<String>();
        for (String line : Files.readAllLines(config)) {
            if (line.startsWith("cache_directory = ")) {
                line = "cache_directory = " + dir.resolve("orrery-" + value(line));
            } else if (line.startsWith("output_dir = ")) {
                line = "output_dir = " + dir.resolve("orrery-" + value(line));
            } else if (line.startsWith("output_theme = ")) {
                line = "output_theme = " + dir.resolve(value(line));
            } else if (line.startsWith("[feeds/")) {
                line = "[" + dir.resolve(line.substring(1, line.length() - 1)) + "]";
            }
            lines.add(line);
        }
        return Files.write(config.resolveSibling("orrery-" + config.getFileName()), lines);
    }

    private static String value(String line) {
        return line.substring(line.indexOf('=') + 1).trim();
    }

    /**
     * The outline of a page: each heading, link (its address and text), image and entry body
     * ({@code class="content"}) in document order, one a line. Venus's XSLT themes wrote XHTML,
     * read here as XML; every other page as HTML. Links to the planet's local feed files, which
     * Orrery does not publish, are left out, and the time of publishing is "(now)".
     */
    static List<String> outline(String page) {
        Document doc = page.contains("xmlns=\"http://www.w3.org/1999/xhtml\"") && isXml(page)
                ? Jsoup.parse(page, "", Parser.xmlParser())
                : Jsoup.parse(page);
        var lines = new ArrayList<String>();
        for (Element e : doc.select("body *, rss item > *, item > *, entry > *")) {
            String name = e.normalName();
            String line;
            if (name.matches("h[1-6]")) {
                line = name + " " + text(e);
            } else if (name.equals("a") && e.hasAttr("href") && !localFeed(e.attr("href"))) {
                line = "a " + e.attr("href") + " | " + text(e);
            } else if (name.equals("img")) {
                line = "img " + e.attr("src") + " | " + e.attr("alt");
            } else if (e.hasClass("content")) {
                line = "content " + text(e);
            } else {
                continue;
            }
            lines.add(NOW.matcher(line).replaceAll("(now)"));
        }
        return lines;
    }

    /**
     * Whether a link leads to a subscription's feed file: Venus linked the file's path, Orrery
     * publishes no local path (the link is empty, or a validator's {@code url=} is).
     */
    private static boolean localFeed(String href) {
        return href.isEmpty() || href.startsWith("feeds/") || href.endsWith("url=") || href.contains("url=feeds/");
    }

    /**
     * The element's text, its text nodes joined by spaces: the same for a page read as XML and as
     * HTML, which would put spaces between blocks.
     */
    private static String text(Element element) {
        return String.join(" ", texts(element)).replaceAll("\\s+", " ").trim();
    }

    private static List<String> texts(Element element) {
        var texts = new ArrayList<String>();
        element.traverse((node, depth) -> {
            if (node instanceof org.jsoup.nodes.TextNode t) {
                texts.add(t.getWholeText());
            }
        });
        return texts;
    }

    /**
     * The outline of a feed ({@code atom.xml}, {@code rss20.xml}, {@code rss10.xml}): each entry's
     * id, title, link, date and the text of its body, one a line.
     */
    static List<String> feedOutline(String feed) {
        Document doc = Jsoup.parse(feed, "", Parser.xmlParser());
        var lines = new ArrayList<String>();
        for (Element entry : doc.select("entry, item")) {
            for (String field :
                    List.of("id", "guid", "title", "link", "updated", "pubDate", "dc|date", "description")) {
                Element value = entry.selectFirst("> " + field);
                if (value == null) {
                    continue;
                }
                String text = field.equals("link") && value.hasAttr("href") ? value.attr("href") : value.text();
                if (field.equals("description")) {
                    text = Jsoup.parse(text).text();
                }
                lines.add(field + " " + text);
            }
            Element body = entry.selectFirst("> content, > summary, > content|encoded");
            if (body != null) {
                String text =
                        body.children().isEmpty() ? Jsoup.parse(body.text()).text() : body.text();
                lines.add("body " + text);
            }
        }
        return lines;
    }

    /** The subscriptions a list ({@code foafroll.xml}, {@code opml.xml}) names, in its order. */
    static List<String> subscriptionNames(String list) {
        Document doc = Jsoup.parse(list, "", Parser.xmlParser());
        var names = new ArrayList<String>();
        doc.select("foaf|Agent > foaf|name").forEach(e -> names.add(e.text()));
        doc.select("outline[text]").forEach(e -> names.add(e.attr("text")));
        return names;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isXml(String page) {
        try {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            builder.parse(new org.xml.sax.InputSource(new java.io.StringReader(page)));
            return true;
        } catch (Exception e) {
            // Not well-formed: an HTML page.
            return false;
        }
    }
}
