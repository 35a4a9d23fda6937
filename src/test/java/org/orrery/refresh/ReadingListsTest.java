package org.orrery.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import org.orrery.config.ReadingList;
import org.orrery.model.Subscription;

class ReadingListsTest {
    @TempDir
    Path dir;

    @Test
    void aPublicListCannotPointAtAPrivateAddress() throws Exception {
        PlanetConfig config =
                ConfigLoader.load(List.of(Files.writeString(dir.resolve("config.ini"), "[Planet]\n")), dir);
        var publicList = new ReadingList(URI.create("https://example.org/list.opml"), ReadingList.Type.OPML, Map.of());
        var privateList =
                new ReadingList(URI.create("http://127.0.0.1:8080/list.opml"), ReadingList.Type.OPML, Map.of());
        var intranet = new Subscription(URI.create("http://127.0.0.1/feed"), Optional.empty(), Map.of());
        var allowed = new Subscription(
                URI.create("http://127.0.0.1/other"), Optional.empty(), Map.of("allow_private_addresses", "yes"));

        var fromPublic = new ReadingLists(
                List.of(intranet, allowed),
                Map.of(intranet.feedUri(), publicList, allowed.feedUri(), publicList),
                List.of(),
                true);
        var fromPrivate = new ReadingLists(List.of(intranet), Map.of(intranet.feedUri(), privateList), List.of(), true);

        assertThat(fromPublic.privateAllowed(config, intranet)).isFalse();
        assertThat(fromPublic.privateAllowed(config, allowed))
                .as("the list document's own option")
                .isFalse();
        assertThat(fromPrivate.privateAllowed(config, intranet)).isTrue();
    }
}
