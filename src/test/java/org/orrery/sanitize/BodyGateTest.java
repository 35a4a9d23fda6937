package org.orrery.sanitize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orrery.model.Channel;
import org.orrery.model.Entry;
import org.orrery.model.Post;

class BodyGateTest {
    static final URI FEED = URI.create("https://blog.example.org/feed.xml");

    /** The store's cache, in memory: digest and policy to HTML. */
    static final class MemoryCache implements BodyGate.Cache {
        final Map<String, String> rows = new HashMap<>();

        @Override
        public Map<String, String> find(Collection<String> digests, List<String> policies) {
            var found = new HashMap<String, String>();
            for (String digest : digests) {
                for (String policy : policies) {
                    String html = rows.get(digest + " " + policy);
                    if (html != null) {
                        found.putIfAbsent(digest, html);
                    }
                }
            }
            return found;
        }

        @Override
        public void keep(Map<String, String> sanitised, String policy) {
            sanitised.forEach((digest, html) -> rows.put(digest + " " + policy, html));
        }
    }

    static Entry entry(String key, String content, Optional<String> summary, Optional<URI> base) {
        return new Entry(
                key,
                "a title",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                content,
                summary,
                List.of(),
                List.of(),
                base);
    }

    static Post post(Entry entry) {
        return new Post(
                entry,
                new Channel(
                        FEED,
                        "a blog",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Map.of()),
                Instant.EPOCH);
    }

    @Test
    void sanitisesRawBodiesAgainstTheirBase() {
        var gate = new BodyGate(new HtmlSanitizer(), new MemoryCache());
        Entry e = entry(
                "1",
                "<p onclick=\"steal()\">Hi <img src=\"me.png\"><script>alert(1)</script></p>",
                Optional.empty(),
                Optional.of(URI.create("https://blog.example.org/2024/post/")));

        String html = gate.bodies(List.of(post(e))).of(e).content().html();

        assertThat(html).doesNotContain("onclick").doesNotContain("script").doesNotContain("alert");
        assertThat(html).contains("src=\"https://blog.example.org/2024/post/me.png\"");
    }

    @Test
    void aBodySanitisedOnceIsReusedFromTheCacheByAnotherGate() {
        var cache = new MemoryCache();
        Entry e = entry("1", "<p>Hello <b>world</b></p>", Optional.of("<p>Hello</p>"), Optional.of(FEED));
        var first = new BodyGate(new HtmlSanitizer(), cache);
        BodyGate.Safe made = first.bodies(List.of(post(e))).of(e);

        var second = new BodyGate(new HtmlSanitizer(), cache);
        BodyGate.Safe again = second.bodies(List.of(post(e))).of(e);

        assertThat(first.sanitised()).isEqualTo(2);
        assertThat(second.sanitised()).isZero();
        assertThat(second.reused()).isEqualTo(2);
        assertThat(again).isEqualTo(made);
    }

    @Test
    void anotherPolicySanitisesAgain() {
        var cache = new MemoryCache();
        Entry e = entry(
                "1",
                "<iframe src=\"https://video.example.net/embed/1\"></iframe>",
                Optional.empty(),
                Optional.of(FEED));
        String before = new BodyGate(new HtmlSanitizer(), cache)
                .bodies(List.of(post(e)))
                .of(e)
                .content()
                .html();

        var allowing = new BodyGate(new HtmlSanitizer(List.of("video.example.net")), cache);
        String after = allowing.bodies(List.of(post(e))).of(e).content().html();

        assertThat(allowing.sanitised()).isEqualTo(1);
        assertThat(before).doesNotContain("<iframe");
        assertThat(after).contains("<iframe");
    }

    @Test
    void bodiesStoredSanitisedByAnOlderVersionAreSanitisedAgainUnderTheCurrentPolicy() {
        var cache = new MemoryCache();
        // Version 1 kept !important, which outranks the theme's own style sheet.
        String stored = "<p style=\"color: #eee !important;\">kept</p>";
        cache.keep(Map.of(BodyGate.digest(stored, Optional.empty()), stored), "1:stored");
        Entry e = entry("1", stored, Optional.empty(), Optional.empty());
        var gate = new BodyGate(new HtmlSanitizer(), cache);

        assertThat(gate.bodies(List.of(post(e))).of(e).content().html())
                .isEqualTo("<p style=\"color: #eee;\">kept</p>");
        assertThat(gate.sanitised()).isEqualTo(1);
    }

    @Test
    void aContentThatSanitisesToNothingGivesWayToTheSummary() {
        Entry scriptOnly = entry("1", "<script>x()</script>", Optional.of("<p>the summary</p>"), Optional.of(FEED));
        Entry same = entry("2", "<p>same</p><script></script>", Optional.of("<p>same</p>"), Optional.of(FEED));
        var gate = new BodyGate(new HtmlSanitizer(), new MemoryCache());
        SafeBodies bodies = gate.bodies(List.of(post(scriptOnly), post(same)));

        assertThat(bodies.of(scriptOnly).content().html()).isEqualTo("<p>the summary</p>");
        assertThat(bodies.of(scriptOnly).summary()).isEmpty();
        assertThat(bodies.of(same).content().html()).isEqualTo("<p>same</p>");
        assertThat(bodies.of(same).summary())
                .as("no longer distinct once sanitised")
                .isEmpty();
    }

    @Test
    void anEntryThatDidNotPassTheGateIsRefusedRatherThanPublished() {
        Entry passed = entry("1", "<p>a</p>", Optional.empty(), Optional.of(FEED));
        Entry other = entry("1", "<p>a</p>", Optional.empty(), Optional.of(FEED));
        SafeBodies bodies = new BodyGate(new HtmlSanitizer(), new MemoryCache()).bodies(List.of(post(passed)));

        assertThatThrownBy(() -> bodies.of(other)).hasMessageContaining("did not pass the sanitiser");
    }

    @Test
    void aBodyTheSanitiserLeavesAsItIsIsNotCopiedIntoTheCache() {
        var cache = new MemoryCache();
        Entry plain = entry("1", "Just words, nothing else.", Optional.empty(), Optional.of(FEED));
        Entry marked = entry("2", "<p>Hi <script>x()</script></p>", Optional.empty(), Optional.of(FEED));
        new BodyGate(new HtmlSanitizer(), cache).bodies(List.of(post(plain), post(marked)));

        assertThat(cache.rows.values()).containsExactlyInAnyOrder(BodyGate.SAME_AS_BODY, "<p>Hi </p>");
        var again = new BodyGate(new HtmlSanitizer(), cache);
        SafeBodies bodies = again.bodies(List.of(post(plain), post(marked)));
        assertThat(bodies.of(plain).content().html()).isEqualTo("Just words, nothing else.");
        assertThat(bodies.of(marked).content().html()).isEqualTo("<p>Hi </p>");
        assertThat(again.sanitised()).isZero();
    }
}
