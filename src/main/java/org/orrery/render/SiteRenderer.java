package org.orrery.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orrery.model.River;
import org.orrery.sanitize.BodyGate;
import org.orrery.sanitize.HtmlSanitizer;

/**
 * Renders a river into the files of a site, with the planet's theme over the default one: the
 * front page {@code index.html}, older pages and monthly archives (see {@link SitePages}); the
 * planet's feeds {@code atom.xml}, {@code rss20.xml}, {@code rss10.xml} and {@code feed.json};
 * its subscriptions as {@code opml.xml} and {@code foafroll.xml}; and the theme's static files.
 * Pure: file writing is {@link SiteWriter}'s job.
 */
public final class SiteRenderer {
    private static final String THEME = "org/orrery/render/theme/";
    private static final List<String> TEMPLATES =
            List.of("index.html", "atom.xml", "rss20.xml", "rss10.xml", "opml.xml", "foafroll.xml");
    private static final List<String> STATIC_FILES = List.of("planet.css");

    private final PebbleEngine engine;
    private final TemplateModel model;
    private final Theme theme;
    private final OutputEncoding encoding;
    private final Optional<ReaderPages> readerPages;

    public SiteRenderer(Site site) {
        this(site, Theme.DEFAULT);
    }

    /** A renderer whose {@code theme} renders over the default theme's files; bodies sanitised as shown, uncached. */
    public SiteRenderer(Site site, Theme theme) {
        this(site, theme, new BodyGate(new HtmlSanitizer(), BodyGate.Cache.NONE));
    }

    /**
     * A renderer whose {@code theme} renders over the default theme's files, showing every body
     * as {@code bodies} gives it: sanitised, or from the cache of what the sanitiser gave.
     */
    public SiteRenderer(Site site, Theme theme, BodyGate bodies) {
        this.theme = theme;
        var loader = new ClasspathLoader(SiteRenderer.class.getClassLoader());
        loader.setPrefix(THEME);
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .strictVariables(false)
                .cacheActive(true)
                .build();
        // The reader pages come with the default theme's pages, which link to them, unless
        // reader_pages = no.
        boolean defaultPages = theme.usesRoot("index.html").isEmpty() && site.readerPages();
        this.model = new TemplateModel(site, bodies, defaultPages);
        this.encoding = OutputEncoding.of(site.encoding());
        this.readerPages =
                defaultPages ? Optional.of(new ReaderPages(engine, model, encoding, bodies, site)) : Optional.empty();
    }

    /**
     * The pages per feed, per category, of people and of search ({@link ReaderPages}), when the
     * site's pages are the default theme's; empty when the theme has an {@code index.html} of its
     * own, whose pages would not link to them, or when {@code reader_pages = no}.
     */
    public Optional<ReaderPages> readerPages() {
        return readerPages;
    }

    /** The site's files by relative path, HTML and XML in the planet's {@code encoding}, for a river that fits on the front page. */
    public Map<String, byte[]> render(River river, Instant now) {
        return render(river, river, Navigation.FRONT, now);
    }

    /**
     * The front page and the files beside it, by relative path (HTML and XML in the planet's
     * {@code encoding}, the rest in UTF-8): {@code index.html}
     * shows {@code front} (placed by {@code nav}), the planet's feeds show {@code newest}.
     */
    public Map<String, byte[]> render(River newest, River front, Navigation nav, Instant now) {
        Map<String, Object> variables = XmlSafe.cleanAll(model.of(newest, now, nav, nav.root()));
        var files = new LinkedHashMap<String, byte[]>();
        for (String name : TEMPLATES) {
            files.put(name, evaluate(name, variables));
        }
        files.put("feed.json", JsonFeed.write(variables));
        for (String name : STATIC_FILES) {
            files.put(name, resource(name));
        }
        theme.renderOver(files, variables, encoding);
        files.put("index.html", renderPage(front, nav, now));
        return files;
    }

    /**
     * One page of entries (the front page, a numbered page, a month's archive or the archive
     * index), with the theme's {@code index.html} template if it has one, else the default's.
     */
    public byte[] renderPage(River river, Navigation nav, Instant now) {
        Optional<Boolean> usesRoot = theme.usesRoot("index.html");
        if (usesRoot.isEmpty()) {
            return evaluate("index.html", XmlSafe.cleanAll(model.of(river, now, nav, nav.root())));
        }
        // The theme's template failing on this page: the default's page (Theme logged why).
        if (usesRoot.get()) {
            return theme.render("index.html", XmlSafe.cleanAll(model.of(river, now, nav, nav.root())))
                    .map(this::html)
                    .orElseGet(() -> evaluate("index.html", XmlSafe.cleanAll(model.of(river, now, nav, nav.root()))));
        }
        // A template written for the top directory: links from there, and a base that says so.
        return theme.render("index.html", XmlSafe.cleanAll(model.of(river, now, nav, "")))
                .map(html -> html(Theme.withBase(html, nav.root())))
                .orElseGet(() -> evaluate("index.html", XmlSafe.cleanAll(model.of(river, now, nav, nav.root()))));
    }

    private byte[] html(String s) {
        return encoding.encode("index.html", s);
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
        try (InputStream in = SiteRenderer.class.getClassLoader().getResourceAsStream(THEME + name)) {
            if (in == null) {
                throw new IllegalStateException("theme file missing from the jar: " + THEME + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("render: reading theme file " + name, e);
        }
    }
}
