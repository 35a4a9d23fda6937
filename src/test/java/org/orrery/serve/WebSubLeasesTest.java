package org.orrery.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebSubLeasesTest {
    @TempDir
    Path dir;

    @Test
    void keepsEverySubscriptionAcrossAWriteAndARead() throws Exception {
        Instant at = Instant.parse("2026-12-05T10:00:00Z");
        var active = new WebSubLease(
                URI.create("https://blog.example.org/feed"),
                URI.create("https://blog.example.org/feed?self"),
                URI.create("https://hub.example.net/"),
                "0a1b",
                "secret",
                WebSubLease.State.ACTIVE,
                at,
                Optional.of(at.plusSeconds(864000)),
                Optional.of(at.plusSeconds(734400)),
                Optional.empty());
        var failed = new WebSubLease(
                        URI.create("https://other.example/rss"),
                        URI.create("https://other.example/rss"),
                        URI.create("https://hub.example.net/"),
                        "2c3d",
                        "other secret",
                        WebSubLease.State.PENDING,
                        at,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())
                .failed(at.plusSeconds(3600));
        Path file = dir.resolve("cache/websub.json");

        WebSubLeases.write(file, List.of(active, failed));

        assertThat(WebSubLeases.read(file)).containsExactly(active, failed);
        assertThat(dir.resolve("cache")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void startsAfreshFromAMissingOrUnreadableFile() throws Exception {
        assertThat(WebSubLeases.read(dir.resolve("websub.json"))).isEmpty();
        Files.writeString(dir.resolve("websub.json"), "[{\"topic\": \"https://x.example/\", \"state\": \"NOPE\"");
        assertThat(WebSubLeases.read(dir.resolve("websub.json"))).isEmpty();
    }
}
