package org.orrery.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.orrery.fetch.FetchResult;
import org.orrery.fetch.FetchSettings;
import org.orrery.fetch.HttpFetcher;
import org.orrery.model.Validators;
import org.orrery.normalize.EntryNormalizer;
import org.orrery.parse.DocumentSource;
import org.orrery.parse.FeedParseException;
import org.orrery.parse.FeedParser;
import org.orrery.parse.ParsedEntry;
import org.orrery.parse.ParsedFeed;
import org.orrery.sanitize.HtmlSanitizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orrery parse}: what Orrery understands of one feed, for people or as JSON. */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description = "Parse one feed (a file or a URL) and print what Orrery understood of it.")
final class ParseCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE|URL", description = "The feed to read.")
    String input;

    @Option(names = "--json", description = "Print the normalised JSON view (the parser's test contract).")
    boolean json;

    @Option(names = "--base-url", paramLabel = "URL", description = "Resolve relative URLs against this URL.")
    URI baseUrl;

    @Option(
            names = "--batch",
            paramLabel = "LIST.tsv",
            description = "Read lines 'input<TAB>base-url<TAB>output' and write each output file, in one JVM.")
    Path batch;

    @Option(
            names = "--published",
            description = "Show content as the planet publishes it: links with rel=\"noopener noreferrer\","
                    + " images with loading=\"lazy\", audio and video with controls.")
    boolean published;

    @Spec
    CommandSpec spec;

    private final FeedParser parser = new FeedParser();
    private ParseJson view;
    private final JsonFactory jsonFactory = new JsonFactory();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        view = new ParseJson(EntryNormalizer.sanitising(published ? sanitizer : sanitizer.undecorated()));
        if (batch != null) {
            return batch(err);
        }
        if (input == null) {
            err.println("orrery parse: give a FILE or URL, or --batch LIST.tsv");
            return 2;
        }
        Optional<Document> document = read(input, Optional.ofNullable(baseUrl), err);
        if (document.isEmpty()) {
            return 1;
        }
        try {
            if (json) {
                JsonGenerator g = jsonFactory
                        .createGenerator(out)
                        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                        .useDefaultPrettyPrinter();
                view.start(g);
                view.end(parse(document.get(), entry -> view.entry(entry, g)), g);
                g.close();
                out.println();
            } else {
                int[] count = {0};
                ParsedFeed feed = parse(document.get(), entry -> {
                    count[0]++;
                    entry(entry, out);
                });
                summary(feed, count[0], out);
            }
            return 0;
        } catch (FeedParseException e) {
            err.println("orrery parse: " + input + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("orrery parse: cannot read " + input + ": " + e.getMessage());
            return 1;
        }
    }

    private int batch(PrintWriter err) throws IOException {
        int failed = 0;
        List<String> lines = Files.readAllLines(batch, StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length < 3) {
                err.println("orrery parse: " + batch + ": expected input<TAB>base-url<TAB>output, got: " + line);
                return 2;
            }
            Optional<URI> base = fields[1].isBlank() ? Optional.empty() : Optional.of(URI.create(fields[1].strip()));
            Path output = Path.of(fields[2]);
            var errors = new StringWriter();
            Optional<Document> document = read(fields[0], base, new PrintWriter(errors, true));
            String failure = document.isEmpty() ? errors.toString().strip() : null;
            if (document.isPresent()) {
                try (OutputStream os = Files.newOutputStream(output);
                        JsonGenerator g = jsonFactory.createGenerator(os)) {
                    view.start(g);
                    view.end(parse(document.get(), entry -> view.entry(entry, g)), g);
                } catch (FeedParseException | RuntimeException e) {
                    // One unreadable feed gets an error object; the batch goes on.
                    failure = e instanceof FeedParseException ? e.getMessage() : e.toString();
                } catch (IOException e) {
                    failure = "orrery parse: cannot read " + fields[0] + ": " + e.getMessage();
                }
            }
            if (failure != null) {
                // Replaces whatever of the feed's object was written before the failure.
                try (OutputStream os = Files.newOutputStream(output);
                        JsonGenerator g = jsonFactory.createGenerator(os)) {
                    error(g, failure);
                }
                failed++;
            }
        }
        err.printf("orrery parse: %d files, %d without a usable feed%n", lines.size(), failed);
        return 0;
    }

    private static void error(JsonGenerator g, String message) throws IOException {
        g.writeStartObject();
        g.writeStringField("error", message);
        g.writeEndObject();
    }

    /** Writes one entry; may fail as output does. */
    private interface EntryWriter {
        void write(ParsedEntry entry) throws IOException;
    }

    /** Parses {@code document} streaming, each entry written as soon as it is read. */
    private ParsedFeed parse(Document document, EntryWriter entries) throws FeedParseException, IOException {
        try {
            return parser.parse(document.source(), document.base(), document.charset(), entry -> {
                try {
                    entries.write(entry);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A document, the URL relative links resolve against, and a declared charset. */
    private record Document(DocumentSource source, URI base, Optional<String> charset) {}

    private Optional<Document> read(String input, Optional<URI> base, PrintWriter err) {
        if (input.startsWith("http://") || input.startsWith("https://")) {
            try (var fetcher = new HttpFetcher(FetchSettings.defaults())) {
                return switch (fetcher.fetch(URI.create(input), Validators.NONE)) {
                    case FetchResult.Fetched f ->
                        Optional.of(new Document(DocumentSource.of(f.body()), base.orElse(f.finalUri()), f.charset()));
                    case FetchResult.NotModified n ->
                        throw new IllegalStateException("304 to an unconditional request");
                    case FetchResult.Failed f -> {
                        err.println("orrery parse: " + input + ": " + f.reason());
                        yield Optional.empty();
                    }
                };
            }
        }
        // Read as a stream by the parser: a file may be larger than memory.
        Path file = Path.of(input);
        return Optional.of(new Document(
                DocumentSource.of(file), base.orElse(file.toAbsolutePath().toUri()), Optional.empty()));
    }

    private static void entry(ParsedEntry entry, PrintWriter out) {
        out.printf("  - %s%n", entry.title().orElse("(untitled)"));
        entry.link().ifPresent(l -> out.println("      " + l));
        entry.published().or(entry::updated).ifPresent(d -> out.println("      " + d));
        entry.enclosures()
                .forEach(e -> out.println("      attached " + e.url()
                        + e.type().map(t -> " (" + t + ")").orElse("")));
    }

    /** What the feed is, after its entries: the parser knows it once it has read them all. */
    private static void summary(ParsedFeed feed, int entries, PrintWriter out) {
        out.printf("%s feed: %s%n", feed.format(), feed.title().orElse("(no title)"));
        feed.link().ifPresent(l -> out.println("  site     " + l));
        feed.updated().ifPresent(u -> out.println("  updated  " + u));
        out.printf("  %d entries%n", entries);
        for (String warning : feed.warnings()) {
            out.println("warning: " + warning);
        }
    }
}
