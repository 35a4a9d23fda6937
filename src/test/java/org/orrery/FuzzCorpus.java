package org.orrery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The fuzz seeds kept under {@code src/test/resources/fuzz/<target>/}, and mutants of them: seeds
 * cut, repeated, spliced into each other and sprinkled with the tokens a target's syntax is made
 * of. A property runs over {@code jqwik.tries.default} mutants (set in {@code
 * junit-platform.properties}; {@code -Djqwik.tries.default=N} runs longer).
 */
public final class FuzzCorpus {
    private FuzzCorpus() {}

    /** The seed files of one target, sorted by name. */
    public static List<Path> files(String target) {
        try (Stream<Path> walk = Files.list(Path.of("src/test/resources/fuzz", target))) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed files of one target as text (UTF-8, malformed bytes replaced). */
    public static List<String> texts(String target) {
        return files(target).stream()
                .map(p -> {
                    try {
                        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    /** Seeds as they are, and mutated one to six times. */
    public static Arbitrary<String> mutants(List<String> seeds, List<String> tokens) {
        Arbitrary<String> seed = Arbitraries.of(seeds);
        Arbitrary<Mutation> mutation = Combinators.combine(
                        Arbitraries.of(Mutation.Kind.class),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.of(tokens),
                        seed)
                .as(Mutation::new);
        return Combinators.combine(seed, mutation.list().ofMaxSize(6)).as((s, mutations) -> {
            String out = s;
            for (Mutation m : mutations) {
                out = m.apply(out);
            }
            return out;
        });
    }

    /** One change to a text, at positions given as fractions of its length. */
    record Mutation(Kind kind, double at, double span, String token, String other) {
        enum Kind {
            INSERT_TOKEN,
            DELETE,
            REPEAT,
            SPLICE,
            REPLACE_CHAR,
            TRUNCATE,
            SWAP_CASE
        }

        String apply(String s) {
            int i = (int) (at * s.length());
            int n = Math.min((int) (span * 64) + 1, s.length() - i);
            return switch (kind) {
                case INSERT_TOKEN -> s.substring(0, i) + token + s.substring(i);
                case DELETE -> s.substring(0, i) + s.substring(i + n);
                case REPEAT -> s.substring(0, i) + s.substring(i, i + n).repeat(1 + (int) (span * 20)) + s.substring(i);
                case SPLICE -> {
                    int from = (int) (span * other.length());
                    yield s.substring(0, i) + other.substring(from, Math.min(other.length(), from + 200));
                }
                case REPLACE_CHAR ->
                    i < s.length() ? s.substring(0, i) + (char) (span * 0x3000) + s.substring(i + 1) : s + token;
                case TRUNCATE -> s.substring(0, i);
                case SWAP_CASE ->
                    s.substring(0, i) + s.substring(i, i + n).toUpperCase(Locale.ROOT) + s.substring(i + n);
            };
        }
    }
}
