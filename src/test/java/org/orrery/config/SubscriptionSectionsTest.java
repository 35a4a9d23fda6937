package org.orrery.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionSectionsTest {
    @TempDir
    Path dir;

    @Test
    void writesANameThatReadsBackUnchanged() throws Exception {
        String section = SubscriptionSections.section(
                URI.create("https://a.example.org/feed"), Optional.of("  Jane\n Doe ; the blog "));
        Path config = Files.writeString(dir.resolve("config.ini"), "[Planet]\nname = P\n\n" + section);

        assertThat(section).isEqualTo("[https://a.example.org/feed]\nname = Jane Doe; the blog\n");
        assertThat(ConfigLoader.load(List.of(config)).subscriptions().getFirst().name())
                .contains("Jane Doe; the blog");
    }

    @Test
    void writesANameHoldingACharacterReferenceAsTextSoThatItReadsBackAsGiven() throws Exception {
        // Names are read with character references decoded; a title that shows one must keep it.
        String title = "Tom &amp; Jerry on &#0 and &lt;b&gt;, AT&T";
        String section = SubscriptionSections.section(URI.create("https://a.example.org/feed"), Optional.of(title));
        Path config = Files.writeString(dir.resolve("config.ini"), "[Planet]\nname = P\n\n" + section);

        assertThat(ConfigLoader.load(List.of(config)).subscriptions().getFirst().name())
                .contains(title);
        assertThat(SubscriptionSections.section(URI.create("https://a.example.org/feed"), Optional.of("AT&T")))
                .isEqualTo("[https://a.example.org/feed]\nname = AT&T\n");
    }

    @Test
    void leavesOutAnEmptyName() {
        assertThat(SubscriptionSections.section(URI.create("https://a.example.org/feed"), Optional.of(" ")))
                .isEqualTo("[https://a.example.org/feed]\n");
    }

    @Test
    void appendsAfterABlankLineKeepingCommentsAndLayout() throws Exception {
        String before = "# My planet\n[Planet]\nname = P   ; spaced\n\n[https://a.example.org/]\n  ; a note";
        Path config = Files.writeString(dir.resolve("config.ini"), before);

        SubscriptionSections.append(
                config,
                List.of(
                        SubscriptionSections.section(URI.create("https://b.example.org/"), Optional.of("B")),
                        SubscriptionSections.section(URI.create("https://c.example.org/"), Optional.empty())));

        assertThat(Files.readString(config))
                .isEqualTo(before + "\n\n[https://b.example.org/]\nname = B\n\n[https://c.example.org/]\n");
    }

    @Test
    void keepsTheFilesLineEndingsAndEncoding() throws Exception {
        Charset cp1252 = Charset.forName("windows-1252");
        Path config = dir.resolve("config.ini");
        Files.writeString(config, "[Planet]\r\nname = Planète\r\n", cp1252);

        SubscriptionSections.append(
                config,
                List.of(SubscriptionSections.section(URI.create("https://b.example.org/"), Optional.of("Café"))));

        assertThat(Files.readString(config, cp1252))
                .isEqualTo("[Planet]\r\nname = Planète\r\n\r\n[https://b.example.org/]\r\nname = Café\r\n");
        assertThat(ConfigLoader.load(List.of(config)).subscriptions().getFirst().name())
                .contains("Café");
    }

    @Test
    void givesSpellingsOfOneFeedTheSameKey() {
        assertThat(SubscriptionSections.sameFeedKey(URI.create("HTTPS://Blog.Example.ORG:443/feed#top")))
                .isEqualTo(SubscriptionSections.sameFeedKey(URI.create("https://blog.example.org/feed")));
        assertThat(SubscriptionSections.sameFeedKey(URI.create("http://example.org")))
                .isEqualTo(SubscriptionSections.sameFeedKey(URI.create("http://example.org:80/")));
        assertThat(SubscriptionSections.sameFeedKey(URI.create("https://example.org/Feed")))
                .isNotEqualTo(SubscriptionSections.sameFeedKey(URI.create("https://example.org/feed")));
        assertThat(SubscriptionSections.sameFeedKey(URI.create("https://example.org/feed?a=1")))
                .isNotEqualTo(SubscriptionSections.sameFeedKey(URI.create("https://example.org/feed")));
    }

    @Test
    void refusesAUrlASectionHeaderCannotHold() {
        assertThat(SubscriptionSections.canName(URI.create("http://[::1]/feed")))
                .isFalse();
        assertThat(SubscriptionSections.canName(URI.create("http://example.org/feed")))
                .isTrue();
    }
}
