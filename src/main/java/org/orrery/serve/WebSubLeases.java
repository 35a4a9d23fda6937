package org.orrery.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WebSub subscriptions kept across restarts: a small JSON file beside the database ({@code
 * websub.json}), replaced whole by a rename on each change, so a crash leaves the old or the
 * new one. It holds each subscription's secret, so it is as private as the database.
 */
final class WebSubLeases {
    private static final JsonFactory JSON = new JsonFactory();

    private WebSubLeases() {}

    /** The subscriptions in {@code file}; none when it is missing or cannot be read (said why). */
    static List<WebSubLease> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        var leases = new ArrayList<WebSubLease>();
        try (JsonParser json = JSON.createParser(file.toFile())) {
            if (json.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("not a JSON array");
            }
            while (json.nextToken() == JsonToken.START_OBJECT) {
                Map<String, String> fields = new HashMap<>();
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    json.nextToken();
                    fields.put(name, json.getValueAsString());
                }
                leases.add(lease(fields));
            }
        } catch (IOException | RuntimeException e) {
            // The feeds are polled as ever; they are subscribed to again when next fetched.
            org.slf4j.LoggerFactory.getLogger(WebSubLeases.class)
                    .warn("serve: {} cannot be read, WebSub subscriptions start afresh: {}", file, e.toString());
            return List.of();
        }
        return leases;
    }

    private static WebSubLease lease(Map<String, String> f) {
        return new WebSubLease(
                URI.create(f.get("topic")),
                URI.create(f.get("hub_topic")),
                URI.create(f.get("hub")),
                f.get("id"),
                f.get("secret"),
                WebSubLease.State.valueOf(f.get("state")),
                Instant.parse(f.get("requested")),
                instant(f.get("expires")),
                instant(f.get("renew_at")),
                instant(f.get("retry_at")));
    }

    private static Optional<Instant> instant(String value) {
        return value == null ? Optional.empty() : Optional.of(Instant.parse(value));
    }

    /** Replaces {@code file} with {@code leases}. */
    static void write(Path file, List<WebSubLease> leases) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (var json = JSON.createGenerator(temporary.toFile(), com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            for (WebSubLease lease : leases) {
                json.writeStartObject();
                json.writeStringField("topic", lease.topic().toString());
                json.writeStringField("hub_topic", lease.hubTopic().toString());
                json.writeStringField("hub", lease.hub().toString());
                json.writeStringField("id", lease.id());
                json.writeStringField("secret", lease.secret());
                json.writeStringField("state", lease.state().name());
                json.writeStringField("requested", lease.requested().toString());
                if (lease.expires().isPresent()) {
                    json.writeStringField("expires", lease.expires().get().toString());
                }
                if (lease.renewAt().isPresent()) {
                    json.writeStringField("renew_at", lease.renewAt().get().toString());
                }
                if (lease.retryAt().isPresent()) {
                    json.writeStringField("retry_at", lease.retryAt().get().toString());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
