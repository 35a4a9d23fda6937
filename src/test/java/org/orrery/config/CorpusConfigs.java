package org.orrery.config;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The config files of real planets beside the project, with the number of subscriptions
 * python3's configparser finds in each under Venus's rules (sections other than [Planet],
 * template and filter sections).
 */
public final class CorpusConfigs {
    public static final Map<String, Integer> SUBSCRIPTIONS = Map.of(
            "planet-clojure.ini", 855,
            "planet-emacsen-en.ini", 154,
            "planet-jython.ini", 13,
            "planet-mozilla-projects.ini", 85,
            "planet-mozilla-theme.ini", 0,
            "planet-mozilla-thunderbird.ini", 23,
            // its [index.html.xslt] is a template section of a theme that is not there
            "planet-mozilla.ini", 325,
            "planet-python.ini", 567);

    private CorpusConfigs() {}

    /** The corpus directory; the calling test is skipped when the shared files are absent. */
    public static Path directory() {
        String shared = System.getProperty("orrery.shared");
        assumeTrue(shared != null, "orrery.shared not set");
        Path dir = Path.of(shared, "corpus", "planet-configs");
        assumeTrue(Files.isDirectory(dir), dir + " absent");
        return dir;
    }
}
