package org.orrery.model;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What a feed says about itself that only templates show: its images, its copyright and the
 * software that wrote it (Venus's channel variables {@code icon}, {@code logo}, {@code rights},
 * {@code generator}).
 *
 * @param icon absolute URL of the feed's small square image (Atom {@code icon}, JSON Feed
 *     {@code favicon})
 * @param logo absolute URL of the feed's larger image (Atom {@code logo}, RSS {@code image},
 *     JSON Feed {@code icon})
 * @param rights the feed's copyright statement, as plain text
 * @param generator the name of the software that wrote the feed, as plain text
 */
public record FeedCredits(Optional<URI> icon, Optional<URI> logo, Optional<String> rights, Optional<String> generator) {
    public static final FeedCredits NONE =
            new FeedCredits(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public FeedCredits {
        Objects.requireNonNull(icon, "icon");
        Objects.requireNonNull(logo, "logo");
        Objects.requireNonNull(rights, "rights");
        Objects.requireNonNull(generator, "generator");
    }
}
