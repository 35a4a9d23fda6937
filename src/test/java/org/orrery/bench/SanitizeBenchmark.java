package org.orrery.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
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
import org.orrery.parse.FeedParseException;
import org.orrery.parse.FeedParser;
import org.orrery.parse.Html;
import org.orrery.parse.ParsedEntry;
import org.orrery.sanitize.HtmlSanitizer;

/**
 * Sanitising throughput on the entry bodies of the generated benchmark feeds
 * (../shared/bench/gen_feeds.py). One operation sanitises every body once; MB/s = the body
 * bytes printed at setup / the time per operation.
 *
 * <pre>
 * python3 ../shared/bench/gen_feeds.py --out /tmp/sanbench --n 200 --lists 200
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main SanitizeBenchmark \
 *     -p feeds=/tmp/sanbench/feeds -p count=200
 * </pre>
 *
 * <p>{@code parseAndSerializeOnly} is the floor: jsoup parsing and serialising the same bodies.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SanitizeBenchmark {
    /** The directory of generated feeds. */
    @Param("/tmp/feedbench/feeds")
    public String feeds;

    /** How many feeds (in name order) give their bodies. */
    @Param("200")
    public int count;

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private List<Html> bodies;

    @Setup(Level.Trial)
    public void load() throws IOException, FeedParseException {
        var parser = new FeedParser();
        bodies = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(feeds))) {
            files = list.sorted().limit(count).toList();
        }
        for (Path file : files) {
            URI uri = URI.create("http://127.0.0.1:18080/feeds/" + file.getFileName());
            for (ParsedEntry entry : parser.parse(Files.readAllBytes(file), uri, Optional.empty())
                    .entries()) {
                entry.content().ifPresent(bodies::add);
                entry.summary().ifPresent(bodies::add);
            }
        }
        long bytes = bodies.stream()
                .mapToLong(h -> h.html().getBytes(StandardCharsets.UTF_8).length)
                .sum();
        System.out.printf(
                "%nSanitizeBenchmark: %d bodies from %d feeds, %.2f MB of HTML per operation%n",
                bodies.size(), files.size(), bytes / 1e6);
    }

    /** The floor: what jsoup alone takes to parse and serialise the same bodies. */
    @Benchmark
    public void parseAndSerializeOnly(Blackhole hole) {
        for (Html body : bodies) {
            hole.consume(Jsoup.parseBodyFragment(body.html(), body.base().toString())
                    .body()
                    .html());
        }
    }

    @Benchmark
    public void sanitizeAllBodies(Blackhole hole) {
        for (Html body : bodies) {
            hole.consume(sanitizer.sanitize(body.html(), body.base()));
        }
    }
}
