package org.orrery;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps two runs of one planet from overlapping (two cron jobs, or a run during a build): an
 * OS file lock on {@code orrery.lock} beside the database, released when the process ends
 * even if it crashes.
 */
public final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the planet whose database lives in {@code cacheDirectory}.
     *
     * @throws IOException when the directory cannot be created, or another run holds the lock
     */
    public static RunLock acquire(Path cacheDirectory) throws IOException {
        Files.createDirectories(cacheDirectory);
        Path file = cacheDirectory.resolve("orrery.lock");
        var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("another Orrery run is using " + cacheDirectory + " (lock held on " + file + ")");
        }
        return new RunLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
