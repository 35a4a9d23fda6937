package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputEncodingTest {
    @Test
    void utf8IsTheDefaultAndWritesEverythingAsIs() {
        assertThat(OutputEncoding.of(null)).isEqualTo(OutputEncoding.UTF_8);
        assertThat(OutputEncoding.of(" UTF8 ")).isEqualTo(OutputEncoding.UTF_8);
        assertThat(OutputEncoding.UTF_8.encode("東京 😀")).isEqualTo("東京 😀".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anotherCharsetGetsCharacterReferencesForWhatItCannotEncode() {
        OutputEncoding cp1252 = OutputEncoding.of("windows-1252");
        assertThat(cp1252.label()).isEqualTo("windows-1252");
        byte[] bytes = cp1252.encode("“naïve” 東 😀");
        assertThat(new String(bytes, Charset.forName("windows-1252"))).isEqualTo("“naïve” &#26481; &#128512;");
    }

    @Test
    void xmlIsAsciiWithCharacterReferences() {
        OutputEncoding xml = OutputEncoding.of("xml");
        assertThat(xml.label()).isEqualTo("us-ascii");
        assertThat(new String(xml.encode("café"), StandardCharsets.US_ASCII)).isEqualTo("caf&#233;");
    }

    @Test
    void jsonAndOtherFilesStayUtf8() {
        OutputEncoding latin1 = OutputEncoding.of("iso-8859-1");
        assertThat(latin1.encode("feed.json", "東")).isEqualTo("東".getBytes(StandardCharsets.UTF_8));
        assertThat(latin1.encode("page/2/index.html", "東")).isEqualTo("&#26481;".getBytes(StandardCharsets.US_ASCII));
    }
}
