package org.orrery.parse.atom;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** An {@code atom:link} (RFC 4287 §4.2.7) with its href resolved. */
record AtomLink(String rel, Optional<String> type, URI href) {
    private static final String IANA_RELATIONS = "http://www.iana.org/assignments/relation/";

    boolean isAlternate() {
        return rel.equals("alternate") || rel.equals(IANA_RELATIONS + "alternate");
    }

    /** The first alternate link of type text/html, else the first alternate link. */
    static Optional<URI> alternate(List<AtomLink> links) {
        Optional<AtomLink> html = links.stream()
                .filter(AtomLink::isAlternate)
                .filter(l ->
                        l.type().filter(t -> t.equalsIgnoreCase("text/html")).isPresent())
                .findFirst();
        return html.or(() -> links.stream().filter(AtomLink::isAlternate).findFirst())
                .map(AtomLink::href);
    }
}
