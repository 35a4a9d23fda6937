package org.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orrery.config.ConfigLoader;
import org.orrery.config.CorpusConfigs;
import org.orrery.model.Subscription;

/** Real planets' web subscriptions survive {@code opml export} then {@code opml import} into an empty config. */
class OpmlCorpusRoundTripTest {
    @TempDir
    Path dir;

    static Stream<String> files() {
        return CorpusConfigs.SUBSCRIPTIONS.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("files")
    void exportThenImportGivesTheSameSubscriptions(String file) throws Exception {
        Path config = CorpusConfigs.directory().resolve(file);
        // A later file overrides: the planet's database, if any, is looked for here, not where it lives.
        Path local = Files.writeString(dir.resolve("local.ini"), "[Planet]\ncache_directory = " + dir + "\n");
        var export = CliRun.of("opml", "export", config.toString(), local.toString());
        Path opml = Files.writeString(dir.resolve("export.opml"), export.out());
        Path empty = Files.writeString(dir.resolve("empty.ini"), "[Planet]\nname = Empty\n");

        var imported = CliRun.of("opml", "import", opml.toString(), "--config", empty.toString());

        assertThat(export.status()).isZero();
        assertThat(imported.status()).isZero();
        // Only http and https feeds are exported (a real planet has a fixitwithcode:// one), and imported.
        var web = subscriptions(config).stream()
                .filter(sub -> sub.feedUri().getScheme().matches("https?"))
                .toList();
        assertThat(subscriptions(empty)).isEqualTo(web);
        assertThat(imported.out()).contains(", skipped 0\n");
    }

    private static List<Subscription> subscriptions(Path file) throws Exception {
        return ConfigLoader.load(List.of(file)).subscriptions().stream()
                .map(s -> new Subscription(s.feedUri(), s.name(), Map.of()))
                .toList();
    }
}
