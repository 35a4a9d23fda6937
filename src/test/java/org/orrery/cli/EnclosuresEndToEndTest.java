package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Podcast planets: the files attached to entries reach every output. */
class EnclosuresEndToEndTest {
    @TempDir
    Path dir;

    private static final String PODCAST =
            """
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
            <channel><title>Talk Python</title><link>https://talk.example/</link>
            <item><title>Episode 12</title><link>https://talk.example/12</link><guid>https://talk.example/12</guid>
              <pubDate>Tue, 19 Sep 2017 22:00:00 GMT</pubDate><description>Show notes</description>
              <enclosure url="https://cdn.talk.example/12.mp3" length="31415926" type="audio/mpeg"/></item>
            <item><title>Episode 11</title><link>https://talk.example/11</link><guid>https://talk.example/11</guid>
              <pubDate>Mon, 18 Sep 2017 22:00:00 GMT</pubDate><description>Notes</description>
              <enclosure url="javascript:alert(1)" length="1" type="audio/mpeg"/></item>
            </channel></rss>
            """;

    private static final String PHOTOS =
            """
            <?xml version="1.0"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Photos</title><id>tag:photos.example,2017:feed</id>
            <updated>2017-09-19T10:00:00Z</updated>
            <entry><title>Sunset</title><id>tag:photos.example,2017:sunset</id><updated>2017-09-19T10:00:00Z</updated>
              <link rel="alternate" href="https://photos.example/sunset"/>
              <link rel="enclosure" href="https://photos.example/sunset.jpg" type="image/jpeg" length="2048"/>
              <content type="html">A sunset</content></entry>
            </feed>
            """;

    @Test
    void attachedFilesArePublishedInPagesAndFeedsAndScriptOnesAreNot() throws Exception {
        Files.writeString(dir.resolve("podcast.rss"), PODCAST);
        Files.writeString(dir.resolve("photos.atom"), PHOTOS);
        Path config = Files.writeString(
                dir.resolve("config.ini"),
                """
                [Planet]
                name = Planet Podcasts
                link = https://planet.example/
                cache_directory = %s
                output_dir = %s

                [%s]
                name = Talk Python

                [%s]
                name = Photos
                """
                        .formatted(
                                dir.resolve("cache"),
                                dir.resolve("output"),
                                dir.resolve("podcast.rss"),
                                dir.resolve("photos.atom")));

        var run = CliRun.of("run", config.toString());

        assertThat(run.status()).as(run.err()).isZero();
        Path output = dir.resolve("output");
        var index = Jsoup.parse(Files.readString(output.resolve("index.html")));
        assertThat(index.select("audio").eachAttr("src")).containsExactly("https://cdn.talk.example/12.mp3");
        assertThat(index.select("ul.enclosures img").eachAttr("src"))
                .containsExactly("https://photos.example/sunset.jpg");
        assertThat(index.select("a.u-enclosure").eachAttr("href"))
                .containsExactly("https://cdn.talk.example/12.mp3", "https://photos.example/sunset.jpg");

        var rss = Jsoup.parse(Files.readString(output.resolve("rss20.xml")), "", Parser.xmlParser());
        assertThat(rss.select("item enclosure"))
                .extracting(e -> e.attr("url") + " " + e.attr("length") + " " + e.attr("type"))
                .containsExactlyInAnyOrder(
                        "https://cdn.talk.example/12.mp3 31415926 audio/mpeg",
                        "https://photos.example/sunset.jpg 2048 image/jpeg");

        var atom = Jsoup.parse(Files.readString(output.resolve("atom.xml")), "", Parser.xmlParser());
        assertThat(atom.select("entry > link[rel=enclosure]").eachAttr("href"))
                .containsExactlyInAnyOrder("https://cdn.talk.example/12.mp3", "https://photos.example/sunset.jpg");
        assertThat(atom.select("entry > link[rel=enclosure][type=image/jpeg]").attr("length"))
                .isEqualTo("2048");

        var json = new ObjectMapper().readTree(Files.readString(output.resolve("feed.json")));
        var attachments = new java.util.ArrayList<String>();
        json.get("items").forEach(item -> {
            if (item.has("attachments")) {
                item.get("attachments")
                        .forEach(a -> attachments.add(
                                a.get("url").asText() + " " + a.get("mime_type").asText() + " "
                                        + a.path("size_in_bytes").asLong()));
            }
        });
        assertThat(attachments)
                .containsExactlyInAnyOrder(
                        "https://cdn.talk.example/12.mp3 audio/mpeg 31415926",
                        "https://photos.example/sunset.jpg image/jpeg 2048");

        for (String file : new String[] {"index.html", "rss20.xml", "atom.xml", "feed.json"}) {
            assertThat(Files.readString(output.resolve(file), StandardCharsets.UTF_8))
                    .doesNotContain("javascript:");
        }
    }
}
