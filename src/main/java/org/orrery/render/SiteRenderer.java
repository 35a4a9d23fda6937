package org.orrery.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orrery.model.River;

/**
 * Renders a river with the default theme into the files of a site: {@code index.html}; the
 * planet's feeds {@code atom.xml}, {@code rss20.xml}, {@code rss10.xml} and {@code feed.json};
 * its subscriptions as {@code opml.xml} and {@code foafroll.xml}; and the theme's static files. Pure: file writing is
 * {@link SiteWriter}'s job.
 */
public final class SiteRenderer {
    private static final String THEME = "org/orrery/render/theme/";
    private static final List<String> TEMPLATES =
            List.of("index.html", "atom.xml", "rss20.xml", "rss10.xml", "opml.xml", "foafroll.xml");
    private static final List<String> STATIC_FILES = List.of("planet.css");

    private final PebbleEngine engine;
    private final TemplateModel model;
    private final Theme theme;

    public SiteRenderer(Site site) {
        this(site, Theme.DEFAULT);
    }

    /** A renderer whose {@code theme} renders over the default theme's files. */
    public SiteRenderer(Site site, Theme theme) {
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
        this.model = new TemplateModel(site);
    }

    /** The site's files by relative path, in UTF-8. */
    public Map<String, byte[]> render(River river, Instant now) {
        Map<String, Object> variables = XmlSafe.cleanAll(model.of(river, now));
        var files = new LinkedHashMap<String, byte[]>();
        for (String name : TEMPLATES) {
            var out = new StringWriter(16 * 1024);
            try {
                engine.getTemplate(name).evaluate(out, variables);
            } catch (IOException e) {
                throw new UncheckedIOException("render: writing " + name + " to memory", e);
            }
            files.put(name, out.toString().getBytes(StandardCharsets.UTF_8));
        }
        files.put("feed.json", JsonFeed.write(variables));
        for (String name : STATIC_FILES) {
            files.put(name, resource(name));
        }
        theme.renderOver(files, variables);
        return files;
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
