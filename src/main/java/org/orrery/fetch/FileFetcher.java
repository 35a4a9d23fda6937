package org.orrery.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.orrery.fetch.FetchResult.Failed;
import org.orrery.fetch.FetchResult.Fetched;
import org.orrery.model.Validators;

/** Reads {@code file:} feeds from disk, unconditionally, with the same size limit as HTTP. */
final class FileFetcher {
    private final long maxBodyBytes;

    FileFetcher(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    FetchResult fetch(URI uri) {
        Path path;
        try {
            path = Path.of(uri);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return failed("bad file URL " + uri + ": " + e.getMessage());
        }
        if (Files.isDirectory(path)) {
            return failed("not a file: " + path);
        }
        try (InputStream in = Files.newInputStream(path)) {
            Optional<byte[]> body = Bodies.read(in, maxBodyBytes);
            if (body.isEmpty()) {
                return failed("file larger than " + Bodies.size(maxBodyBytes) + ": " + path);
            }
            return new Fetched(body.get(), Optional.empty(), uri, Validators.NONE, OptionalInt.empty());
        } catch (NoSuchFileException e) {
            return failed("no such file: " + path);
        } catch (IOException e) {
            return failed("cannot read " + path + ": " + e.getMessage());
        }
    }

    private static Failed failed(String reason) {
        return new Failed(reason, OptionalInt.empty());
    }
}
