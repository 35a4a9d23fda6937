package org.orrery.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.orrery.model.Sha256;

/**
 * Bodies are stored as the feed gave them and sanitised when published (through {@code
 * sanitize.BodyGate}, whose results {@code safe_html} caches). Rows stored before were sanitised
 * when fetched: their bodies go into the cache as they are, under the policy {@code 1:stored}, so
 * that nothing a planet published before changes or is sanitised again. A Java migration because
 * SQLite has no SHA-256 to compute the cache's keys with.
 */
public final class V10__raw_bodies extends BaseJavaMigration {
    /** {@code sanitize.BodyGate.STORED_SANITISED}; the store does not depend on the sanitiser. */
    static final String STORED_SANITISED = "1:stored";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement s = connection.createStatement()) {
            // Where the relative URLs of a raw body resolve; NULL for the bodies stored sanitised.
            s.execute("ALTER TABLE entry ADD COLUMN body_base TEXT");
            s.execute(
                    """
                    CREATE TABLE safe_html (
                        digest     TEXT   NOT NULL,
                        policy     TEXT   NOT NULL,
                        -- NULL: the body itself, which the sanitiser left as it was
                        html       TEXT,
                        created_at BIGINT NOT NULL,
                        PRIMARY KEY (digest, policy)
                    ) WITHOUT ROWID""");
            s.execute("DROP TRIGGER entry_changed");
            s.execute(
                    """
                    CREATE TRIGGER entry_changed AFTER UPDATE ON entry
                    WHEN OLD.title IS NOT NEW.title OR OLD.link IS NOT NEW.link OR OLD.author IS NOT NEW.author
                        OR OLD.published IS NOT NEW.published OR OLD.updated IS NOT NEW.updated
                        OR OLD.first_seen IS NOT NEW.first_seen OR OLD.content_html IS NOT NEW.content_html
                        OR OLD.summary_html IS NOT NEW.summary_html OR OLD.categories IS NOT NEW.categories
                        OR OLD.hidden IS NOT NEW.hidden OR OLD.subscription_id IS NOT NEW.subscription_id
                        OR OLD.in_feed IS NOT NEW.in_feed OR OLD.enclosures IS NOT NEW.enclosures
                        OR OLD.body_base IS NOT NEW.body_base
                    BEGIN
                        UPDATE change_count SET count = count + 1 WHERE id = 1;
                    END""");
        }
        long now = System.currentTimeMillis();
        try (Statement read = connection.createStatement();
                ResultSet rows = read.executeQuery("SELECT content_html, summary_html FROM entry");
                PreparedStatement keep = connection.prepareStatement(
                        "INSERT OR IGNORE INTO safe_html (digest, policy, html, created_at) VALUES (?, ?, ?, ?)")) {
            int batched = 0;
            while (rows.next()) {
                for (int column = 1; column <= 2; column++) {
                    String html = rows.getString(column);
                    if (html == null || html.isEmpty()) {
                        continue;
                    }
                    // BodyGate.digest(html, no base)
                    keep.setString(1, Sha256.hex("\n" + html));
                    keep.setString(2, STORED_SANITISED);
                    keep.setString(3, html);
                    keep.setLong(4, now);
                    keep.addBatch();
                    if (++batched % 1_000 == 0) {
                        keep.executeBatch();
                    }
                }
            }
            keep.executeBatch();
        }
    }
}
