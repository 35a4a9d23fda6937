package org.orrery.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.fetch.FetchResult.Failed;
import org.orrery.fetch.FetchResult.Fetched;
import org.orrery.model.Validators;

class FileFetcherTest {
    @TempDir
    Path dir;

    @Test
    void readsFileUrlsThroughTheHttpFetcher() throws IOException {
        Path feed = Files.writeString(dir.resolve("feed.xml"), "<rss/>");

        try (HttpFetcher fetcher = new HttpFetcher(FetchSettings.defaults())) {
            FetchResult result = fetcher.fetch(feed.toUri(), Validators.NONE);

            assertThat(result).isInstanceOfSatisfying(Fetched.class, fetched -> {
                assertThat(new String(fetched.body(), UTF_8)).isEqualTo("<rss/>");
                assertThat(fetched.finalUri()).isEqualTo(feed.toUri());
                assertThat(fetched.httpStatus()).isEmpty();
                assertThat(fetched.validators()).isEqualTo(Validators.NONE);
            });
        }
    }

    @Test
    void reportsMissingFiles() {
        Path missing = dir.resolve("missing.xml");

        assertThat(new FileFetcher(1024).fetch(missing.toUri()))
                .isEqualTo(new Failed("no such file: " + missing, OptionalInt.empty()));
    }

    @Test
    void refusesDirectoriesAndFilesOverTheLimit() throws IOException {
        Files.write(dir.resolve("big.xml"), new byte[2048]);
        FileFetcher files = new FileFetcher(1024);

        assertThat(files.fetch(dir.toUri())).isEqualTo(new Failed("not a file: " + dir, OptionalInt.empty()));
        assertThat(files.fetch(dir.resolve("big.xml").toUri()))
                .isEqualTo(new Failed("file larger than 1 KiB: " + dir.resolve("big.xml"), OptionalInt.empty()));
    }

    @Test
    void reportsFileUrlsNamingAnotherHost() {
        assertThat(new FileFetcher(1024).fetch(URI.create("file://fileserver/feeds/a.xml")))
                .isInstanceOfSatisfying(
                        Failed.class, f -> assertThat(f.reason()).startsWith("bad file URL"));
    }
}
