package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Venus itself as the reference: a generated Venus cache spliced by Venus's own {@code
 * planet.splice}, then imported and published by Orrery; the two front pages list the same entries
 * in the same order. Runs when {@code -Dorrery.venus=DIR} (a Planet Venus checkout) and {@code
 * -Dorrery.python2=PYTHON} (a Python 2.7) are given, and is skipped otherwise.
 */
class VenusSpliceDifferentialTest {
    private static final int FEEDS = 6;
    private static final int PAGE = 25;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"", "dialect = venus\nnew_feed_items = 3\n"})
    void orreryFrontPageAfterImportIsVenusSplicedPage(String options) throws Exception {
        String venus = System.getProperty("orrery.venus");
        String python = System.getProperty("orrery.python2");
        assumeTrue(venus != null && python != null, "orrery.venus and orrery.python2 not set");
        assumeTrue(Files.isRegularFile(Path.of(venus, "planet", "splice.py")), venus + " is not a Venus checkout");

        Path cache = dir.resolve("cache");
        Path config = dir.resolve("config.ini");
        writeCacheAndConfig(cache, config, new Random(20061014), options);

        List<String> venusPage = venusSplice(Path.of(python), Path.of(venus), config);
        var imported = CliRun.of("import", "--config", config.toString());
        var built = CliRun.of("build", config.toString());

        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("not in config.ini: http://feeds.example/gone (gone): ");
        assertThat(built.status()).as(built.err()).isZero();
        assertThat(venusPage).isNotEmpty();
        assertThat(frontPage()).containsExactlyElementsOf(venusPage);
    }

    /**
     * A cache as Venus's spider leaves it: feeds f0..f5 subscribed and "gone" not, entries dated
     * in 2020 (some at the same second, some published before they were updated), each file
     * dated with the entry's updated.
     */
    private static void writeCacheAndConfig(Path cache, Path config, Random random, String options) throws IOException {
        Files.createDirectories(cache.resolve("sources"));
        var sections = new StringBuilder();
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        List<Instant> used = new ArrayList<>();
        for (int f = 0; f <= FEEDS; f++) {
            String name = f == FEEDS ? "gone" : "f" + f;
            String url = "http://feeds.example/" + name;
            String source = "<id>" + url + "</id><title>Feed " + name + "</title>"
                    + "<link href=\"" + url + "\" rel=\"self\" type=\"application/atom+xml\"/>"
                    + "<link href=\"http://site.example/" + name + "/\" rel=\"alternate\" type=\"text/html\"/>"
                    + "<updated>2020-12-31T00:00:00Z</updated><planet:format>atom10</planet:format>"
                    + "<planet:name>" + name + "</planet:name><planet:http_status>200</planet:http_status>";
            if (f < FEEDS) {
                sections.append("\n[")
                        .append(url)
                        .append("]\nname = ")
                        .append(name)
                        .append('\n');
                Files.writeString(
                        cache.resolve("sources/feeds.example," + name),
                        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""
                                + " xmlns:planet=\"http://planet.intertwingly.net/\">" + source + "</feed>");
            }
            int entries = 6 + random.nextInt(10);
            for (int e = 0; e < entries; e++) {
                Instant updated = !used.isEmpty() && random.nextInt(6) == 0
                        ? used.get(random.nextInt(used.size()))
                        : start.plus(random.nextInt(360 * 24), ChronoUnit.HOURS);
                used.add(updated);
                String published = random.nextInt(3) == 0
                        ? "<published>" + updated.minus(1 + random.nextInt(200), ChronoUnit.DAYS) + "</published>"
                        : "";
                String id = "tag:feeds.example,2020:" + name + "/" + e;
                Path file = cache.resolve("feeds.example,2020," + name + "," + e);
                Files.writeString(
                        file,
                        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<entry xmlns=\"http://www.w3.org/2005/Atom\""
                                + " xmlns:planet=\"http://planet.intertwingly.net/\"><id>" + id + "</id>"
                                + "<link href=\"http://site.example/" + name + "/" + e + "\" rel=\"alternate\"/>"
                                + "<title>" + name + " entry " + e + "</title><content>Body " + e + "</content>"
                                + "<updated>" + updated + "</updated>" + published + "<source>" + source
                                + "</source></entry>",
                        StandardCharsets.UTF_8);
                Files.setLastModifiedTime(file, FileTime.from(updated));
            }
        }
        Files.writeString(
                config,
                "[Planet]\nname = differential\ncache_directory = %s\noutput_dir = %s\nitems_per_page = %d\n"
                                .formatted(cache, config.resolveSibling("output"), PAGE)
                        + options
                        + sections);
    }

    /** Venus's spliced page, as "name: title" lines. */
    private List<String> venusSplice(Path python, Path venus, Path config) throws Exception {
        Path script = dir.resolve("splice.py");
        Files.writeString(
                script,
                """
                import sys
                sys.path.insert(0, sys.argv[1])
                import planet
                planet.getLogger('CRITICAL', None)
                from planet import config
                from planet.splice import splice
                config.load(sys.argv[2])
                for entry in splice().getElementsByTagName('entry'):
                    title = [n for n in entry.childNodes if n.nodeName == 'title'][0].firstChild.nodeValue
                    name = entry.getElementsByTagName('planet:name')[0].firstChild.nodeValue
                    print('%s: %s' % (name, title))
                """);
        Process process = new ProcessBuilder(python.toString(), script.toString(), venus.toString(), config.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    private List<String> frontPage() throws IOException {
        var page = Jsoup.parse(dir.resolve("output/index.html").toFile(), "UTF-8");
        return page.select("h3.entry-title").stream().map(Element::text).toList();
    }
}
