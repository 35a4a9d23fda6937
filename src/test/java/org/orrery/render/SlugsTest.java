package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Slugs as docs/themes.md describes them: one category per spelling, readable, stable. */
class SlugsTest {
    @Test
    void spellingsOfOneCategoryShareASlug() {
        assertThat(Slugs.tag("Web Development")).isEqualTo("web-development");
        assertThat(Slugs.tag("web_development")).isEqualTo("web-development");
        assertThat(Slugs.tag("  WEB   development ")).isEqualTo("web-development");
        assertThat(Slugs.tag("Café")).isEqualTo(Slugs.tag("cafe")).isEqualTo("cafe");
        assertThat(Slugs.tag("Straße")).isEqualTo("strasse");
    }

    @Test
    void languagesThatLookAlikeStayApart() {
        assertThat(Slugs.tag("C++")).isEqualTo("c-plus-plus");
        assertThat(Slugs.tag("C#")).isEqualTo("c-sharp");
        assertThat(Slugs.tag("C")).isEqualTo("c");
    }

    @Test
    void aCategoryWithoutAnAsciiFormKeepsADigestAndIsTheSameEveryTime() {
        String japanese = Slugs.tag("日本語");
        assertThat(japanese).matches("[0-9a-f]{8}|tag-[0-9a-f]{8}");
        assertThat(Slugs.tag("日本語")).isEqualTo(japanese);
        assertThat(Slugs.tag("中文")).isNotEqualTo(japanese);
        assertThat(Slugs.tag("Ruby 日本")).matches("ruby-[0-9a-f]{8}");
    }

    @Test
    void aFeedsSlugIsItsHostAndPathThenDigits() {
        assertThat(Slugs.feed(URI.create("https://www.blog.example.org/feed.xml")))
                .matches("blog-example-org-feed-xml-[0-9a-f]{8}");
        assertThat(Slugs.feed(URI.create("http://blog.example.org/feed.xml")))
                .isNotEqualTo(Slugs.feed(URI.create("https://blog.example.org/feed.xml")));
        assertThat(Slugs.feed(URI.create("file:///srv/feeds/Écrits.atom"))).matches("ecrits-atom-[0-9a-f]{8}");
    }
}
