package org.orrery.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * The store's one write connection, which a lock serialises (SQLite has a single writer), and
 * whether the store is closed or has met a {@link StoreException#isStorageFault storage fault}.
 */
final class WriteConnection {
    private final Handle handle;
    private final WriterStatements statements;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedQueue<PendingSave> pendingSaves = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;
    /** Whether a write or read has failed with a storage fault. */
    private volatile boolean faulted;

    private final SqlDialect dialect;

    WriteConnection(Handle handle, SqlDialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
        this.statements = new WriterStatements(handle.getConnection());
    }

    /** The database written to. */
    SqlDialect dialect() {
        return dialect;
    }

    /** Runs {@code work} in one transaction. */
    <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        lock.lock();
        try {
            ensureOpen();
            return handle.inTransaction(work);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Saves in group commits: a refresh waiting for the writer joins the transaction of whichever
     * save holds it, so a thousand feeds answering at once cost a few commits, not a thousand
     * (one commit took about a millisecond, and saves were the bottleneck of a run of 304s).
     * Each refresh is written under its own savepoint: one that fails is rolled back alone and
     * its caller gets the error; the others commit.
     */
    SaveResult save(Refresh refresh) {
        var mine = new PendingSave(refresh);
        pendingSaves.add(mine);
        lock.lock();
        try {
            if (!mine.done()) {
                List<PendingSave> batch = new ArrayList<>();
                for (PendingSave next; (next = pendingSaves.poll()) != null; ) {
                    batch.add(next);
                }
                writeTogether(batch);
            }
        } finally {
            lock.unlock();
        }
        return mine.result();
    }

    private void writeTogether(List<PendingSave> batch) {
        try {
            ensureOpen();
            handle.useTransaction(h -> {
                var recorder = new RefreshRecorder(h, statements, dialect);
                List<PendingSave> rest = notModifiedTogether(h, recorder, batch);
                for (PendingSave save : rest) {
                    // One statement that fails undoes only itself; several need a savepoint.
                    boolean savepoint = RefreshRecorder.severalStatements(save.refresh())
                            || !dialect.statementFailureKeepsTransaction();
                    if (savepoint) {
                        h.savepoint(SAVEPOINT);
                    }
                    try {
                        save.written(recorder.record(save.refresh()));
                        if (savepoint) {
                            h.releaseSavepoint(SAVEPOINT);
                        }
                    } catch (RuntimeException e) {
                        failed(e);
                        if (savepoint) {
                            h.rollbackToSavepoint(SAVEPOINT);
                        }
                        save.failed(e);
                    }
                }
            });
            batch.forEach(PendingSave::committed);
        } catch (RuntimeException e) {
            // The commit itself failed (disk full, the store closed): none of them was saved.
            failed(e);
            batch.forEach(save -> save.failed(e));
        }
    }

    // JDBI forgets a savepoint once rolled back to; SQLite releases it at the commit.
    private static final String SAVEPOINT = "refresh";

    /**
     * Records the batch's "not modified" refreshes in one statement and returns the others. If
     * that statement fails, none of them is recorded and all are returned, to be tried one by one.
     */
    private static List<PendingSave> notModifiedTogether(Handle h, RefreshRecorder recorder, List<PendingSave> batch) {
        List<Refresh.NotModified> notModified = new ArrayList<>();
        List<PendingSave> rest = new ArrayList<>();
        for (PendingSave save : batch) {
            if (save.refresh() instanceof Refresh.NotModified n) {
                notModified.add(n);
            } else {
                rest.add(save);
            }
        }
        if (notModified.size() < 2) {
            return batch;
        }
        h.savepoint(SAVEPOINT);
        try {
            recorder.notModified(notModified);
            h.releaseSavepoint(SAVEPOINT);
        } catch (RuntimeException e) {
            h.rollbackToSavepoint(SAVEPOINT);
            return batch;
        }
        for (PendingSave save : batch) {
            if (save.refresh() instanceof Refresh.NotModified) {
                save.written(SaveResult.NOTHING);
            }
        }
        return rest;
    }

    /**
     * A refresh waiting to be saved, and then its outcome. Only the thread holding the write lock
     * changes it; its caller reads it after taking and releasing that lock, which orders the two.
     */
    private static final class PendingSave {
        private final Refresh refresh;
        private SaveResult written;
        private RuntimeException failure;
        private boolean done;

        PendingSave(Refresh refresh) {
            this.refresh = refresh;
        }

        Refresh refresh() {
            return refresh;
        }

        void written(SaveResult result) {
            written = result;
        }

        void failed(RuntimeException e) {
            failure = e;
            done = true;
        }

        void committed() {
            done = true;
        }

        boolean done() {
            return done;
        }

        SaveResult result() {
            if (failure != null) {
                throw StoreException.of(what(refresh), failure);
            }
            return written;
        }
    }

    private static String what(Refresh refresh) {
        return switch (refresh) {
                    case Refresh.Fetched f -> "saving " + f.entries().size() + " entries for ";
                    case Refresh.NotModified n -> "recording 'not modified' for ";
                    case Refresh.Failed f -> "recording a failed refresh of ";
                }
                + refresh.feedUri();
    }

    /**
     * Closes the connection, once; later calls of {@link #ensureOpen} fail.
     *
     * @return whether it was open
     */
    boolean close() throws SQLException {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
            try {
                statements.closeAll();
            } finally {
                handle.close();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** @throws IllegalStateException after {@link #close()} */
    void ensureOpen() {
        if (closed) {
            throw new ClosedStore();
        }
    }

    /** Notes {@code e}, which a read or write met, if it is a storage fault. */
    void failed(Throwable e) {
        faulted |= StoreException.isStorageFault(e);
    }

    /** Whether a read or write has met a storage fault. */
    boolean faulted() {
        return faulted;
    }

    /** A call after {@link #close()}. */
    static final class ClosedStore extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ClosedStore() {
            super("the store is closed");
        }
    }
}
