package org.orrery.parse.atom;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.orrery.model.Enclosure;

/** What an {@code atom:entry} said, as read: links resolved, dates unparsed. */
final class AtomEntry {
    Optional<String> id = Optional.empty();
    Optional<AtomText> title = Optional.empty();
    final List<AtomLink> links = new ArrayList<>();
    Optional<AtomPerson> author = Optional.empty();
    Optional<String> published = Optional.empty();
    Optional<String> updated = Optional.empty();
    Optional<AtomText> content = Optional.empty();
    Optional<AtomText> summary = Optional.empty();
    Optional<AtomText> rights = Optional.empty();
    Optional<AtomText> mediaDescription = Optional.empty();
    final List<String> categories = new ArrayList<>();
    final List<Enclosure> enclosures = new ArrayList<>();
    /** The xml:lang in effect on the entry, else on its first title, content or summary that has one. */
    Optional<String> language = Optional.empty();
}
