package org.orrery.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The store's one path past JDBI: batches on statements of the write connection, each prepared
 * once and kept until the store closes, and bound through JDBC itself. SQLite compiles a
 * statement on every prepare (the upsert of a 304 took a tenth of a millisecond each time, once
 * per group commit), and JDBI's binding was most of the saving time of a first run's entries and
 * of a run of 304s. A failure is thrown as JDBI's, like any other statement's. Used only under
 * the store's write lock.
 */
final class WriterStatements {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    WriterStatements(Connection connection) {
        this.connection = connection;
    }

    /** Sets one row's parameters of a batch. */
    interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    /** {@code sql} once for each of {@code items}, as one batch on its kept statement. */
    <T> void batch(String sql, List<T> items, Binder<T> binder) {
        PreparedStatement statement = null;
        try {
            statement = get(sql);
            for (T item : items) {
                binder.bind(statement, item);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        } finally {
            clearBatch(statement);
        }
    }

    /** Leaves a kept statement empty for its next use, even after a batch that failed. */
    private static void clearBatch(PreparedStatement statement) {
        if (statement == null) {
            return;
        }
        try {
            statement.clearBatch();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** {@code sql}, prepared on the write connection; its batch is empty. */
    private PreparedStatement get(String sql) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        return statement;
    }

    /** Closes every statement; the first failure is thrown once all were tried. */
    void closeAll() throws SQLException {
        SQLException first = null;
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        prepared.clear();
        if (first != null) {
            throw first;
        }
    }
}
