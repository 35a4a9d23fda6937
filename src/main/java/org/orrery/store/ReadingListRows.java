package org.orrery.store;

import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.orrery.model.Validators;

/** The last readable copy of each reading list, one row per URL (body Base64 in a text column). */
final class ReadingListRows {
    private ReadingListRows() {}

    static Optional<ReadingListCopy> read(Handle handle, URI uri) {
        return handle.createQuery("SELECT etag, last_modified, body, fetched_at FROM reading_list WHERE url = :url")
                .bind("url", uri.toString())
                .map((rs, ctx) -> new ReadingListCopy(
                        Base64.getDecoder().decode(rs.getString("body")),
                        new Validators(
                                Optional.ofNullable(rs.getString("etag")),
                                Optional.ofNullable(rs.getString("last_modified"))),
                        Instant.ofEpochMilli(rs.getLong("fetched_at"))))
                .findOne();
    }

    /** Replaces the stored copy of the reading list at {@code uri} with {@code copy}. */
    static int save(Handle handle, URI uri, ReadingListCopy copy) {
        return handle.createUpdate(
                        """
                        INSERT INTO reading_list (url, etag, last_modified, body, fetched_at)
                        VALUES (:url, :etag, :last_modified, :body, :fetched_at)
                        ON CONFLICT (url) DO UPDATE SET
                            etag = excluded.etag, last_modified = excluded.last_modified,
                            body = excluded.body, fetched_at = excluded.fetched_at
                        """)
                .bind("url", uri.toString())
                .bind("etag", copy.validators().etag().orElse(null))
                .bind("last_modified", copy.validators().lastModified().orElse(null))
                .bind("body", Base64.getEncoder().encodeToString(copy.body()))
                .bind("fetched_at", copy.fetchedAt().toEpochMilli())
                .execute();
    }
}
