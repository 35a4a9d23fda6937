package org.orrery.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The files SQLite keeps beside a database in WAL mode ({@code -wal}, {@code -shm}). SQLite
 * gives them the database's permissions when it creates them, so a run on a read-only database
 * left them read-only, and every later run failed even once the database was writable again.
 * Here, before opening: side files narrower than a writable database get its permissions; and
 * when the open fails, the side files it created are removed.
 */
record SideFiles(Path wal, Path shm, boolean walExisted, boolean shmExisted) {
    /** Notes which side files exist before {@code databaseFile} is opened, repairing their permissions. */
    static SideFiles before(Path databaseFile) {
        Path wal = Path.of(databaseFile + "-wal");
        Path shm = Path.of(databaseFile + "-shm");
        repair(databaseFile, wal);
        repair(databaseFile, shm);
        return new SideFiles(wal, shm, Files.exists(wal), Files.exists(shm));
    }

    private static void repair(Path databaseFile, Path side) {
        try {
            if (!Files.isRegularFile(databaseFile) || !Files.isRegularFile(side)) {
                return;
            }
            Set<PosixFilePermission> database = Files.getPosixFilePermissions(databaseFile);
            Set<PosixFilePermission> current = Files.getPosixFilePermissions(side);
            if (database.contains(PosixFilePermission.OWNER_WRITE)
                    && !current.contains(PosixFilePermission.OWNER_WRITE)) {
                Files.setPosixFilePermissions(side, database);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not ours to change, or no POSIX permissions: SQLite reports what then fails.
        }
    }

    /**
     * Removes the side files the failed open created: the shared-memory index always (SQLite
     * rebuilds it), the log only when empty (one with content holds commits).
     */
    void removeCreated() {
        try {
            if (!walExisted && Files.isRegularFile(wal) && Files.size(wal) == 0) {
                Files.deleteIfExists(wal);
            }
            if (!shmExisted) {
                Files.deleteIfExists(shm);
            }
        } catch (IOException e) {
            // The open's own failure is what is reported; a side file left behind is repaired next time.
        }
    }
}
