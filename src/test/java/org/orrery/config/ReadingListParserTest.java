package org.orrery.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orrery.model.Subscription;

class ReadingListParserTest {
    private static List<Subscription> parse(ReadingList.Type type, String body) throws ConfigException {
        var list = new ReadingList(
                URI.create("http://example.org/lists/list"), type, Map.of("content_type", "x", "face", "f.png"));
        return ReadingListParser.parse(list, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void opmlOutlinesWithAFeedUrlAreSubscriptionsAtAnyDepth() throws Exception {
        var subs = parse(
                ReadingList.Type.OPML,
                """
                <opml version="1.0"><body>
                  <outline text="Python">
                    <outline type="rss" text="Alice &amp; Co" xmlUrl="http://alice.example/feed"/>
                    <outline title="Bob" xmlurl="bob.xml"/>
                    <outline type="link" text="A page" url="http://page/"/>
                    <outline type="rss" text="No URL"/>
                  </outline>
                </body></opml>""");
        assertThat(subs)
                .extracting(Subscription::feedUri, Subscription::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                URI.create("http://alice.example/feed"), Optional.of("Alice & Co")),
                        org.assertj.core.groups.Tuple.tuple(
                                URI.create("http://example.org/lists/bob.xml"), Optional.of("Bob")));
        assertThat(subs.get(0).options()).containsEntry("face", "f.png").doesNotContainKey("content_type");
    }

    @Test
    void foafWeblogsWithASeeAlsoAreSubscriptionsNamedByThePerson() throws Exception {
        var subs = parse(
                ReadingList.Type.FOAF,
                """
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                    xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#" xmlns:foaf="http://xmlns.com/foaf/0.1/"
                    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:rss="http://purl.org/rss/1.0/">
                  <foaf:Group><foaf:member><foaf:Agent>
                    <foaf:name>Carol</foaf:name>
                    <foaf:weblog><foaf:Document rdf:about="http://carol/">
                      <dc:title>Carol's blog</dc:title>
                      <rdfs:seeAlso><rss:channel rdf:about="http://carol/feed"/></rdfs:seeAlso>
                    </foaf:Document></foaf:weblog>
                  </foaf:Agent></foaf:member>
                  <foaf:member><foaf:Person><foaf:weblog><foaf:Document>
                      <dc:title>Dan's</dc:title><rdfs:seeAlso rdf:resource="http://dan/rss"/>
                  </foaf:Document></foaf:weblog></foaf:Person></foaf:member></foaf:Group>
                </rdf:RDF>""");
        assertThat(subs)
                .extracting(Subscription::feedUri, Subscription::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(URI.create("http://carol/feed"), Optional.of("Carol")),
                        org.assertj.core.groups.Tuple.tuple(URI.create("http://dan/rss"), Optional.of("Dan's")));
    }

    @Test
    void csvFirstColumnIsTheFeedAndTheOthersOptions() throws Exception {
        var subs = parse(
                ReadingList.Type.CSV,
                "url,name,face\r\nhttp://e/feed,\"Eve, the \"\"first\"\"\",eve.png\nhttp://f/feed,Frank,\n\n");
        assertThat(subs)
                .extracting(Subscription::feedUri)
                .containsExactly(URI.create("http://e/feed"), URI.create("http://f/feed"));
        assertThat(subs.get(0).name()).contains("Eve, the \"first\"");
        assertThat(subs.get(0).options()).containsEntry("face", "eve.png");
        assertThat(subs.get(1).options()).containsEntry("face", "f.png");
    }

    @Test
    void configListSectionsAreSubscriptions() throws Exception {
        var subs = parse(ReadingList.Type.CONFIG, "[Planet]\nname = ignored\n[http://g/feed]\nname = Grace\n");
        assertThat(subs).singleElement().satisfies(s -> {
            assertThat(s.feedUri()).isEqualTo(URI.create("http://g/feed"));
            assertThat(s.name()).contains("Grace");
        });
    }

    @Test
    void brokenXmlIsAConfigErrorNamingTheList() {
        assertThatThrownBy(() -> parse(ReadingList.Type.OPML, "<opml><body>"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http://example.org/lists/list");
        assertThatThrownBy(() -> parse(
                        ReadingList.Type.OPML,
                        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><opml>&e;</opml>"))
                .isInstanceOf(ConfigException.class);
    }
}
