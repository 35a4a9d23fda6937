package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orrery check} says whose dialect it reads a config in, and why. */
class CheckDialectTest {
    @TempDir
    Path dir;

    private String check(String config, String... options) throws Exception {
        Path file = Files.writeString(dir.resolve("config.ini"), config);
        var out = new StringWriter();
        String[] args = new String[options.length + 2];
        args[0] = "check";
        System.arraycopy(options, 0, args, 1, options.length);
        args[args.length - 1] = file.toString();
        assertThat(Main.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args))
                .isZero();
        return out.toString();
    }

    @Test
    void namesTheVenusOptionsThatMadeItVenus() throws Exception {
        // There is no theme asf here: only the dialect is looked at.
        assertThat(check("[Planet]\nname = P\noutput_theme = asf\nfilters = excerpt.py\n", "--allow-default-theme"))
                .contains("  dialect          venus ([Planet] sets output_theme, filters, which only Venus reads)");
    }

    @Test
    void saysWhenNothingMadeItVenus() throws Exception {
        assertThat(check("[Planet]\nname = P\nnew_feed_items = 2\n"))
                .contains("  dialect          planet2 ([Planet] sets no option only Venus reads)");
    }

    @Test
    void givesTheChoiceAndReasonInJsonToo() throws Exception {
        assertThat(check("[Planet]\nname = P\ndialect = venus\n", "--json"))
                .contains("\"dialect\" : \"venus\"", "\"dialect_reason\" : \"[Planet] dialect = venus\"");
    }
}
