package org.orrery.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A small planet for migration tests: the feeds of {@code migrate/venus/planet/www} served on
 * loopback (with an ETag, so that a feed unchanged since Venus fetched it is a 304), a config.ini
 * naming them and a reading list, and the entries of a front page rendered by Venus's
 * classic_fancy theme.
 */
final class VenusPlanet implements AutoCloseable {
    static final String RESOURCES = "migrate/venus/planet";

    private final HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();

    /** Serves the planet's feeds, their {@code {BASE}} replaced by the server's URL. */
    VenusPlanet() throws IOException, URISyntaxException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        try (Stream<Path> files = Files.list(resource(RESOURCES + "/www"))) {
            for (Path file : files.toList()) {
                serve(file.getFileName().toString(), file);
            }
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    String base() {
        return "http://127.0.0.1:" + port() + "/";
    }

    /** From now on serves the feed in {@code file} at {@code path}. */
    void serve(String path, Path file) throws IOException {
        served.put(path, Files.readString(file).replace("{BASE}", base()).getBytes(StandardCharsets.UTF_8));
    }

    /** From now on answers 404 Not Found at {@code path}. */
    void remove(String path) {
        served.remove(path);
    }

    /**
     * The planet's config.ini, in {@code dir}: its cache and output directories there, the theme
     * directory {@code theme} (holding classic_fancy's {@code index.html.tmpl}), two feeds, a feed
     * that is not found and a reading list.
     */
    Path config(Path dir, Path theme) throws IOException {
        Path config = dir.resolve("config.ini");
        Files.writeString(
                config,
                """
                [Planet]
                name = Migration
                link = http://planet.example/
                owner_name = Test
                cache_directory = %s
                output_dir = %s
                output_theme = %s
                template_files = index.html.tmpl
                items_per_page = 60
                log_level = ERROR

                [%sa.atom]
                name = Alpha

                [%sb.rss]
                name = Bravo

                [%sgone.rss]
                name = Gone

                [%slist.opml]
                content_type = opml
                """
                        .formatted(dir.resolve("cache"), dir.resolve("output"), theme, base(), base(), base(), base()));
        return config;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = served.get(exchange.getRequestURI().getPath().substring(1));
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String etag = "\"" + Integer.toHexString(Arrays.hashCode(body)) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * The entries of a front page rendered by classic_fancy, in page order: "day | feed | title |
     * link | date" (the day's heading, the channel's name, the entry's title, its link and its
     * date as the page prints them).
     */
    static List<String> entries(Path page) throws IOException {
        return Jsoup.parse(page.toFile(), "UTF-8").select("div.entrygroup").stream()
                .map(VenusPlanet::entry)
                .toList();
    }

    /**
     * The subscriptions classic_fancy lists beside the entries: "name | title", the title being
     * the feed's title, or its message (with class "message") when something is wrong with it.
     */
    static List<String> subscriptions(Path page) throws IOException {
        return Jsoup.parse(page.toFile(), "UTF-8").select("div.sidebar > ul > li").stream()
                .map(li -> li.select("a").last())
                .map(a -> a.text() + " | " + (a.hasClass("message") ? "message: " : "") + a.attr("title"))
                .toList();
    }

    private static String entry(Element group) {
        Element day = group.closest("div.daygroup").selectFirst("h2");
        Element channel = group.closest("div.channelgroup").selectFirst("h3");
        Element title = group.selectFirst("h4 a");
        Element date = group.selectFirst("p.date a");
        return String.join(
                " | ", day.text(), channel.text(), title.text(), title.attr("href"), date == null ? "" : date.text());
    }

    private static final Pattern UPDATED = Pattern.compile("<updated[^>]*>([^<]+)</updated>");

    /**
     * Each entry file dated with its {@code updated}, as Venus's spider dates the files it writes
     * (a copy from version control dates them all alike).
     */
    static void datedAsVenusDatesThem(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher updated = UPDATED.matcher(Files.readString(file, StandardCharsets.UTF_8));
                if (updated.find()) {
                    Files.setLastModifiedTime(file, FileTime.from(Instant.parse(updated.group(1))));
                }
            }
        }
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(VenusPlanet.class.getClassLoader().getResource(name).toURI());
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
