package org.orrery.parse.atom;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What an {@code atom:feed} said, as read: links resolved, dates unparsed; entries aside. */
final class AtomFeed {
    final String format;
    Optional<String> id = Optional.empty();
    Optional<AtomText> title = Optional.empty();
    Optional<AtomText> subtitle = Optional.empty();
    final List<AtomLink> links = new ArrayList<>();
    Optional<String> language = Optional.empty();
    Optional<String> updated = Optional.empty();
    Optional<AtomPerson> author = Optional.empty();
    Optional<URI> icon = Optional.empty();
    Optional<URI> logo = Optional.empty();
    Optional<AtomText> rights = Optional.empty();
    Optional<String> generator = Optional.empty();

    AtomFeed(String format) {
        this.format = format;
    }
}
