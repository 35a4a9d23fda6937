package org.orrery.sanitize;

import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.orrery.model.Entry;
import org.orrery.model.Post;
import org.orrery.model.Sha256;

/**
 * The one way a stored body reaches an output: sanitised on the way out, only for what the
 * output shows, and never twice for the same input. The store keeps bodies as the feed gave
 * them; the gate looks each up in a cache keyed by (digest of the body and its base URL,
 * sanitiser policy), sanitises what the cache lacks and keeps the result. A new {@link
 * HtmlSanitizer#policy() policy} (a new version, other {@code iframe_hosts}) misses the cache, so
 * bodies are sanitised again lazily, as they are next shown. Thread-safe.
 */
public final class BodyGate {
    /**
     * What the cache holds for a body the sanitiser leaves exactly as it is (plain text, clean
     * markup), instead of a second copy of it: a NUL, which no sanitised body contains.
     */
    public static final String SAME_AS_BODY = "\u0000";

    /** Where sanitised bodies are kept between runs (the store). */
    public interface Cache {
        /** Keeps nothing: every body is sanitised each time it is shown. */
        Cache NONE = new Cache() {
            @Override
            public Map<String, String> find(Collection<String> digests, List<String> policies) {
                return Map.of();
            }

            @Override
            public void keep(Map<String, String> sanitised, String policy) {}
        };

        /**
         * The sanitised HTML cached under each of {@code digests} with one of {@code policies}, or
         * {@link #SAME_AS_BODY}.
         */
        Map<String, String> find(Collection<String> digests, List<String> policies);

        /** Keeps {@code sanitised} (digest to HTML, or {@link #SAME_AS_BODY}) under {@code policy}. */
        void keep(Map<String, String> sanitised, String policy);
    }

    /** An entry's bodies as an output shows them. */
    public record Safe(SafeHtml content, Optional<SafeHtml> summary) {
        static final Safe NONE = new Safe(SafeHtml.EMPTY, Optional.empty());
    }

    private final HtmlSanitizer sanitizer;
    private final Cache cache;
    private final List<String> policies;
    private final LongAdder sanitised = new LongAdder();
    private final LongAdder reused = new LongAdder();

    public BodyGate(HtmlSanitizer sanitizer, Cache cache) {
        this.sanitizer = sanitizer;
        this.cache = cache;
        // Bodies an older Orrery stored sanitised (policy "1:stored") are sanitised again too.
        this.policies = List.of(sanitizer.policy());
    }

    /**
     * The key a body is cached under: its base URL and its HTML. A body stored before bodies
     * were kept raw has no base (its URLs were made absolute when it was sanitised).
     */
    public static String digest(String html, Optional<URI> base) {
        return Sha256.hex(base.map(URI::toString).orElse("") + "\n" + html);
    }

    /** The bodies of {@code posts}, sanitised or from the cache. */
    public SafeBodies bodies(List<Post> posts) {
        Map<String, Raw> wanted = new LinkedHashMap<>();
        for (Post post : posts) {
            Entry entry = post.entry();
            URI base = entry.base().orElse(post.channel().feedUri());
            add(wanted, entry.contentHtml(), entry.base(), base);
            entry.summaryHtml().ifPresent(s -> add(wanted, s, entry.base(), base));
        }
        Map<String, SafeHtml> safe = resolve(wanted);
        Map<Entry, Safe> byEntry = new IdentityHashMap<>();
        for (Post post : posts) {
            Entry entry = post.entry();
            byEntry.computeIfAbsent(entry, e -> safe(e, safe));
        }
        return new SafeBodies(byEntry);
    }

    /** How many bodies this gate has sanitised, and how many it found already sanitised in the cache. */
    public long sanitised() {
        return sanitised.sum();
    }

    public long reused() {
        return reused.sum();
    }

    private record Raw(String html, URI base) {}

    private static void add(Map<String, Raw> wanted, String html, Optional<URI> stored, URI base) {
        if (!html.isEmpty()) {
            wanted.putIfAbsent(digest(html, stored), new Raw(html, base));
        }
    }

    private Map<String, SafeHtml> resolve(Map<String, Raw> wanted) {
        Map<String, SafeHtml> safe = new HashMap<>();
        if (wanted.isEmpty()) {
            return safe;
        }
        cache.find(wanted.keySet(), policies)
                .forEach((digest, html) -> safe.put(
                        digest,
                        new SafeHtml(
                                html.equals(SAME_AS_BODY) ? wanted.get(digest).html() : html)));
        reused.add(safe.size());
        Map<String, String> made = new LinkedHashMap<>();
        for (var want : wanted.entrySet()) {
            if (!safe.containsKey(want.getKey())) {
                // Characters XML 1.0 cannot hold go first, as from every other value the outputs
                // show: the sanitiser would write a control character as a reference that no
                // HTML parser accepts either.
                String html = sanitizer.sanitize(
                        Escape.xmlLegal(want.getValue().html()), want.getValue().base());
                made.put(want.getKey(), html.equals(want.getValue().html()) ? SAME_AS_BODY : html);
                safe.put(want.getKey(), new SafeHtml(html));
            }
        }
        if (!made.isEmpty()) {
            sanitised.add(made.size());
            cache.keep(made, sanitizer.policy());
        }
        return safe;
    }

    /**
     * As the feed's bodies were shown when they were sanitised as they were fetched: a content
     * that sanitises to nothing gives way to the summary, and a summary is kept only when there
     * is a fuller body beside it that differs.
     */
    private static Safe safe(Entry entry, Map<String, SafeHtml> safe) {
        SafeHtml content = lookup(safe, entry.contentHtml(), entry.base());
        Optional<SafeHtml> summary =
                entry.summaryHtml().map(s -> lookup(safe, s, entry.base())).filter(s -> !s.isEmpty());
        if (content.isEmpty()) {
            return summary.map(s -> new Safe(s, Optional.empty())).orElse(Safe.NONE);
        }
        return new Safe(content, summary.filter(s -> !s.equals(content)));
    }

    private static SafeHtml lookup(Map<String, SafeHtml> safe, String html, Optional<URI> base) {
        return html.isEmpty() ? SafeHtml.EMPTY : safe.get(digest(html, base));
    }
}
