package org.orrery.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpmlOutlinesTest {
    @Test
    void readsEveryOutlineWithAFeedUrlAtAnyDepthInAnyCase() throws Exception {
        List<OpmlOutlines.Feed> feeds = OpmlOutlines.read(resource("reader-export.opml"), "reader-export.opml");

        assertThat(feeds)
                .extracting(OpmlOutlines.Feed::xmlUrl)
                .containsExactly(
                        "https://glyph.example.org/feeds/all.atom.xml",
                        "https://moshe.example.org/feed.atom",
                        "https://itamar.example.org/rss.xml",
                        "https://untyped.example.org/feed",
                        "http://named-by-url.example.org/rss");
    }

    @Test
    void namesAFeedByItsTitleElseItsTextButNotByItsUrl() throws Exception {
        List<OpmlOutlines.Feed> feeds = OpmlOutlines.read(resource("reader-export.opml"), "reader-export.opml");

        assertThat(feeds)
                .extracting(OpmlOutlines.Feed::name)
                .containsExactly(
                        Optional.of("Deciphering Glyph"),
                        Optional.of("Moshe & friends"),
                        Optional.of("Itamar"),
                        Optional.of("no type, still a feed"),
                        Optional.empty());
    }

    @Test
    void readsWhatItCanOfBrokenMarkup() throws Exception {
        List<OpmlOutlines.Feed> feeds = OpmlOutlines.read(resource("broken.opml"), "broken.opml");

        assertThat(feeds)
                .extracting(OpmlOutlines.Feed::xmlUrl)
                .containsExactly(
                        "https://cafe.example.org/feed?a=1&b=2",
                        "https://unclosed.example.org/rss",
                        "https://single.example.org/atom",
                        "/feed.xml",
                        "file:///etc/passwd");
        assertThat(feeds.getFirst().name()).contains("Café au lait");
        assertThat(feeds.get(3).uri()).as("relative").isEmpty();
        assertThat(feeds.get(4).uri()).as("not http").isEmpty();
        assertThat(feeds.get(2).uri()).map(Object::toString).contains("https://single.example.org/atom");
    }

    @Test
    void decodesTheCharsetTheDeclarationNames() throws Exception {
        List<OpmlOutlines.Feed> feeds = OpmlOutlines.read(resource("latin1.opml"), "latin1.opml");

        assertThat(feeds).extracting(OpmlOutlines.Feed::name).containsExactly(Optional.of("Café"));
    }

    @Test
    void refusesADocumentThatIsNotOpml() {
        assertThatThrownBy(() -> OpmlOutlines.read(resource("page.html"), "page.html"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("page.html: not an OPML document (its root element is <html>)");
        assertThatThrownBy(() -> OpmlOutlines.read("just text".getBytes(StandardCharsets.UTF_8), "notes.txt"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("notes.txt: not an OPML document (no XML element in it)");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OpmlOutlinesTest.class.getResourceAsStream("/config/opml/" + name)) {
            return in.readAllBytes();
        }
    }
}
