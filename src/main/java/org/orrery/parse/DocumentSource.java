package org.orrery.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A feed document as a stream that can be opened again from its start: reading a broken
 * document leniently starts over (see {@link FeedParser#parse(DocumentSource, java.net.URI,
 * java.util.Optional, java.util.function.Consumer)}).
 */
@FunctionalInterface
public interface DocumentSource {
    /** A new stream over the whole document; the caller closes it. */
    InputStream open() throws IOException;

    static DocumentSource of(Path file) {
        return () -> Files.newInputStream(file);
    }

    static DocumentSource of(byte[] document) {
        return () -> new ByteArrayInputStream(document);
    }
}
