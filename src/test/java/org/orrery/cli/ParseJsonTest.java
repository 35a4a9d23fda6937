package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orrery.normalize.EntryNormalizer;
import org.orrery.parse.Html;
import org.orrery.parse.ParsedEntry;
import org.orrery.parse.ParsedFeed;
import org.orrery.sanitize.HtmlSanitizer;

class ParseJsonTest {
    private static final URI BASE = URI.create("http://example.com/feed.xml");

    private static String json(Optional<Html> content, Optional<Html> summary) throws IOException {
        var entry = new ParsedEntry(
                Optional.empty(),
                Optional.of("t"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                content,
                summary,
                List.of(),
                List.of());
        var feed = new ParsedFeed(
                "rss2.0",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(entry),
                List.of());
        var text = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
            new ParseJson(EntryNormalizer.sanitising(new HtmlSanitizer())).write(feed, g);
        }
        return text.toString();
    }

    /** acceptable_element_td and its siblings: feedparser reports such a body as "". */
    @Test
    void aBodyThatSanitisesToNothingIsEmptyNotAbsent() throws IOException {
        assertThat(json(Optional.empty(), Optional.of(new Html("<td></td>", BASE))))
                .contains("\"content\":\"\",\"summary\":null");
        assertThat(json(Optional.of(new Html("", BASE)), Optional.empty())).contains("\"content\":\"\"");
    }

    @Test
    void anEntryWithoutABodyHasNoContent() throws IOException {
        assertThat(json(Optional.empty(), Optional.empty())).contains("\"content\":null");
    }

    @Test
    void contentIsTheSanitisedBody() throws IOException {
        assertThat(json(Optional.of(new Html("<p onclick=\"x()\">hi</p>", BASE)), Optional.empty()))
                .contains("\"content\":\"<p>hi</p>\"");
    }
}
