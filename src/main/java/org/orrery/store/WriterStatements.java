package org.orrery.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Statements of the write connection, each prepared once and kept until the store closes.
 * SQLite compiles a statement on every prepare; the upsert of a 304 took a tenth of a
 * millisecond each time, once per group commit. Used only under the store's write lock.
 */
final class WriterStatements {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    WriterStatements(Connection connection) {
        this.connection = connection;
    }

    /** {@code sql}, prepared on the write connection; its batch is empty. */
    PreparedStatement get(String sql) throws SQLException {
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
