package org.orrery.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which program's meaning a config takes, Venus's or Planet 2.0's, and what changes with it. */
class DialectTest {
    @TempDir
    Path dir;

    private PlanetOptions load(String text) throws IOException, ConfigException {
        return ConfigLoader.load(List.of(Files.writeString(dir.resolve("config.ini"), text)), dir)
                .options();
    }

    @Test
    void aConfigSettingNoOptionOnlyVenusReadsIsPlanet2s() throws Exception {
        var options = load("[Planet]\nname = P\nitems_per_page = 15\nnew_feed_items = 2\nfilter = Python\n");

        assertThat(options.dialect().dialect()).isEqualTo(Dialect.PLANET2);
        assertThat(options.dialect().describe()).isEqualTo("planet2 ([Planet] sets no option only Venus reads)");
    }

    @Test
    void aConfigSettingAnOptionOnlyVenusReadsIsVenussAndTheReasonNamesIt() throws Exception {
        var options = load("[Planet]\nname = P\nspider_threads = 4\noutput_theme = classic_fancy\n");

        assertThat(options.dialect().dialect()).isEqualTo(Dialect.VENUS);
        assertThat(options.dialect().describe())
                .isEqualTo("venus ([Planet] sets output_theme, spider_threads, which only Venus reads)");
    }

    @Test
    void theOptionDialectOverridesTheGuessEitherWay() throws Exception {
        assertThat(load("[Planet]\noutput_theme = asf\ndialect = planet2\n").dialect())
                .isEqualTo(new Dialect.Choice(Dialect.PLANET2, "[Planet] dialect = planet2"));
        assertThat(load("[Planet]\ndialect = Venus\n").dialect().dialect()).isEqualTo(Dialect.VENUS);
    }

    @Test
    void anUnknownDialectIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> load("[Planet]\nname = x\ndialect = venus2\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.ini:3:")
                .hasMessageContaining("dialect")
                .hasMessageContaining("venus2")
                .hasMessageContaining("venus or planet2");
    }

    @Test
    void inVenussDialectNewFeedItemsCapsEachFeedInTheRiverAndHidesNothing() throws Exception {
        var venus = load("[Planet]\nnew_feed_items = 3\nfilters = excerpt.py\n");

        assertThat(venus.riverOrder().perFeed()).isEqualTo(3);
        assertThat(venus.newFeedItemsOfNewFeed()).isZero();
    }

    @Test
    void inPlanet2sDialectNewFeedItemsHidesTheRestOfANewFeedAndCapsNothing() throws Exception {
        var planet2 = load("[Planet]\nnew_feed_items = 3\n");

        assertThat(planet2.riverOrder().perFeed()).isZero();
        assertThat(planet2.newFeedItemsOfNewFeed()).isEqualTo(3);
    }

    @Test
    void everyOptionOnlyVenusReadsIsOneOrreryDeclares() {
        assertThat(Dialect.VENUS_ONLY)
                .allSatisfy(name -> assertThat(OptionTable.of(name)).as(name).isPresent());
        assertThat(Dialect.VENUS_ONLY).doesNotHaveDuplicates().doesNotContain("new_feed_items", "dialect");
    }
}
