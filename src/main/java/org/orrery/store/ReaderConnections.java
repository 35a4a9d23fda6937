package org.orrery.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * Read connections kept open between reads. Opening a SQLite connection costs a file open, the
 * pragmas and a read of the schema: a millisecond or more, which a refresh of a thousand feeds
 * used to pay for every feed's state. A read borrows an idle connection or opens one; closing
 * it returns it to the idle set (at most {@code maxIdle}; the rest are closed). In WAL mode an
 * idle connection holds no snapshot, so every read sees the latest committed writes.
 */
final class ReaderConnections implements ConnectionFactory {
    private final DataSource source;
    private final BlockingQueue<Connection> idle;

    ReaderConnections(DataSource source, int maxIdle) {
        this.source = source;
        this.idle = new ArrayBlockingQueue<>(maxIdle);
    }

    @Override
    public Connection openConnection() throws SQLException {
        Connection connection = idle.poll();
        return connection != null ? connection : source.getConnection();
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        if (!connection.getAutoCommit()) {
            // A read that ended inside a transaction: end it, so the connection holds no snapshot.
            connection.rollback();
            connection.setAutoCommit(true);
        }
        if (!idle.offer(connection)) {
            connection.close();
        }
    }

    /** Closes the idle connections; a connection in use is closed when it is returned after this. */
    void closeAll() throws SQLException {
        SQLException first = null;
        for (Connection connection = idle.poll(); connection != null; connection = idle.poll()) {
            try {
                connection.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
