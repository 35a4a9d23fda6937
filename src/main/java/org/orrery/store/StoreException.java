package org.orrery.store;

import java.io.IOException;
import java.io.Serial;
import java.io.UncheckedIOException;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.sqlite.SQLiteException;

/**
 * The database could not be opened, read or written; the message says which and why. A {@link
 * #storageFault() storage fault} (disk full, a read-only or unreadable file, an I/O error) is
 * the planet's, not one feed's: every later write would fail the same way.
 */
public final class StoreException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean storageFault;

    public StoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public StoreException(String message, Throwable cause, boolean storageFault) {
        super(message, cause);
        this.storageFault = storageFault;
    }

    /**
     * "store: {@code what}: " and the innermost message of {@code cause} (the database's own words,
     * "disk full", not the wrappers'), a storage fault when {@code cause} says so.
     */
    static StoreException of(String what, Throwable cause) {
        return new StoreException("store: " + what + ": " + reason(cause), cause, isStorageFault(cause));
    }

    /** Whether the database itself cannot be written or read, rather than one statement failing. */
    public boolean storageFault() {
        return storageFault;
    }

    /**
     * Whether {@code e} says the database file itself failed (full, read-only, unreadable, an
     * I/O error, not a database), as opposed to one statement.
     */
    static boolean isStorageFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
            if (t instanceof PSQLException postgresql && postgresFault(postgresql.getSQLState())) {
                return true;
            }
            if (t instanceof SQLiteException sqlite) {
                int primary = sqlite.getResultCode().code & 0xff;
                if (STORAGE_FAULTS.contains(primary)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * PostgreSQL's classes of SQLSTATE for a server that cannot be used: connection exception,
     * insufficient resources (disk full, out of memory), system error (I/O), internal error.
     */
    private static boolean postgresFault(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08")
                        || sqlState.startsWith("53")
                        || sqlState.startsWith("58")
                        || sqlState.startsWith("XX"));
    }

    /** SQLite's primary result codes for a file that cannot be used: PERM, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB. */
    private static final Set<Integer> STORAGE_FAULTS = Set.of(3, 8, 10, 11, 13, 14, 26);

    private static String reason(Throwable e) {
        String reason = e.toString();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                reason = t.getMessage();
            }
        }
        return reason;
    }
}
