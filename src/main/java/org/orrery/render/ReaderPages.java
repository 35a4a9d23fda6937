package org.orrery.render;

import io.pebbletemplates.pebble.PebbleEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.orrery.model.Channel;
import org.orrery.model.Post;
import org.orrery.model.River;
import org.orrery.model.Sha256;
import org.orrery.sanitize.BodyGate;
import org.orrery.sanitize.SafeBodies;

/**
 * The default theme's pages beyond the river, which readers ask for: a page per feed ({@code
 * feeds/SLUG/index.html}: its newest headlines, its site, feed and description), a page per
 * category ({@code tags/SLUG/index.html}: the newest entries carrying it), the people page
 * ({@code people/index.html}: every subscription with a face) and a search page ({@code
 * search.html}) over an index written beside it ({@code search-index.js}). Slugs are {@link
 * Slugs}'. None of these pages shows when it was published, so one is rewritten only when what
 * it lists changed. Pure, as {@link SiteRenderer} is.
 */
public final class ReaderPages {
    public static final String PEOPLE = "people/index.html";
    public static final String SEARCH = "search.html";
    public static final String SEARCH_INDEX = "search-index.js";

    /** The most headlines on a feed's page. */
    public static final int FEED_HEADLINES = 30;

    /** The most posts the search index holds: the newest. */
    public static final int SEARCH_ENTRIES = SearchIndex.MAX_ENTRIES;

    /** The most headlines on a category's page. */
    public static final int TAG_HEADLINES = 100;

    private static final String THEME = "org/orrery/render/theme/";
    private static final List<String> STATIC_FILES = List.of("pages.css", "search.js");

    private final PebbleEngine engine;
    private final TemplateModel model;
    private final OutputEncoding encoding;
    private final BodyGate bodies;

    private final java.time.ZoneId zone;

    ReaderPages(PebbleEngine engine, TemplateModel model, OutputEncoding encoding, BodyGate bodies, Site site) {
        this.zone = site.zone();
        this.engine = engine;
        this.model = model;
        this.encoding = encoding;
        this.bodies = bodies;
    }

    /** Where the page of the feed at {@code feedUri} is published, from the top. */
    public static String feedPath(URI feedUri) {
        return "feeds/" + Slugs.feed(feedUri) + "/index.html";
    }

    /** Where the page of the category of slug {@code slug} is published, from the top. */
    public static String tagPath(String slug) {
        return "tags/" + slug + "/index.html";
    }

    /** The page of {@code channel}: its newest {@code headlines} (posts without bodies), newest first. */
    public byte[] feed(Channel channel, List<Post> headlines, Instant now) {
        String path = feedPath(channel.feedUri());
        Map<String, Object> variables = variables(new River(headlines, List.of()), path, now);
        Map<String, Object> feed = model.channel(channel, root(path));
        Faces.put(feed, channel, root(path));
        variables.put("channel", XmlSafe.cleanAll(feed));
        return evaluate("feed.html", variables);
    }

    /**
     * The page of the category {@code name} (as first met): {@code headlines} (posts without
     * bodies) newest first, of {@code count} entries carrying it.
     */
    public byte[] tag(String name, List<Post> headlines, int count, Instant now) {
        String path = tagPath(Slugs.tag(name));
        Map<String, Object> variables = variables(new River(headlines, List.of()), path, now);
        variables.put("tag_name", XmlSafe.cleanAll(name));
        variables.put("tag_count", count);
        return evaluate("tag.html", variables);
    }

    /** The people page: every subscription of {@code channels} (sorted by name) with its face. */
    public byte[] people(List<Channel> channels, Instant now) {
        Map<String, Object> variables = variables(new River(List.of(), List.of()), PEOPLE, now);
        var people = new ArrayList<Map<String, Object>>(channels.size());
        for (Channel channel : channels) {
            Map<String, Object> person = model.channel(channel, root(PEOPLE));
            Faces.put(person, channel, root(PEOPLE));
            people.add(person);
        }
        variables.put("people", XmlSafe.cleanAll(people));
        return evaluate("people.html", variables);
    }

    /** The search page, which reads {@link #SEARCH_INDEX}. */
    public byte[] search(Instant now) {
        return evaluate("search.html", variables(new River(List.of(), List.of()), SEARCH, now));
    }

    /** The search index of {@code posts} (with their bodies, newest first; see {@link SearchIndex}). */
    public byte[] searchIndex(List<Post> posts) {
        SafeBodies safe = bodies.bodies(posts);
        return SearchIndex.write(posts, post -> safe.of(post.entry()).content().html(), zone)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The static files these pages use, by path. */
    public Map<String, byte[]> staticFiles() {
        var files = new LinkedHashMap<String, byte[]>();
        for (String name : STATIC_FILES) {
            files.put(name, resource(name));
        }
        return files;
    }

    /**
     * What a feed's page shows of its feed, as a digest: its variables but the times it was
     * fetched, which change on every refresh and show on no page of these.
     */
    public String digest(Channel channel) {
        var shown = new TreeMap<String, Object>(model.channel(channel, ""));
        shown.keySet().removeIf(key -> key.startsWith("last_updated"));
        return Sha256.hex(shown.toString());
    }

    private Map<String, Object> variables(River river, String path, Instant now) {
        var nav = new Navigation(path, 0, 0, null, null, null, List.of());
        return XmlSafe.cleanAll(model.of(river, now, nav, nav.root()));
    }

    private static String root(String path) {
        return "../".repeat((int) path.chars().filter(c -> c == '/').count());
    }

    private byte[] evaluate(String name, Map<String, Object> variables) {
        var out = new StringWriter(16 * 1024);
        try {
            engine.getTemplate(name).evaluate(out, variables);
        } catch (IOException e) {
            throw new UncheckedIOException("render: writing " + name + " to memory", e);
        }
        return encoding.encode(name, out.toString());
    }

    private static byte[] resource(String name) {
        try (InputStream in = resourceStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("render: reading theme file " + name, e);
        }
    }

    private static InputStream resourceStream(String name) {
        InputStream in = ReaderPages.class.getClassLoader().getResourceAsStream(THEME + name);
        if (in == null) {
            throw new IllegalStateException("theme file missing from the jar: " + THEME + name);
        }
        return in;
    }
}
