package org.orrery.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Opens a PostgreSQL database for a {@link JdbcStore}: a HikariCP pool whose first connection
 * is the store's writer for as long as the store is open, the others its readers, and the schema
 * brought up to date by the PostgreSQL migrations ({@code db/postgresql}).
 */
final class PostgresDatabase {
    /** Read connections: enough for the cores that parse while others read. */
    private static final int READERS = Math.max(4, Runtime.getRuntime().availableProcessors());

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern URL = Pattern.compile("(?i)(jdbc:)?postgres(ql)?://.+");

    private PostgresDatabase() {}

    /** Whether {@code database} names a PostgreSQL database ({@code postgresql://host:port/db?...}). */
    static boolean names(String database) {
        return URL.matcher(database.strip()).matches();
    }

    /** As {@link JdbcStore#openPostgresql}. */
    static JdbcStore open(String database) {
        String url = jdbcUrl(database);
        HikariDataSource writes = null;
        HikariDataSource reads = null;
        Handle writer = null;
        try {
            // Two: Flyway holds one for its lock while it migrates on the other.
            writes = new HikariDataSource(config(url, "orrery-store-writer", 2));
            Flyway.configure()
                    .dataSource(writes)
                    .locations("classpath:db/postgresql")
                    .load()
                    .migrate();
            HikariConfig readConfig = config(url, "orrery-store-readers", READERS);
            // A read of several statements (a river and its subscriptions) sees one snapshot, as
            // a read transaction on SQLite does.
            readConfig.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
            readConfig.setReadOnly(true);
            reads = new HikariDataSource(readConfig);
            writer = Jdbi.create(writes).open();
            HikariDataSource writePool = writes;
            HikariDataSource readPool = reads;
            return new JdbcStore(
                    writer, Jdbi.create(reads), () -> closeAll(readPool, writePool), SqlDialect.POSTGRESQL);
        } catch (RuntimeException e) {
            // FlywayException, JdbiException, or HikariCP's PoolInitializationException when the
            // server cannot be reached or refuses the login.
            if (writer != null) {
                closeQuietly(writer);
            }
            closeAll(reads, writes);
            throw StoreException.of("opening " + withoutSecrets(database), e);
        }
    }

    private static void closeAll(HikariDataSource... pools) {
        for (HikariDataSource pool : pools) {
            if (pool != null) {
                pool.close();
            }
        }
    }

    private static void closeQuietly(Handle handle) {
        try {
            handle.close();
        } catch (JdbiException e) {
            // The failure that made us close it is the one reported.
        }
    }

    /** {@code postgresql://...} as the JDBC driver reads it. */
    static String jdbcUrl(String database) {
        String url = database.strip();
        if (!url.regionMatches(true, 0, "jdbc:", 0, 5)) {
            url = "jdbc:" + url;
        }
        // libpq's scheme "postgres://" is the driver's "postgresql://".
        return url.replaceFirst("(?i)^jdbc:postgres(ql)?://", "jdbc:postgresql://");
    }

    /** {@code database} with any password in its query left out, for messages and logs. */
    static String withoutSecrets(String database) {
        return database.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("(?i)(://[^/@:]+:)[^/@]*@", "$1***@");
    }

    private static HikariConfig config(String url, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
        // A server that cannot be reached fails the open at its first try, before any feed is fetched.
        config.setInitializationFailTimeout(1);
        // Not reWriteBatchedInserts: its multi-row statements lose each row's update count,
        // which an import reads to say what became of each entry.
        config.addDataSourceProperty("ApplicationName", "orrery");
        return config;
    }
}
