package org.orrery.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IniFileTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private IniFile ini(String text) throws IOException, ConfigException {
        return IniFile.read(List.of(write("config.ini", text)));
    }

    @Test
    void splitsOnTheFirstEqualsOrColonAndLowerCasesKeys() throws Exception {
        IniFile ini = ini("[http://example.org/feed?a=b]\nName = A: B\nLink: http://x/?y=z\n");
        assertThat(ini.sections()).containsExactly("http://example.org/feed?a=b");
        assertThat(ini.get("http://example.org/feed?a=b", "name")).contains("A: B");
        assertThat(ini.get("http://example.org/feed?a=b", "LINK")).contains("http://x/?y=z");
    }

    @Test
    void sectionNamesAreCaseSensitive() throws Exception {
        IniFile ini = ini("[Planet]\nname = a\n[planet]\nname = b\n");
        assertThat(ini.sections()).containsExactly("Planet", "planet");
        assertThat(ini.get("Planet", "name")).contains("a");
    }

    @Test
    void everySectionInheritsDefault() throws Exception {
        IniFile ini = ini("[DEFAULT]\nfacewidth = 65\n[a]\nname = A\n[b]\nfacewidth = 40\n");
        assertThat(ini.sections()).containsExactly("a", "b");
        assertThat(ini.items("a")).containsEntry("facewidth", "65").containsEntry("name", "A");
        assertThat(ini.get("b", "facewidth")).contains("40");
        assertThat(ini.ownKeys("a")).containsExactly("name");
    }

    @Test
    void joinsIndentedContinuationLinesWithNewlines() throws Exception {
        IniFile ini = ini("[Planet]\ntemplate_files:\n  a.tmpl\n# dropped\n  b.xslt\n\n  c.tmpl\n\nname = x\n");
        assertThat(ini.get("Planet", "template_files")).contains("\na.tmpl\nb.xslt\n\nc.tmpl");
        assertThat(ini.get("Planet", "name")).contains("x");
    }

    @Test
    void skipsFullLineCommentsAndKeepsHashesInsideValues() throws Exception {
        IniFile ini = ini("# top\n[a]\n; semi\n  # indented comment\nname = C# #1\n");
        assertThat(ini.items("a")).containsExactly(java.util.Map.entry("name", "C# #1"));
    }

    @Test
    void semicolonAfterWhitespaceStartsAnInlineComment() throws Exception {
        IniFile ini = ini("[a]\nname = Bob ; the builder\nlink = http://x/a;b\n");
        assertThat(ini.get("a", "name")).contains("Bob");
        assertThat(ini.get("a", "link")).contains("http://x/a;b");
    }

    @Test
    void mergesDuplicateSectionsAndLaterKeysWin() throws Exception {
        IniFile ini = ini("[a]\nname = 1\nx = 1\n[b]\n[a]\nname = 2\nname = 3\n");
        assertThat(ini.sections()).containsExactly("a", "b");
        assertThat(ini.items("a")).containsEntry("name", "3").containsEntry("x", "1");
    }

    @Test
    void laterFilesAddSectionsAndOverrideOptions() throws Exception {
        Path first = write("one.ini", "[Planet]\nname = One\nlink = http://one/\n");
        Path second = write("two.ini", "[Planet]\nname = Two\n[http://feed/]\n");
        IniFile ini = IniFile.read(List.of(first, second));
        assertThat(ini.items("Planet")).containsEntry("name", "Two").containsEntry("link", "http://one/");
        assertThat(ini.sections()).containsExactly("Planet", "http://feed/");
        assertThat(ini.origin("Planet", "name")).contains(new IniFile.Origin(second, 2));
    }

    @Test
    void interpolatesFromTheSectionThenDefault() throws Exception {
        IniFile ini =
                ini("[DEFAULT]\nhost = example.org\n[a]\nuser = bob\nhome = http://%(HOST)s/~%(user)s/%(__name__)s\n");
        assertThat(ini.get("a", "home")).contains("http://example.org/~bob/a");
    }

    @Test
    void leavesBarePercentAloneAndTurnsDoublePercentIntoOneWhenInterpolating() throws Exception {
        IniFile ini = ini("[a]\ndate_format = %B %d, %Y %%\ntz = UTC\nfull = %(tz)s %%Z %B\n");
        assertThat(ini.get("a", "date_format")).contains("%B %d, %Y %%");
        assertThat(ini.get("a", "full")).contains("UTC %Z %B");
    }

    @Test
    void missingReferenceNamesFileAndLine() throws Exception {
        IniFile ini = ini("[a]\n\nlink = %(nope)s\n");
        assertThatThrownBy(() -> ini.get("a", "link"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.ini:3:")
                .hasMessageContaining("%(nope)s");
    }

    @Test
    void interpolationLoopNamesFileAndLine() throws Exception {
        IniFile ini = ini("[a]\nx = %(y)s\ny = %(x)s\n");
        assertThatThrownBy(() -> ini.items("a"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.ini:")
                .hasMessageContaining("loop");
    }

    @Test
    void optionBeforeAnySectionIsAnError() {
        assertThatThrownBy(() -> ini("# hello\nname = x\n[Planet]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.ini:2:")
                .hasMessageContaining("before any section");
    }

    @Test
    void lineThatIsNoOptionIsAnErrorWithFileAndLine() {
        assertThatThrownBy(() -> ini("[a]\nname = x\njust some words\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.ini:3:")
                .hasMessageContaining("just some words");
    }

    @Test
    void readsLatin1FilesWhenTheyAreNotUtf8() throws Exception {
        Path file = dir.resolve("latin1.ini");
        Files.write(file, "[a]\nname = Fran\u00e7ois \u2013 \u00e9t\u00e9\n".getBytes("windows-1252"));
        Path utf8 = dir.resolve("utf8.ini");
        Files.write(utf8, "\uFEFF[b]\nname = Fran\u00e7ois\n".getBytes(StandardCharsets.UTF_8));
        IniFile ini = IniFile.read(List.of(file, utf8));
        assertThat(ini.get("a", "name")).contains("Fran\u00e7ois \u2013 \u00e9t\u00e9");
        assertThat(ini.get("b", "name")).contains("Fran\u00e7ois");
    }

    @Test
    void neverFailsOnBytes() throws Exception {
        Path file = dir.resolve("bytes.ini");
        Files.write(file, new byte[] {'[', 'a', ']', '\n', 'k', '=', (byte) 0x81, (byte) 0x85, (byte) 0xff, '\n'});
        assertThat(IniFile.read(List.of(file)).get("a", "k")).contains("\u0081\u0085\u00ff");
    }

    @Test
    void missingFileIsAConfigException() {
        assertThatThrownBy(() -> IniFile.read(List.of(dir.resolve("absent.ini"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("absent.ini");
    }
}
