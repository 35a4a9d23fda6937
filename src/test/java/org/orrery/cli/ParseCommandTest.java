package org.orrery.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
    private static final String FEED = "<rss version=\"2.0\"><channel><title>T</title>"
            + "<item><title>one</title></item><item><title>two</title></item></channel></rss>";

    private final JsonFactory json = new JsonFactory();

    @TempDir
    Path dir;

    @Test
    void printsEntriesAndTheFeedsFieldsAsJson() throws IOException {
        Path feed = Files.writeString(dir.resolve("feed.xml"), FEED, UTF_8);
        var out = new StringWriter();
        int status = Main.execute(
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true),
                "parse",
                "--json",
                feed.toString());

        assertThat(status).isZero();
        String view = wellFormed(out.toString());
        assertThat(view)
                .contains("\"format\" : \"rss2.0\"")
                .contains("\"title\" : \"T\"")
                .containsSubsequence("\"entries\"", "\"title\" : \"one\"", "\"title\" : \"two\"")
                .contains("\"warnings\" : [ ]");
    }

    @Test
    void showsThePublishingAttributesOnlyWhenAskedFor() throws IOException {
        Path feed = Files.writeString(
                dir.resolve("links.xml"),
                "<rss version=\"2.0\"><channel><title>T</title><item><description>"
                        + "&lt;a href=\"/post\" onclick=\"x()\"&gt;post&lt;/a&gt;&lt;img src=\"/i.png\"&gt;"
                        + "</description></item></channel></rss>",
                UTF_8);
        var plain = new StringWriter();
        var published = new StringWriter();
        var err = new PrintWriter(new StringWriter(), true);
        String base = "http://example.com/feed";
        Main.execute(new PrintWriter(plain, true), err, "parse", "--json", "--base-url", base, feed.toString());
        Main.execute(
                new PrintWriter(published, true),
                err,
                "parse",
                "--json",
                "--published",
                "--base-url",
                base,
                feed.toString());

        assertThat(wellFormed(plain.toString()))
                .contains("<a href=\\\"http://example.com/post\\\">post</a><img src=\\\"http://example.com/i.png\\\">")
                .doesNotContain("onclick");
        assertThat(wellFormed(published.toString()))
                .contains("<a href=\\\"http://example.com/post\\\" rel=\\\"noopener noreferrer\\\">post</a>")
                .contains("loading=\\\"lazy\\\"")
                .doesNotContain("onclick");
    }

    @Test
    void summarisesEntriesThenTheFeed() {
        var out = new StringWriter();
        Path feed = dir.resolve("feed.xml");
        try {
            Files.writeString(feed, FEED, UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        Main.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "parse", feed.toString());

        assertThat(out.toString())
                .contains("  - one")
                .contains("  - two")
                .contains("rss2.0 feed: T")
                .contains("2 entries");
    }

    @Test
    void writesAnErrorObjectForEachUnusableFileOfABatch() throws IOException {
        Path good = Files.writeString(dir.resolve("good.xml"), FEED, UTF_8);
        Path notFeed = Files.writeString(dir.resolve("page.xml"), "<html><p>hi</p></html>", UTF_8);
        Path list = Files.writeString(
                dir.resolve("batch.tsv"),
                String.join(
                        "\n",
                        good + "\t\t" + dir.resolve("good.json"),
                        notFeed + "\t\t" + dir.resolve("page.json"),
                        dir.resolve("missing.xml") + "\t\t" + dir.resolve("missing.json")),
                UTF_8);
        var err = new StringWriter();
        int status = Main.execute(
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true),
                "parse",
                "--batch",
                list.toString());

        assertThat(status).isZero();
        assertThat(wellFormed(Files.readString(dir.resolve("good.json"))))
                .containsSubsequence("\"entries\":[{", "\"title\":\"one\"", "\"title\":\"two\"", "],\"format\"");
        assertThat(wellFormed(Files.readString(dir.resolve("page.json")))).startsWith("{\"error\":\"not a feed");
        assertThat(wellFormed(Files.readString(dir.resolve("missing.json")))).contains("cannot read");
        assertThat(err.toString()).contains("3 files, 2 without a usable feed");
    }

    /** {@code text}, once it has parsed as one JSON value. */
    private String wellFormed(String text) throws IOException {
        try (JsonParser p = json.createParser(text)) {
            p.nextToken();
            p.skipChildren();
            assertThat(p.nextToken()).isNull();
        }
        return text;
    }
}
