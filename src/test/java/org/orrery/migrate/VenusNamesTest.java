package org.orrery.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cache file names Venus gives ids and feed URLs, as its own {@code spider.filename} gave them. */
class VenusNamesTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '\t',
            textBlock =
                    """
            tag:planet.intertwingly.net,2006:testfeed1/1	planet.intertwingly.net,2006,testfeed1,1
            http://example.com/3	example.com,3
            tests/data/spider/testfeed1b.atom	tests,data,spider,testfeed1b.atom
            https://www.example.org/feed?a=1|b:2/	example.org,feed,a=1,b,2
            http://xn--caf-dma.example/	xn--caf-dma.example
            http://café.example.org/blog/feed	xn--http,caf-k7a.example.org,blog,feed
            """)
    void namesFilesAsVenusDid(String name, String file) {
        assertThat(VenusNames.of(name)).isEqualTo(file);
    }

    @org.junit.jupiter.api.Test
    void shortensLongNamesWithAnMd5OfTheirTail() {
        var url = new StringBuilder("http://example.org");
        for (int i = 0; i < 30; i++) {
            url.append("/segment%02d".formatted(i));
        }

        assertThat(VenusNames.of(url.toString()))
                .isEqualTo("example.org,segment00,segment01,segment02,segment03,segment04,segment05,segment06,"
                        + "segment07,segment08,segment09,segment10,segment11,segment12,segment13,segment14,segment15,"
                        + "segment16,segment17,segment18,segment19,7c795b2b41f4bf6dbf5851b9271491df");
    }
}
