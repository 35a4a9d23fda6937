package org.orrery;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.orrery.config.PlanetConfig;
import org.orrery.model.Subscription;
import org.orrery.publish.Publisher;
import org.orrery.render.HealthPage;
import org.orrery.store.FeedHealth;

/**
 * How every subscription of a planet is doing, worst first, with what a maintainer should do
 * about it: for {@code orrery status}, {@code health.json} and the subscriptions list.
 *
 * @param generated when the report was made
 * @param rows one per subscription (configured, then from reading lists), worst first
 * @param readingLists one line per reading list that could not be fetched or read on the last
 *     refresh ({@code URL: reason}); its last readable copy was used
 */
public record HealthReport(Instant generated, List<Row> rows, List<String> readingLists) {
    /** How a subscription is doing, worst first. */
    public enum State {
        GONE,
        FAILING,
        DUPLICATE,
        MOVED,
        QUIET,
        NEW,
        OK;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One subscription.
     *
     * @param name the configured name, else the feed's title, else the URL
     * @param message Venus's {@code message}: what is wrong, in words a reader of the site may
     *     see too; empty when nothing is
     * @param action what the maintainer should change in the config, when anything
     */
    public record Row(String name, FeedHealth health, State state, Optional<String> message, Optional<String> action) {
        public Row {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(health, "health");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(action, "action");
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    public HealthReport {
        rows = List.copyOf(rows);
        readingLists = List.copyOf(readingLists);
    }

    /**
     * Builds the report. {@code activity_threshold} (days, a {@code [Planet]} or per-feed
     * option as in Venus) marks feeds whose newest entry is older as quiet; unset or 0: never.
     *
     * @param health one per subscription, in config order
     */
    public static HealthReport of(PlanetConfig config, List<FeedHealth> health, Instant now) {
        return of(config, config.subscriptions(), health, List.of(), now);
    }

    /**
     * The report of {@code subscriptions} (the configured ones and those of reading lists),
     * {@code health} holding one element per subscription, in the same order, and of the
     * reading lists' {@code problems}.
     */
    public static HealthReport of(
            PlanetConfig config,
            List<Subscription> subscriptions,
            List<FeedHealth> health,
            List<String> problems,
            Instant now) {
        // A section whose URL is its feed's own owns the feed; one that moved onto it is the duplicate.
        Map<URI, URI> owners = new HashMap<>();
        for (int i = 0; i < subscriptions.size(); i++) {
            URI configured = subscriptions.get(i).feedUri();
            if (health.get(i).schedule().redirectedTo().isEmpty()) {
                owners.putIfAbsent(configured, configured);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < subscriptions.size(); i++) {
            Subscription subscription = subscriptions.get(i);
            FeedHealth h = health.get(i);
            URI effective = h.schedule().redirectedTo().orElse(subscription.feedUri());
            URI owner = owners.putIfAbsent(effective, subscription.feedUri());
            Optional<URI> duplicateOf = Optional.ofNullable(owner).filter(o -> !o.equals(subscription.feedUri()));
            int threshold = config.subscriptionOptions(subscription).activityThresholdDays();
            String name = subscription
                    .name()
                    .filter(n -> !n.isBlank())
                    .or(() -> h.title().filter(t -> !t.isBlank()))
                    .orElse(subscription.feedUri().toString());
            rows.add(row(name, h, duplicateOf, threshold, now));
        }
        rows.sort(Comparator.comparing(Row::state)
                .thenComparing(r -> -r.health().errorCount())
                .thenComparing(Row::name, String.CASE_INSENSITIVE_ORDER));
        return new HealthReport(now, rows, problems);
    }

    private static Row row(String name, FeedHealth h, Optional<URI> duplicateOf, int thresholdDays, Instant now) {
        if (h.gone()) {
            return new Row(name, h, State.GONE, Optional.of("410: gone"), Optional.of("remove its section"));
        }
        if (h.errorCount() > 0) {
            return new Row(name, h, State.FAILING, Optional.of(failure(h)), Optional.empty());
        }
        if (duplicateOf.isPresent()) {
            return new Row(
                    name,
                    h,
                    State.DUPLICATE,
                    Optional.of("duplicate subscription of " + duplicateOf.get()),
                    Optional.of("remove its section"));
        }
        Optional<URI> moved = h.schedule().redirectedTo();
        if (moved.isPresent()) {
            return new Row(
                    name,
                    h,
                    State.MOVED,
                    Optional.of("moved permanently to " + moved.get()),
                    Optional.of("update the section name in config.ini to " + moved.get()));
        }
        if (thresholdDays > 0
                && h.newestEntry()
                        .filter(t -> t.isBefore(now.minus(Duration.ofDays(thresholdDays))))
                        .isPresent()) {
            return new Row(
                    name, h, State.QUIET, Optional.of("no activity in " + thresholdDays + " days"), Optional.empty());
        }
        State state = h.lastAttempt().isEmpty() ? State.NEW : State.OK;
        return new Row(name, h, state, Optional.empty(), Optional.empty());
    }

    /** {@code 404: not found}, as Venus words an HTTP failure; other failures as they were recorded. */
    private static String failure(FeedHealth h) {
        String error = h.lastError().orElse("failed");
        OptionalInt status = h.httpStatus();
        String prefix = status.isPresent() ? "HTTP " + status.getAsInt() + " " : null;
        if (prefix != null && error.startsWith(prefix)) {
            return status.getAsInt() + ": " + error.substring(prefix.length()).toLowerCase(Locale.ROOT);
        }
        return error;
    }

    /** The message of every configured feed URL that has one, for many lookups. */
    public Map<URI, String> messages() {
        var messages = new HashMap<URI, String>();
        for (Row row : rows) {
            row.message().ifPresent(m -> messages.putIfAbsent(row.health().feedUri(), m));
        }
        return messages;
    }

    /** The message of a configured feed URL, when something is wrong with it. */
    public Optional<String> message(URI feedUri) {
        return rows.stream()
                .filter(r -> r.health().feedUri().equals(feedUri))
                .findFirst()
                .flatMap(Row::message);
    }

    /** A table for a terminal, one subscription per line, worst first. */
    public String table() {
        var out = new StringBuilder();
        String format = "%-9s %6s  %-12s %-12s %s%n";
        out.append(format.formatted("STATE", "ERRORS", "LAST OK", "NEXT", "FEED"));
        for (Row row : rows) {
            FeedHealth h = row.health();
            out.append(format.formatted(
                    row.state().label(),
                    h.errorCount(),
                    h.lastSuccess().map(this::ago).orElse("never"),
                    row.state() == State.GONE
                            ? "never"
                            : h.schedule()
                                    .nextFetchAt()
                                    .filter(generated::isBefore)
                                    .map(this::in)
                                    .orElse("next run"),
                    row.name().equals(h.feedUri().toString()) ? row.name() : row.name() + " <" + h.feedUri() + ">"));
            row.message().ifPresent(m -> out.append("          ")
                    .append(m)
                    .append(row.action().map(a -> ": " + a).orElse(""))
                    .append(System.lineSeparator()));
            h.warning()
                    .ifPresent(w -> out.append("          warning: ").append(w).append(System.lineSeparator()));
        }
        for (String problem : readingLists) {
            out.append("reading list: ").append(problem).append(System.lineSeparator());
        }
        return out.toString();
    }

    private String ago(Instant t) {
        return span(Duration.between(t, generated)) + " ago";
    }

    private String in(Instant t) {
        return "in " + span(Duration.between(generated, t));
    }

    private static String span(Duration d) {
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        if (d.toDays() >= 2) {
            return d.toDays() + " d";
        }
        if (d.toHours() >= 2) {
            return d.toHours() + " h";
        }
        return d.toMinutes() + " min";
    }

    /** The report as JSON: {@code health.json} in the output and {@code orrery status --json}. */
    public byte[] json() {
        var bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField(
                    "generated", generated.truncatedTo(ChronoUnit.SECONDS).toString());
            json.writeArrayFieldStart("subscriptions");
            for (Row row : rows) {
                FeedHealth h = row.health();
                json.writeStartObject();
                json.writeStringField("url", h.feedUri().toString());
                json.writeStringField("name", row.name());
                json.writeStringField("state", row.state().label());
                writeOptional(json, "message", row.message());
                writeOptional(json, "action", row.action());
                if (h.httpStatus().isPresent()) {
                    json.writeNumberField("http_status", h.httpStatus().getAsInt());
                }
                json.writeNumberField("consecutive_failures", h.errorCount());
                writeOptional(json, "last_error", h.lastError());
                writeOptional(json, "warning", h.warning());
                writeOptional(json, "last_attempt", h.lastAttempt().map(Instant::toString));
                writeOptional(json, "last_success", h.lastSuccess().map(Instant::toString));
                writeOptional(json, "next_fetch", h.schedule().nextFetchAt().map(Instant::toString));
                writeOptional(json, "effective_url", h.schedule().redirectedTo().map(URI::toString));
                json.writeBooleanField("gone", h.gone());
                writeOptional(json, "newest_entry", h.newestEntry().map(Instant::toString));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("reading_lists");
            for (String problem : readingLists) {
                json.writeStartObject();
                json.writeStringField("message", problem);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the health report to memory", e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    private static void writeOptional(JsonGenerator json, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(field, value.get());
        }
    }

    /** What the published site shows of this report: each feed's message, {@code health.json} and {@code health.html}. */
    public Publisher.Health site() {
        return new Publisher.Health(messages(), json(), page());
    }

    /** The report as {@code health.html} shows it. */
    public HealthPage.Report page() {
        return new HealthPage.Report(
                generated,
                rows.stream()
                        .map(row -> new HealthPage.Row(
                                row.name(),
                                row.health().feedUri(),
                                row.state().label(),
                                row.message(),
                                row.action(),
                                row.health().errorCount(),
                                row.health().lastSuccess(),
                                row.state() == State.GONE
                                        ? Optional.empty()
                                        : row.health().schedule().nextFetchAt().or(() -> Optional.of(generated)),
                                row.health().warning()))
                        .toList(),
                readingLists);
    }
}
