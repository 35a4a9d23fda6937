package org.orrery.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a feed says about an entry beyond what the river shows (Venus's template variables
 * {@code author_email}, {@code author_uri}, {@code *_language}, {@code rights}).
 *
 * @param authorEmail the author's e-mail address, as written
 * @param authorUri the author's web address, as written
 * @param language the language the entry is written in (its {@code xml:lang}, else the feed's
 *     language), as written
 * @param rights the entry's copyright statement, as plain text
 */
public record EntryDetails(
        Optional<String> authorEmail, Optional<String> authorUri, Optional<String> language, Optional<String> rights) {
    public static final EntryDetails NONE =
            new EntryDetails(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public EntryDetails {
        Objects.requireNonNull(authorEmail, "authorEmail");
        Objects.requireNonNull(authorUri, "authorUri");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(rights, "rights");
    }
}
