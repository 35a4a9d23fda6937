package org.orrery.migrate;

import static org.orrery.migrate.VenusXml.ATOM;
import static org.orrery.migrate.VenusXml.PLANET;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.w3c.dom.Element;

/**
 * A feed as Venus describes it: the {@code <source>} it copies into each entry, and its
 * {@code sources/} copy of each feed's metadata, which has the same children.
 *
 * @param id the feed's {@code id} (Venus's {@code source/id}: the feed's id, else its link), which
 *     ties entries to their feed
 * @param planetId the id of the feed Venus fetched, when the entry came with a source of its own
 *     (an entry of another planet's feed)
 * @param self the {@code rel="self"} link: the feed's own, else the URL Venus fetched
 * @param name the {@code name} of the feed's section in Venus's config
 * @param title the feed's title as text
 * @param site the feed's {@code rel="alternate"} link
 * @param etag the {@code ETag} Venus would send next ({@code planet:http_etag})
 * @param lastModified the {@code Last-Modified} Venus would send next
 * @param httpStatus the status of Venus's last fetch
 * @param message what Venus found wrong with the feed ({@code planet:message}: {@code 404: not
 *     found}, {@code no activity in 14 days}, ...)
 * @param updated the feed's {@code updated}: the feed's own date, else when Venus wrote it, the
 *     date Venus gave the feed's undated entries
 */
record VenusSource(
        Optional<String> id,
        Optional<String> planetId,
        Optional<String> self,
        Optional<String> name,
        Optional<String> title,
        Optional<String> site,
        Optional<String> etag,
        Optional<String> lastModified,
        OptionalInt httpStatus,
        Optional<String> message,
        Optional<Instant> updated) {
    VenusSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(httpStatus, "httpStatus");
    }

    static VenusSource of(Element source) {
        return new VenusSource(
                VenusXml.text(source, ATOM, "id"),
                VenusXml.text(source, PLANET, "id"),
                VenusXml.link(source, "self"),
                VenusXml.text(source, PLANET, "name"),
                VenusXml.text(source, ATOM, "title"),
                VenusXml.link(source, "alternate"),
                VenusXml.text(source, PLANET, "http_etag"),
                VenusXml.text(source, PLANET, "http_last_modified"),
                VenusXml.text(source, PLANET, "http_status")
                        .filter(s -> s.matches("\\d{3}"))
                        .map(s -> OptionalInt.of(Integer.parseInt(s)))
                        .orElse(OptionalInt.empty()),
                VenusXml.text(source, PLANET, "message"),
                VenusXml.text(source, ATOM, "updated").flatMap(VenusSource::instant));
    }

    /** Venus wrote dates as {@code 2006-06-17T00:15:18Z}; another form is no date. */
    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Why the old planet's last fetch of a feed failed, in Venus's words ({@code spider.py}), when
     * its HTTP status was an error other than 410 Gone (which is the subscription's gone state).
     */
    static Optional<String> failure(int httpStatus) {
        return switch (httpStatus) {
            case 403 -> Optional.of("403: forbidden");
            case 404 -> Optional.of("404: not found");
            case 408 -> Optional.of("408: request timeout");
            case 410 -> Optional.empty();
            case 500 -> Optional.of("internal server error");
            default -> httpStatus >= 400 ? Optional.of("http status " + httpStatus) : Optional.empty();
        };
    }

    /** How a report names the feed: its id, with its name or title. */
    String describe() {
        String label = name.or(() -> title).map(s -> " (" + s + ")").orElse("");
        return id.or(() -> self).orElse("a feed without an id") + label;
    }
}
