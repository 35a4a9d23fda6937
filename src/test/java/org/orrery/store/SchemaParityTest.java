package org.orrery.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite migrations ({@code db/migration}) and the PostgreSQL ones ({@code db/postgresql})
 * leave the same schema: tables, columns (types mapped), keys, indexes and triggers, down to the
 * columns a change trigger watches. A change made to one set and not the other fails here.
 */
class SchemaParityTest {
    @TempDir
    Path dir;

    /** SQLite's declared types and what PostgreSQL holds them as. */
    private static final Map<String, Set<String>> TYPES = Map.of(
            "integer", Set.of("integer", "bigint"),
            "bigint", Set.of("bigint"),
            "text", Set.of("text"));

    @Test
    void bothMigrationSetsMakeTheSameSchema() throws Exception {
        Path file = dir.resolve("orrery.db");
        JdbcStore.openSqlite(file).close();
        String postgres = TestPostgres.url(dir.resolve("postgres"));
        JdbcStore.openPostgresql(postgres).close();

        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
                Connection pg = DriverManager.getConnection("jdbc:" + postgres)) {
            Schema fromSqlite = Schema.ofSqlite(sqlite);
            Schema fromPostgres = Schema.ofPostgres(pg);

            assertThat(fromSqlite.columns()).isNotEmpty();
            assertThat(fromPostgres.columns().keySet())
                    .isEqualTo(fromSqlite.columns().keySet());
            fromSqlite.columns().forEach((column, type) -> assertThat(TYPES.get(type.type()))
                    .as("the PostgreSQL type of " + column + ", " + type.type() + " in SQLite")
                    .contains(fromPostgres.columns().get(column).type()));
            fromSqlite.columns().forEach((column, type) -> assertThat(
                            fromPostgres.columns().get(column).notNull())
                    .as("whether " + column + " may be null")
                    .isEqualTo(type.notNull()));
            assertThat(fromPostgres.uniqueKeys()).isEqualTo(fromSqlite.uniqueKeys());
            assertThat(fromPostgres.indexes()).isEqualTo(fromSqlite.indexes());
            assertThat(fromSqlite.triggers()).isNotEmpty();
            assertThat(fromPostgres.triggers()).isEqualTo(fromSqlite.triggers());
        }
    }

    private record Column(String type, boolean notNull) {}

    /**
     * A schema as the two compare: columns by "table.column"; unique keys and explicit indexes as
     * "table(columns)"; triggers as "name: EVENT on table, watching columns".
     */
    private record Schema(
            Map<String, Column> columns, Set<String> uniqueKeys, Set<String> indexes, Set<String> triggers) {
        static Schema ofSqlite(Connection c) throws SQLException {
            List<String> tables = strings(
                    c,
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                            + " AND name <> 'flyway_schema_history'");
            Map<String, Column> columns = new TreeMap<>();
            for (String table : tables) {
                try (var s = c.createStatement();
                        var rs = s.executeQuery("PRAGMA table_xinfo(" + table + ")")) {
                    while (rs.next()) {
                        columns.put(
                                table + "." + rs.getString("name"),
                                new Column(
                                        rs.getString("type").toLowerCase(Locale.ROOT),
                                        rs.getInt("notnull") != 0 || rs.getInt("pk") != 0));
                    }
                }
            }
            Set<String> indexes = new TreeSet<>();
            for (String sql : strings(
                    c,
                    "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                            + " AND tbl_name <> 'flyway_schema_history'")) {
                indexes.add(index(sql));
            }
            Set<String> triggers = new TreeSet<>();
            Pattern head = Pattern.compile("CREATE TRIGGER (\\w+) AFTER (\\w+) ON (\\w+)", Pattern.CASE_INSENSITIVE);
            for (String sql : strings(c, "SELECT sql FROM sqlite_master WHERE type = 'trigger'")) {
                Matcher m = head.matcher(sql);
                assertThat(m.find()).as(sql).isTrue();
                int body = sql.toUpperCase(Locale.ROOT).indexOf("BEGIN");
                triggers.add(trigger(m.group(1), m.group(2), m.group(3), sql.substring(0, body)));
            }
            return new Schema(columns, uniqueKeys(c, tables, null), indexes, triggers);
        }

        static Schema ofPostgres(Connection c) throws SQLException {
            List<String> tables = strings(
                    c,
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                            + " AND table_name <> 'flyway_schema_history'");
            Map<String, Column> columns = new TreeMap<>();
            try (var s = c.createStatement();
                    var rs = s.executeQuery("SELECT table_name, column_name, data_type, is_nullable"
                            + " FROM information_schema.columns WHERE table_schema = current_schema()"
                            + " AND table_name <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    columns.put(
                            rs.getString(1) + "." + rs.getString(2),
                            new Column(rs.getString(3), "NO".equals(rs.getString(4))));
                }
            }
            Set<String> indexes = new TreeSet<>();
            // The explicit indexes: not those PostgreSQL makes for a primary key or UNIQUE.
            for (String sql : strings(
                    c,
                    "SELECT indexdef FROM pg_indexes i WHERE schemaname = current_schema()"
                            + " AND tablename <> 'flyway_schema_history' AND NOT EXISTS"
                            + " (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)")) {
                indexes.add(index(sql.replaceAll("ON \\w+\\.", "ON ").replace("USING btree ", "")));
            }
            Set<String> triggers = new TreeSet<>();
            try (var s = c.createStatement();
                    var rs = s.executeQuery("SELECT trigger_name, event_manipulation, event_object_table,"
                            + " COALESCE(action_condition, '') FROM information_schema.triggers"
                            + " WHERE trigger_schema = current_schema()")) {
                while (rs.next()) {
                    triggers.add(trigger(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return new Schema(columns, uniqueKeys(c, tables, c.getSchema()), indexes, triggers);
        }

        private static Set<String> uniqueKeys(Connection c, List<String> tables, String schema) throws SQLException {
            DatabaseMetaData meta = c.getMetaData();
            Set<String> keys = new TreeSet<>();
            for (String table : tables) {
                Map<String, Map<Integer, String>> byIndex = new TreeMap<>();
                try (var rs = meta.getIndexInfo(null, schema, table, true, false)) {
                    while (rs.next()) {
                        // sqlite-jdbc lists the other indexes too, marked NON_UNIQUE.
                        if (rs.getString("COLUMN_NAME") != null && !rs.getBoolean("NON_UNIQUE")) {
                            byIndex.computeIfAbsent(rs.getString("INDEX_NAME"), k -> new TreeMap<>())
                                    .put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
                        }
                    }
                }
                // SQLite's INTEGER PRIMARY KEY is the row id, which has no index of its own.
                Map<Integer, String> primary = new TreeMap<>();
                try (var rs = meta.getPrimaryKeys(null, schema, table)) {
                    while (rs.next()) {
                        primary.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                    }
                }
                byIndex.put("primary key", primary);
                byIndex.values().stream()
                        .filter(k -> !k.isEmpty())
                        .forEach(k -> keys.add(table + "(" + String.join(", ", k.values()) + ")"));
            }
            return keys;
        }

        /** An index's definition with spaces, parentheses and case left out. */
        private static String index(String sql) {
            return sql.toLowerCase(Locale.ROOT).replaceAll("[\\s()]", "");
        }

        private static String trigger(String name, String event, String table, String condition) {
            Set<String> watched = new TreeSet<>();
            Matcher old = Pattern.compile("(?i)OLD\\.(\\w+)").matcher(condition);
            while (old.find()) {
                watched.add(old.group(1).toLowerCase(Locale.ROOT));
            }
            return name + ": " + event.toUpperCase(Locale.ROOT) + " on " + table + ", watching " + watched;
        }

        private static List<String> strings(Connection c, String sql) throws SQLException {
            List<String> values = new ArrayList<>();
            try (var s = c.createStatement();
                    var rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }
}
