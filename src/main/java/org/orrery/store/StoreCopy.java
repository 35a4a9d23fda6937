package org.orrery.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Every row of one store copied into another, empty one, ids and all: subscriptions with their
 * fetch state and health, entries (hidden ones too), reading lists, sanitised bodies, and the
 * change marks publishing reads. Moves a planet between SQLite and PostgreSQL.
 */
final class StoreCopy {
    /** In an order the foreign keys allow; the tables the target's triggers write to come last. */
    private static final List<String> TABLES =
            List.of("subscription", "entry", "reading_list", "safe_html", "changed_day", "change_count");

    /** Columns the database computes, which are not copied. */
    private static final List<String> GENERATED = List.of("sort_date");

    private static final int BATCH = 1_000;

    private StoreCopy() {}

    /**
     * Copies {@code from}'s rows into {@code to}, whose transaction the caller owns.
     *
     * @return the rows copied, by table
     * @throws StoreException when {@code to} already holds subscriptions or entries
     */
    static Map<String, Long> copy(Handle from, Handle to, SqlDialect toDialect) {
        long present = to.createQuery("SELECT (SELECT COUNT(*) FROM subscription) + (SELECT COUNT(*) FROM entry)")
                .mapTo(Long.class)
                .one();
        if (present > 0) {
            throw new StoreException(
                    "store: copying into a store that is not empty (" + present + " subscriptions and entries)",
                    null,
                    false);
        }
        Map<String, Long> copied = new LinkedHashMap<>();
        try {
            for (String table : TABLES) {
                // What the target's triggers wrote while the entries went in gives way to the source's.
                to.execute("DELETE FROM " + table);
                copied.put(table, copyTable(from.getConnection(), to.getConnection(), table));
            }
            if (toDialect == SqlDialect.POSTGRESQL) {
                // Rows inserted with their ids leave the identity sequences behind.
                for (String table : List.of("subscription", "entry")) {
                    to.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'),"
                            + " (SELECT COALESCE(MAX(id), 0) + 1 FROM " + table + "), false)");
                }
            }
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
        }
        return copied;
    }

    private static long copyTable(Connection from, Connection to, String table) throws SQLException {
        long rows = 0;
        try (Statement read = from.createStatement();
                ResultSet rs = read.executeQuery("SELECT * FROM " + table)) {
            List<Integer> positions = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                String name = rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                if (!GENERATED.contains(name)) {
                    positions.add(i);
                    names.add(name);
                }
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")";
            try (PreparedStatement write = to.prepareStatement(insert)) {
                while (rs.next()) {
                    for (int i = 0; i < positions.size(); i++) {
                        write.setObject(i + 1, rs.getObject(positions.get(i)));
                    }
                    write.addBatch();
                    if (++rows % BATCH == 0) {
                        write.executeBatch();
                    }
                }
                write.executeBatch();
            }
        }
        return rows;
    }
}
