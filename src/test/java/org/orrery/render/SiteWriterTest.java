package org.orrery.render;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWriterTest {
    @TempDir
    Path output;

    @Test
    void writesChangedFilesOnlyAndLeavesNoStagingBehind() throws Exception {
        var writer = new SiteWriter();
        assertThat(writer.publish(Map.of("index.html", bytes("a"), "archive/2026/01/index.html", bytes("b")), output))
                .isEqualTo(2);
        assertThat(writer.publish(Map.of("index.html", bytes("a"), "atom.xml", bytes("c")), output))
                .isEqualTo(1);

        assertThat(Files.readString(output.resolve("archive/2026/01/index.html")))
                .isEqualTo("b");
        assertThat(output.resolve(".orrery-staging")).doesNotExist();
    }

    @Test
    void manyThreadsPublishThroughOneWriter() throws Exception {
        var writer = new SiteWriter();
        List<Future<Integer>> written = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                String path = "archive/2026/" + (i % 12) + "/" + i + "/index.html";
                String body = "page " + i;
                written.add(threads.submit(() -> writer.publish(Map.of(path, bytes(body)), output)));
            }
        }
        for (Future<Integer> one : written) {
            assertThat(one.get()).isEqualTo(1);
        }
        for (int i = 0; i < 200; i++) {
            assertThat(Files.readString(output.resolve("archive/2026/" + (i % 12) + "/" + i + "/index.html")))
                    .isEqualTo("page " + i);
        }
        assertThat(output.resolve(".orrery-staging")).doesNotExist();
    }

    @Test
    void clearsWhatAnInterruptedPublishLeft() throws Exception {
        Path left = Files.createDirectories(output.resolve(".orrery-staging/publish-123"));
        Files.writeString(left.resolve("0-index.html"), "half");

        new SiteWriter().publish(Map.of("index.html", bytes("whole")), output);

        assertThat(output.resolve(".orrery-staging")).doesNotExist();
        assertThat(Files.readString(output.resolve("index.html"))).isEqualTo("whole");
    }

    @Test
    void saysWhatIsInTheWay() throws Exception {
        Files.writeString(output.resolve("archive"), "a file where a directory should be");

        assertThatThrownBy(() -> new SiteWriter().publish(Map.of("archive/index.html", bytes("x")), output))
                .isInstanceOf(PublishException.class)
                .hasMessageStartingWith("cannot write the site into " + output + ": ")
                .hasMessageContaining("archive");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }
}
