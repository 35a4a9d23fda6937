package org.orrery.model;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a subscription's feed says about itself (feed-level metadata), as last fetched.
 *
 * @param title the feed's title as plain text
 * @param siteLink absolute URL of the site the feed belongs to
 * @param id the feed's own id (Atom {@code id}), as written
 * @param subtitle the feed's subtitle or description, as plain text
 * @param author the feed's author's name (else e-mail), as written
 * @param updated when the feed says it last changed
 * @param language the feed's declared language, as written
 * @param credits the feed's icon, logo, rights and generator
 */
public record FeedInfo(
        Optional<String> title,
        Optional<URI> siteLink,
        Optional<String> id,
        Optional<String> subtitle,
        Optional<String> author,
        Optional<Instant> updated,
        Optional<String> language,
        FeedCredits credits) {
    public static final FeedInfo UNKNOWN = new FeedInfo(Optional.empty(), Optional.empty());

    public FeedInfo {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(siteLink, "siteLink");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subtitle, "subtitle");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(credits, "credits");
    }

    /** A feed that names no icon, logo, rights or generator. */
    public FeedInfo(
            Optional<String> title,
            Optional<URI> siteLink,
            Optional<String> id,
            Optional<String> subtitle,
            Optional<String> author,
            Optional<Instant> updated,
            Optional<String> language) {
        this(title, siteLink, id, subtitle, author, updated, language, FeedCredits.NONE);
    }

    /** A feed of which only the title and site are known. */
    public FeedInfo(Optional<String> title, Optional<URI> siteLink) {
        this(title, siteLink, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
