package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/** The CLI on a config whose feeds a loopback server serves, checked in the published files. */
class EndToEndTest {
    @TempDir
    Path dir;

    private FeedServer server;
    private Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        server = new FeedServer("e2e");
        config = dir.resolve("config.ini");
        Files.writeString(
                config,
                """
                [Planet]
                name = Planet Twisted
                link = https://planet.example.org/
                owner_name = The Twisted Team
                cache_directory = %s
                output_dir = %s
                new_date_format = %%d %%b %%Y
                date_format = %%d %%b %%Y %%-I:%%M%%P GMT

                [%s]
                name = Moshe Zadka

                [%s]
                name = Itamar Turner-Trauring

                [%s]
                name = Glyph Lefkowitz
                """
                        .formatted(
                                dir.resolve("cache"),
                                dir.resolve("output"),
                                server.url("moshe.atom"),
                                server.url("itamar.rss"),
                                server.url("glyph.rdf")));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void publishesTheRiverGroupedByDayNewestFirst() throws Exception {
        var run = orrery("run", config.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("3 feeds: 3 ok, 0 not modified, 0 failed; entries: 5 new, 0 updated");
        Document index = Jsoup.parse(dir.resolve("output/index.html"));
        assertThat(index.select("section.day > h2").eachText())
                .containsExactly("19 Sep 2017", "18 Sep 2017", "17 Sep 2017");
        assertThat(index.select("article.h-entry h3").eachText())
                .containsExactly(
                        "Moshe Zadka: Announcing NColony 17.9.0",
                        "Itamar Turner-Trauring: Slow software",
                        "Glyph Lefkowitz: Tabs, spaces and feelings",
                        "Itamar Turner-Trauring: Join our startup, we have deadlines",
                        "Moshe Zadka: Plain text & ampersands");
        assertThat(index.select("article.h-entry time.dt-published").eachText())
                .containsExactly(
                        "19 Sep 2017 10:00pm GMT",
                        "19 Sep 2017 8:00am GMT",
                        "18 Sep 2017 11:59pm GMT",
                        "18 Sep 2017 2:30pm GMT",
                        "17 Sep 2017 9:05am GMT");
        assertThat(index.select("article.h-entry time.dt-published").first().attr("datetime"))
                .isEqualTo("2017-09-19T22:00:00+00:00");
    }

    @Test
    void publishesSafeContentWithAbsoluteLinks() throws Exception {
        orrery("run", config.toString());

        Document index = Jsoup.parse(dir.resolve("output/index.html"));
        Element first = index.selectFirst("article.h-entry");
        assertThat(first.select("h3 > a.p-name.u-url").attr("href"))
                .isEqualTo("https://moshe.example.org/posts/ncolony-17.9.0.html");
        assertThat(first.select(".e-content a").attr("href")).isEqualTo("https://moshe.example.org/docs/");
        assertThat(index.select("script")).isEmpty();
        assertThat(index.select("article.h-entry").last().select(".e-content").text())
                .isEqualTo("Use x < y, not <b>.");
    }

    @Test
    void publishesAtomAndRssFeedsOfTheSameEntries() throws Exception {
        orrery("run", config.toString());

        var atom = xml(dir.resolve("output/atom.xml"));
        assertThat(texts(atom.getElementsByTagNameNS(ATOM, "entry"), ATOM, "title"))
                .containsExactly(
                        "Announcing NColony 17.9.0",
                        "Slow software",
                        "Tabs, spaces and feelings",
                        "Join our startup, we have deadlines",
                        "Plain text & ampersands");
        var firstEntry =
                (org.w3c.dom.Element) atom.getElementsByTagNameNS(ATOM, "entry").item(0);
        var source = (org.w3c.dom.Element)
                firstEntry.getElementsByTagNameNS(ATOM, "source").item(0);
        assertThat(source.getElementsByTagNameNS(ATOM, "title").item(0).getTextContent())
                .isEqualTo("Moshe Zadka");
        assertThat(firstEntry
                        .getElementsByTagNameNS(ATOM, "author")
                        .item(0)
                        .getTextContent()
                        .strip())
                .isEqualTo("Moshe Zadka");

        var rss = xml(dir.resolve("output/rss20.xml"));
        assertThat(texts(rss.getElementsByTagName("item"), null, "title"))
                .containsExactly(
                        "Moshe Zadka: Announcing NColony 17.9.0",
                        "Itamar Turner-Trauring: Slow software",
                        "Glyph Lefkowitz: Tabs, spaces and feelings",
                        "Itamar Turner-Trauring: Join our startup, we have deadlines",
                        "Moshe Zadka: Plain text & ampersands");
        assertThat(texts(rss.getElementsByTagName("item"), null, "pubDate").getFirst())
                .isEqualTo("Tue, 19 Sep 2017 22:00:00 +0000");
    }

    @Test
    void secondRunSendsConditionalRequestsAndPublishesTheSameEntries() throws Exception {
        orrery("run", config.toString());
        String firstIndex = entriesOf(dir.resolve("output/index.html"));
        int firstRequests = server.requests().size();

        var second = orrery("run", config.toString());

        assertThat(second.status()).isZero();
        assertThat(second.out()).contains("3 feeds: 0 ok, 3 not modified, 0 failed; entries: 0 new, 0 updated");
        var conditional =
                server.requests().subList(firstRequests, server.requests().size());
        assertThat(conditional).hasSize(3).allSatisfy(request -> {
            assertThat(request.ifNoneMatch()).isPresent();
            assertThat(request.ifModifiedSince()).contains(FeedServer.LAST_MODIFIED);
            assertThat(request.userAgent()).startsWith("Orrery/").contains("https://planet.example.org/");
        });
        assertThat(entriesOf(dir.resolve("output/index.html"))).isEqualTo(firstIndex);
    }

    @Test
    void failingFeedIsReportedAndTheSiteStillPublished() throws Exception {
        Files.writeString(config, Files.readString(config) + "\n[" + server.url("gone.xml") + "]\nname = Gone\n");

        var run = orrery("run", config.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("4 feeds: 3 ok, 0 not modified, 1 failed; entries: 5 new, 0 updated");
        assertThat(run.err()).contains("failed: " + server.url("gone.xml")).contains("404");
        assertThat(dir.resolve("output/index.html")).exists();
    }

    @Test
    void buildPublishesFromTheDatabaseWithoutFetching() throws Exception {
        orrery("fetch", config.toString());
        assertThat(dir.resolve("output/index.html")).doesNotExist();
        int requests = server.requests().size();

        var build = orrery("build", config.toString());

        assertThat(build.status()).isZero();
        assertThat(server.requests()).hasSize(requests);
        assertThat(Jsoup.parse(dir.resolve("output/index.html")).select("article.h-entry"))
                .hasSize(5);
    }

    @Test
    void unwritableOutputFailsWithAClearMessage() throws Exception {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file where the output directory should be");
        Files.writeString(
                config, Files.readString(config).replace(dir.resolve("output").toString(), blocker + "/site"));

        var run = orrery("run", config.toString());

        assertThat(run.status()).isEqualTo(Main.EXIT_CANT_CREATE);
        assertThat(run.err())
                .contains("output_dir " + blocker + "/site cannot be created: " + blocker + " is not a directory");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void badConfigFailsNamingFileAndLine() throws Exception {
        Files.writeString(config, "[Planet]\nname = x\nthis line is not an option\n");

        var run = orrery("run", config.toString());

        assertThat(run.status()).isEqualTo(Main.EXIT_CONFIG);
        assertThat(run.err()).contains(config + ":3");
    }

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private static CliRun orrery(String... args) {
        return CliRun.of(args);
    }

    private static String entriesOf(Path index) throws Exception {
        return Jsoup.parse(index).select("main").outerHtml();
    }

    private static org.w3c.dom.Document xml(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<String> texts(NodeList parents, String namespace, String child) {
        var texts = new java.util.ArrayList<String>();
        for (int i = 0; i < parents.getLength(); i++) {
            var parent = (org.w3c.dom.Element) parents.item(i);
            var children = namespace == null
                    ? parent.getElementsByTagName(child)
                    : parent.getElementsByTagNameNS(namespace, child);
            texts.add(children.item(0).getTextContent());
        }
        return texts;
    }
}
