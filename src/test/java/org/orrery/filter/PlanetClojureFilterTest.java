package org.orrery.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orrery.filter.Entries.NOW;
import static org.orrery.filter.Entries.entry;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orrery.config.ConfigLoader;
import org.orrery.config.CorpusConfigs;
import org.orrery.config.PlanetConfig;
import org.orrery.model.Subscription;

/** Planet Clojure's real config: a general blog's posts are kept only when they are about Clojure. */
class PlanetClojureFilterTest {
    @Test
    void keepsPostsAboutClojureFromAGeneralBlog() throws Exception {
        PlanetConfig config =
                ConfigLoader.load(List.of(CorpusConfigs.directory().resolve("planet-clojure.ini")), Path.of("/planet"));
        Subscription sub = config.subscriptions().stream()
                .filter(s -> s.option("filter").orElse("").equals("(clojure|Clojure|\\(def |\\(defn-? )"))
                .findFirst()
                .orElseThrow();
        EntryFilters filters = EntryFilters.forSubscription(config, sub);
        assertThat(filters.apply(entry("Why I like Clojure", "<p>Lisp on the JVM</p>"), NOW, NOW))
                .isInstanceOf(Verdict.Kept.class);
        assertThat(filters.apply(entry("A snippet", "<pre>(defn- helper [x] x)</pre>"), NOW, NOW))
                .isInstanceOf(Verdict.Kept.class);
        assertThat(filters.apply(entry("A snippet", "<pre>(def answer 42)</pre>"), NOW, NOW))
                .isInstanceOf(Verdict.Kept.class);
        assertThat(filters.apply(entry("Holiday photos", "<p>Beach, <b>sun</b> and (default) sand</p>"), NOW, NOW))
                .isInstanceOfSatisfying(
                        Verdict.Dropped.class, d -> assertThat(d.reason()).contains("clojure"));
        // Venus searches case-sensitively and only the text: a link to clojure.org is not a mention.
        assertThat(filters.apply(entry("CLOJURE", "<a href=\"https://clojure.org/\">home</a>"), NOW, NOW))
                .isInstanceOf(Verdict.Dropped.class);
    }

    @Test
    void subscriptionsWithoutAFilterKeepEverything() throws Exception {
        PlanetConfig config =
                ConfigLoader.load(List.of(CorpusConfigs.directory().resolve("planet-clojure.ini")), Path.of("/planet"));
        Subscription open = config.subscriptions().stream()
                .filter(s -> s.option("filter").isEmpty())
                .findFirst()
                .orElseThrow();
        assertThat(EntryFilters.forSubscription(config, open).apply(entry("Holiday", "<p>sun</p>"), NOW, NOW))
                .isInstanceOf(Verdict.Kept.class);
    }
}
