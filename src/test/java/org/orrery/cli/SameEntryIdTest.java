package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An entry two feeds carry (a blog's feed and its category feed) is published once, as Venus did. */
class SameEntryIdTest {
    @TempDir
    Path dir;

    private FeedServer server;
    private Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        server = new FeedServer("same-id");
        config = Files.writeString(
                dir.resolve("config.ini"),
                """
                [Planet]
                name = Same ids
                cache_directory = %s
                output_dir = %s

                [%s]
                name = Moshe Zadka

                [%s]
                name = Moshe on Python
                """
                        .formatted(
                                dir.resolve("cache"),
                                dir.resolve("output"),
                                server.url("moshe.atom"),
                                server.url("python.atom")));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void showsAnEntryTwoFeedsCarryOnceOnThePageAndInTheFeeds() throws Exception {
        var run = CliRun.of("run", config.toString());

        assertThat(run.status()).isZero();
        assertThat(Jsoup.parse(dir.resolve("output/index.html"))
                        .select("article.h-entry h3")
                        .eachText())
                .filteredOn(h -> h.contains("NColony"))
                .hasSize(1);
        var atom = Jsoup.parse(Files.readString(dir.resolve("output/atom.xml")), "", Parser.xmlParser());
        assertThat(atom.select("entry > id").eachText())
                .containsExactlyInAnyOrder(
                        "tag:moshe.example.org,2017:ncolony-17.9.0",
                        "tag:moshe.example.org,2017:category-only",
                        "tag:moshe.example.org,2017:text");
        var rss = Jsoup.parse(Files.readString(dir.resolve("output/rss20.xml")), "", Parser.xmlParser());
        assertThat(rss.select("item > guid").eachText())
                .filteredOn(g -> g.contains("ncolony"))
                .hasSize(1);
    }
}
