package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --quiet}, for cron: a run that works prints nothing; one that cannot work still says why. */
class QuietRunTest {
    @TempDir
    Path dir;

    private record Printed(int status, String out, String err) {}

    private static Printed quickRun(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int status = QuickRun.execute(new PrintWriter(out, true), new PrintWriter(err, true), args)
                .orElseThrow();
        return new Printed(status, out.toString(), err.toString());
    }

    private Path planet(String feedSection) throws Exception {
        Path feed = Files.writeString(
                dir.resolve("feed.atom"),
                """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><id>urn:f</id>
                <updated>2026-02-28T10:00:00Z</updated>
                <entry><title>One</title><id>urn:one</id><updated>2026-02-28T10:00:00Z</updated>
                <content>one</content></entry></feed>
                """);
        return Files.writeString(
                dir.resolve("config.ini"),
                "[Planet]\nname = Quiet\ncache_directory = %s\noutput_dir = %s\n\n[%s]\nname = F\n\n%s"
                        .formatted(dir.resolve("cache"), dir.resolve("output"), feed.toUri(), feedSection));
    }

    @Test
    void aRunThatWorksPrintsNothingEvenWithAFailingFeed() throws Exception {
        Path config = planet("[" + dir.resolve("missing.atom").toUri() + "]\nname = Gone\n");

        Printed loud = quickRun("run", config.toString());
        assertThat(loud.out()).contains("2 feeds: 1 ok");
        assertThat(loud.err()).contains("failed: ");

        Files.writeString(
                dir.resolve("feed.atom"),
                Files.readString(dir.resolve("feed.atom")).replace("one</content>", "two</content>"));
        Printed quiet = quickRun("run", "--quiet", config.toString());
        assertThat(quiet.status()).isZero();
        assertThat(quiet.out()).isEmpty();
        assertThat(quiet.err()).isEmpty();
        assertThat(Files.readString(dir.resolve("output/index.html"))).contains("two");
    }

    @Test
    void aRunThatCannotPublishStillSaysWhy() throws Exception {
        Path config = planet("");
        Files.writeString(dir.resolve("output"), "a file where the output directory should be");

        Printed quiet = quickRun("run", "-q", config.toString());

        assertThat(quiet.status()).isEqualTo(Main.EXIT_CANT_CREATE);
        assertThat(quiet.out()).isEmpty();
        assertThat(quiet.err()).contains("output_dir").contains("nothing was fetched or published");
    }
}
