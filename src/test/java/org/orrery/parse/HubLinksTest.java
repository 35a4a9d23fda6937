package org.orrery.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HubLinksTest {
    private static final URI BASE = URI.create("https://blog.example.org/feed/");

    @Test
    void readsTheHubAndSelfOfAnAtomFeedNotThoseOfItsEntries() {
        var links = HubLinks.of(
                List.of(),
                bytes("<feed xmlns='http://www.w3.org/2005/Atom'><title>t</title>"
                        + "<link rel='hub' href='https://hub.example.net/'/><link rel='self' href='atom.xml'/>"
                        + "<entry><link rel='hub' href='https://elsewhere.example/'/></entry></feed>"),
                BASE);

        assertThat(links.hubs()).containsExactly(URI.create("https://hub.example.net/"));
        assertThat(links.self()).contains(URI.create("https://blog.example.org/feed/atom.xml"));
    }

    @Test
    void readsAtomLinksInAnRssChannel() {
        var links = HubLinks.of(
                List.of(),
                bytes("<rss version='2.0' xmlns:atom='http://www.w3.org/2005/Atom'>"
                        + "<channel><title>t</title><atom:link rel='self' href='https://blog.example.org/rss'/>"
                        + "<atom:link rel='hub' href='https://a.example/'/><atom:link rel='hub' href='https://b.example/'/>"
                        + "<item><title>i</title></item></channel></rss>"),
                BASE);

        assertThat(links.hubs()).containsExactly(URI.create("https://a.example/"), URI.create("https://b.example/"));
        assertThat(links.self()).contains(URI.create("https://blog.example.org/rss"));
    }

    @Test
    void preferstheLinkHeaderToTheDocument() {
        var links = HubLinks.of(
                List.of("<https://hub.example.net/>; rel=\"hub\", <https://blog.example.org/topic>; rel=self"),
                bytes(
                        "<feed xmlns='http://www.w3.org/2005/Atom'><link rel='hub' href='https://other.example/'/></feed>"),
                BASE);

        assertThat(links.hubs()).containsExactly(URI.create("https://hub.example.net/"));
        assertThat(links.self()).contains(URI.create("https://blog.example.org/topic"));
    }

    @Test
    void namesNoHubForAFeedWithoutOneOrForWhatIsNotXml() {
        assertThat(HubLinks.of(List.of("<https://x.example/>; rel=\"next\""), bytes("<rss><channel/></rss>"), BASE))
                .isEqualTo(HubLinks.NONE);
        assertThat(HubLinks.of(List.of(), bytes("{\"version\": \"https://jsonfeed.org/version/1.1\"}"), BASE)
                        .hubs())
                .isEmpty();
        assertThat(HubLinks.of(List.of(), bytes("not a feed at all"), BASE)).isEqualTo(HubLinks.NONE);
        // Only http(s) hubs: a feed cannot send the subscriber to a file or a script.
        assertThat(HubLinks.of(
                                List.of(),
                                bytes(
                                        "<feed xmlns='http://www.w3.org/2005/Atom'><link rel='hub' href='file:///etc/passwd'/></feed>"),
                                BASE)
                        .hubs())
                .isEmpty();
    }

    @Test
    void readsAJsonFeedsWebSubHubsAndFeedUrl() {
        var links = HubLinks.of(
                List.of(),
                bytes("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"t\","
                        + " \"items\": [{\"id\": \"1\", \"hubs\": [{\"type\": \"WebSub\", \"url\": \"https://no.example/\"}]}],"
                        + " \"feed_url\": \"https://blog.example.org/feed.json\","
                        + " \"hubs\": [{\"type\": \"rssCloud\", \"url\": \"https://cloud.example/\"},"
                        + " {\"type\": \"WebSub\", \"url\": \"https://hub.example.net/\"}]}"),
                BASE);

        assertThat(links.hubs()).containsExactly(URI.create("https://hub.example.net/"));
        assertThat(links.self()).contains(URI.create("https://blog.example.org/feed.json"));
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
