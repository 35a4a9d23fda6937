package org.orrery.bench;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.orrery.model.Entry;
import org.orrery.normalize.EntryNormalizer;
import org.orrery.parse.FeedParseException;
import org.orrery.parse.FeedParser;
import org.orrery.parse.ParsedEntry;
import org.orrery.parse.ParsedFeed;
import org.orrery.sanitize.HtmlSanitizer;

/**
 * Single-thread parsing throughput of Orrery and ROME on the same bytes, in bytes per second
 * (the {@code bytes} counter; {@code bench/parse.sh} turns it into MB/s and ratios).
 *
 * <p>Inputs, named by {@code -p input=}: {@code corpus}, every file under the directory in
 * the {@code orrery.bench.corpus} property (feeds made by the shared {@code gen_feeds.py}),
 * taken in turn; {@code big}, the one file in {@code orrery.bench.big} (a 100 MB RSS feed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ParseBenchmark {
    @Param({"corpus"})
    public String input;

    private final FeedParser parser = new FeedParser();
    private final EntryNormalizer normalizer = EntryNormalizer.sanitising(new HtmlSanitizer());
    private List<byte[]> documents;
    private URI documentUri;

    /** Bytes parsed: JMH reports it per second, next to operations per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;
        int next;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup
    public void load() throws IOException {
        Path source = Path.of(property(input.equals("big") ? "orrery.bench.big" : "orrery.bench.corpus"));
        documentUri = source.toUri();
        try (Stream<Path> files = Files.walk(source)) {
            documents = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(rss|atom|rdf|xml)$"))
                    .sorted()
                    .map(ParseBenchmark::read)
                    .toList();
        }
        if (documents.isEmpty()) {
            throw new IllegalStateException("no feeds under " + source);
        }
    }

    @Benchmark
    public ParsedFeed orreryParse(Bytes counter) throws FeedParseException {
        return parser.parse(next(counter), documentUri, Optional.empty());
    }

    @Benchmark
    public void orreryParseAndSanitise(Bytes counter, Blackhole sink) throws FeedParseException {
        ParsedFeed feed = parser.parse(next(counter), documentUri, Optional.empty());
        for (ParsedEntry parsed : feed.entries()) {
            Entry entry = normalizer.normalize(parsed);
            sink.consume(entry);
        }
    }

    @Benchmark
    public SyndFeed rome(Bytes counter) throws IOException, FeedException {
        return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(next(counter))));
    }

    private byte[] next(Bytes counter) {
        byte[] document = documents.get(counter.next);
        counter.next = (counter.next + 1) % documents.size();
        counter.bytes += document.length;
        return document;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("set -D" + name + " (bench/parse.sh does)");
        }
        return value;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
