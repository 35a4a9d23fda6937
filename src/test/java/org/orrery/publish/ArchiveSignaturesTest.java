package org.orrery.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.Planet;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import org.orrery.fetch.Fetcher;
import org.orrery.fetch.NoFetching;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Validators;
import org.orrery.store.JdbcStore;
import org.orrery.store.Refresh;

/** A monthly archive page that would show what it showed is not rendered again; one that changed is. */
class ArchiveSignaturesTest {
    private static final URI FEED = URI.create("https://a.example/feed");
    private static final Instant FIRST = Instant.parse("2017-12-20T12:00:00Z");
    private static final Instant LATER = Instant.parse("2017-12-21T08:30:00Z");

    @TempDir
    Path dir;

    static final Fetcher NO_FETCHING = NoFetching.FETCHER;

    private static Entry entry(String key, String title, String date) {
        return new Entry(
                key,
                title,
                Optional.of(URI.create("https://a.example/" + key)),
                Optional.empty(),
                Optional.of(Instant.parse(date)),
                Optional.empty(),
                "<p>" + title + "</p>",
                Optional.empty(),
                List.of(),
                List.of());
    }

    private void publish(PlanetConfig config, Instant at, List<Entry> entries) throws Exception {
        try (var store = JdbcStore.openSqlite(config.databaseFile())) {
            store.save(new Refresh.Fetched(FEED, at, Validators.NONE, OptionalInt.of(200), FeedInfo.UNKNOWN, entries));
            new Planet(config, NO_FETCHING, store, InstantSource.fixed(at)).publish();
        }
    }

    private PlanetConfig config(String options) throws Exception {
        Path file = dir.resolve("config.ini");
        Files.writeString(file, "[Planet]\nname = Planet Test\n" + options + "\n[" + FEED + "]\nname = A\n");
        return ConfigLoader.load(List.of(file), dir);
    }

    private String page(String path) throws Exception {
        return Files.readString(dir.resolve("output").resolve(path));
    }

    @Test
    void onlyTheArchivePagesThatChangedAreRenderedAgain() throws Exception {
        PlanetConfig config = config("");
        var november = entry("n1", "A November post", "2017-11-10T09:00:00Z");
        var december = entry("d1", "A December post", "2017-12-10T09:00:00Z");
        publish(config, FIRST, List.of(december, november));
        String novemberBefore = page("archive/2017/11/index.html");
        assertThat(novemberBefore).contains("A November post").contains("datetime=\"2017-12-20T12:00:00+00:00\"");

        // A new December entry, a day later: December's archive changes, November's does not.
        publish(
                config,
                LATER,
                List.of(entry("d2", "Another December post", "2017-12-21T08:00:00Z"), december, november));

        assertThat(page("archive/2017/11/index.html")).isEqualTo(novemberBefore);
        assertThat(page("archive/2017/12/index.html"))
                .contains("Another December post")
                .contains("datetime=\"2017-12-21T08:30:00+00:00\"");
    }

    @Test
    void anEditedHeadlineOrAnotherLookRendersThePageAgain() throws Exception {
        var november = entry("n1", "A November post", "2017-11-10T09:00:00Z");
        var december = entry("d1", "A December post", "2017-12-10T09:00:00Z");
        publish(config(""), FIRST, List.of(december, november));

        publish(config(""), LATER, List.of(december, entry("n1", "A November post, edited", "2017-11-10T09:00:00Z")));
        assertThat(page("archive/2017/11/index.html"))
                .contains("A November post, edited")
                .contains("datetime=\"2017-12-21T08:30:00+00:00\"");

        Instant evenLater = LATER.plusSeconds(86_400);
        publish(config("date_format = %Y-%m-%d %H:%M"), evenLater, List.of(december));
        assertThat(page("archive/2017/11/index.html")).contains("datetime=\"2017-12-22T08:30:00+00:00\"");
    }
}
