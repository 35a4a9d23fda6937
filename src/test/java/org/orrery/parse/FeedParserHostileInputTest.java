package org.orrery.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Documents made to keep the parser busy: each is read in time linear in its size. The timeouts
 * only prove that parsing finishes; each of these documents took minutes before.
 */
class FeedParserHostileInputTest {
    private static final URI BASE = URI.create("https://example.org/feed");

    private final FeedParser parser = new FeedParser();

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void readsAFeedWhoseDtdHoldsAQuarterMillionUnclosedComments() throws FeedParseException {
        String document = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY junk \"" + "<!--".repeat(250_000)
                + "\"><!ENTITY who \"Ada\">]>"
                + "<rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>by &who;</title><link>https://example.org/1</link></item></channel></rss>";

        ParsedFeed feed = parser.parse(document.getBytes(UTF_8), BASE, Optional.empty());

        assertThat(feed.entries()).singleElement().satisfies(e -> assertThat(e.title())
                .contains("by Ada"));
    }

    @Test
    void aDeclarationInsideACommentOrAnotherLiteralDeclaresNothing() throws FeedParseException {
        String document = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!-- <!ENTITY who \"Eve\"> -->"
                + "<!ATTLIST rss note CDATA \"<!ENTITY who 'Mallory'>\"><!ENTITY who \"Ada\">]>"
                + "<rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>by &who;</title><link>https://example.org/1</link></item></channel></rss>";

        ParsedFeed feed = parser.parse(document.getBytes(UTF_8), BASE, Optional.empty());

        assertThat(feed.entries()).singleElement().satisfies(e -> assertThat(e.title())
                .contains("by Ada"));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void readsItemsWhoseAuthorsAreLongRunsOfAddressLikeText() throws FeedParseException {
        StringBuilder items = new StringBuilder();
        for (String author : new String[] {"(a@".repeat(20_000), "a@a(".repeat(15_000), "Ada <ada@example.org>"}) {
            items.append("<item><title>t</title><author>")
                    .append(author.replace("<", "&lt;"))
                    .append("</author></item>");
        }
        String document = "<rss version=\"2.0\"><channel><title>t</title>" + items + "</channel></rss>";

        ParsedFeed feed = parser.parse(document.getBytes(UTF_8), BASE, Optional.empty());

        assertThat(feed.entries()).hasSize(3);
        assertThat(feed.entries().get(2).author()).contains("Ada");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void readsItemsWhoseDatesAreLongRunsOfSpacesWarningBriefly() throws FeedParseException {
        String date = "Mon" + " ".repeat(200_000) + "x";
        String document = "<rss version=\"2.0\"><channel><title>t</title>" + "<item><title>t</title><pubDate>" + date
                + "</pubDate></item></channel></rss>";

        ParsedFeed feed = parser.parse(document.getBytes(UTF_8), BASE, Optional.empty());

        assertThat(feed.entries()).singleElement().satisfies(e -> assertThat(e.published())
                .isEmpty());
        assertThat(feed.warnings())
                .singleElement()
                .asString()
                .contains("unreadable date")
                .hasSizeLessThan(400);
    }

    static String rss(int items, String item) {
        StringBuilder document = new StringBuilder("<rss version=\"2.0\"><channel>");
        for (int i = 1; i <= items; i++) {
            document.append(item.replace("N", Integer.toString(i)));
        }
        return document.append("<title>Told last</title></channel></rss>").toString();
    }

    @Test
    void keepsTheFirstEntriesOfAFeedOverTheLimitAndSaysHowManyThereWere() throws FeedParseException {
        String document = rss(5, "<item><title>N</title><guid>urn:N</guid></item>");

        ParsedFeed feed = parser.parse(
                document.getBytes(UTF_8),
                BASE,
                Optional.empty(),
                new ParseLimits(2, Duration.ofMinutes(1), InstantSource.system()));

        assertThat(feed.entries()).map(e -> e.title().orElseThrow()).containsExactly("1", "2");
        assertThat(feed.title()).contains("Told last");
        assertThat(feed.warnings()).containsExactly("the feed has 5 entries; only the first 2 are read");
    }

    @Test
    void keepsTheFirstItemsOfAJsonFeedOverTheLimit() throws FeedParseException {
        String document = "{\"items\": [" + "{\"id\": \"1\"}, {\"id\": \"2\"}, 7, {\"id\": \"3\"}, {}]"
                + ", \"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Told last\""
                + ", \"items\": [{\"id\": \"again\"}]}";

        ParsedFeed feed = parser.parse(
                document.getBytes(UTF_8),
                BASE,
                Optional.empty(),
                new ParseLimits(2, Duration.ofMinutes(1), InstantSource.system()));

        assertThat(feed.entries()).map(e -> e.id().orElseThrow()).containsExactly("1", "2");
        assertThat(feed.title()).contains("Told last");
        assertThat(feed.warnings()).containsExactly("the feed has 4 entries; only the first 2 are read");
    }

    /** A clock a second later each time it is read. */
    static final class Ticking implements InstantSource {
        private Instant now = Instant.parse("2026-03-01T12:00:00Z");

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }
    }

    @Test
    void failsAParseThatTakesLongerThanItsTime() {
        String document = rss(100, "<item><title>N</title></item>");

        assertThatThrownBy(() -> parser.parse(
                        document.getBytes(UTF_8),
                        BASE,
                        Optional.empty(),
                        new ParseLimits(1000, Duration.ofSeconds(5), new Ticking())))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("parse took longer than 5 s");
    }

    @Test
    void failsAMalformedDocumentReadLenientlyThatTakesLongerThanItsTime() {
        String document = rss(100, "<item><title>N & co</title></item>");

        assertThatThrownBy(() -> parser.parse(
                        document.getBytes(UTF_8),
                        BASE,
                        Optional.empty(),
                        new ParseLimits(1000, Duration.ofSeconds(5), new Ticking())))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("parse took longer than 5 s");
    }
}
