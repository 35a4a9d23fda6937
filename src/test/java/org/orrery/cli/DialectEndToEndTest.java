package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code new_feed_items = 2} and an edited post, run twice against a loopback server, read as
 * Venus reads it and as Planet 2.0 does. Feed A lists A4, A3, A2 and A1 (published 1 February,
 * edited 14 February); B has one entry of 12 February; A later adds A5.
 */
class DialectEndToEndTest {
    @TempDir
    Path dir;

    private FeedServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new FeedServer("e2e/dialect");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Path config(String planetOptions) throws Exception {
        return Files.writeString(
                dir.resolve("config.ini"),
                """
                [Planet]
                name = Dialects
                cache_directory = %s
                output_dir = %s
                new_feed_items = 2
                %s

                [%s]
                name = A

                [%s]
                name = B
                """
                        .formatted(
                                dir.resolve("cache"),
                                dir.resolve("output"),
                                planetOptions,
                                server.url("a.atom"),
                                server.url("b.atom")));
    }

    @Test
    void venusShowsEachFeedsNewestTwoWhenItsEntriesCame() throws Exception {
        // spider_threads is an option only Venus reads: the config is Venus's.
        Path config = config("spider_threads = 4");

        assertThat(orrery("run", config.toString())).isZero();
        assertThat(titles()).containsExactly("A: A one, edited", "A: A four", "B: B one");
        assertThat(feedTitles()).containsExactly("A one, edited", "A four", "B one");
        // Venus published only its front page and feeds; the archives, Orrery's own, keep every entry.
        try (var archives = Files.walk(dir.resolve("output/archive"))) {
            String all = archives.filter(p -> p.toString().endsWith(".html") && !p.endsWith("archive/index.html"))
                    .map(p -> {
                        try {
                            return Files.readString(p);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .reduce("", String::concat);
            assertThat(all).contains("A three").contains("A four");
        }

        server.replace("a.atom", "a-later.atom");
        assertThat(orrery("run", config.toString())).isZero();
        assertThat(titles()).containsExactly("A: A five", "A: A one, edited", "B: B one");
    }

    @Test
    void planet2HidesAllButTheFirstTwoOfANewFeedAndShowsEveryLaterEntry() throws Exception {
        Path config = config("");

        assertThat(orrery("run", config.toString())).isZero();
        assertThat(titles()).containsExactly("A: A four", "B: B one", "A: A three");

        server.replace("a.atom", "a-later.atom");
        assertThat(orrery("run", config.toString())).isZero();
        assertThat(titles()).containsExactly("A: A five", "A: A four", "B: B one", "A: A three");
    }

    @Test
    void theDialectOptionOverridesTheGuess() throws Exception {
        assertThat(orrery("run", config("dialect = venus").toString())).isZero();

        assertThat(titles()).containsExactly("A: A one, edited", "A: A four", "B: B one");
    }

    @Test
    void anEditedPostShowsUnderTheDayItWasUpdatedUnlessRiverOrderIsPublished() throws Exception {
        assertThat(orrery("run", config("dialect = venus").toString())).isZero();
        assertThat(dayOf("A one, edited")).isEqualTo("February 14, 2026");

        assertThat(orrery(
                        "run",
                        config("dialect = venus\nriver_order = published").toString()))
                .isZero();
        assertThat(titles()).containsExactly("A: A four", "B: B one", "A: A three");
    }

    @Test
    void planet2DatesAnEditedPostByItsUpdatedDateToo() throws Exception {
        assertThat(orrery("run", config("new_feed_items = 0").toString())).isZero();

        assertThat(titles()).first().isEqualTo("A: A one, edited");
        assertThat(dayOf("A one, edited")).isEqualTo("February 14, 2026");
    }

    private List<String> titles() throws Exception {
        return Jsoup.parse(dir.resolve("output/index.html"))
                .select("article.h-entry h3")
                .eachText();
    }

    private List<String> feedTitles() throws Exception {
        return Jsoup.parse(Files.readString(dir.resolve("output/atom.xml")), "", org.jsoup.parser.Parser.xmlParser())
                .select("entry > title")
                .eachText();
    }

    private String dayOf(String title) throws Exception {
        var article = Jsoup.parse(dir.resolve("output/index.html")).select("article.h-entry").stream()
                .filter(a -> a.select("h3").text().endsWith(title))
                .findFirst()
                .orElseThrow();
        return article.closest("section.day").selectFirst("h2").text();
    }

    private static int orrery(String... args) {
        return Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), args);
    }
}
