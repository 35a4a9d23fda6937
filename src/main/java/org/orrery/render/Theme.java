package org.orrery.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.transform.TransformerConfigurationException;
import org.orrery.render.htmltmpl.HtmlTemplate;
import org.orrery.render.htmltmpl.TemplateSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A planet's own theme, as {@code template_files} and {@code bill_of_materials} name it: its
 * templates render over the default theme's files of the same name, and its static files are
 * copied as they are. Templates are found in the search directories in order (Venus's
 * {@code template_directories}, then the config file's directory).
 *
 * <p>Engines, by the template's last extension: {@code .tmpl} (htmltmpl, Planet 2.0 and Venus
 * themes), {@code .xslt} (XSLT 1.0 over Venus's spliced feed, {@link XsltTemplate}), {@code .dj}
 * (Venus's Django themes, through Pebble: {@link DjangoTemplate}) and {@code .peb} (Pebble,
 * Orrery's own). Venus's {@code .genshi} engine is not provided: such a template is reported
 * ({@link #refused(String)}) and the default theme's file of that name is published instead,
 * when publishing is told to ({@link #fallbacks()}).
 */
public final class Theme {
    /** No templates, no static files: the default theme alone. */
    public static final Theme DEFAULT = new Theme(List.of(), Map.of(), List.of(), List.of(), List.of());

    /**
     * A part of the configured theme that cannot be used, so that the default theme's file
     * ({@code instead}, e.g. "the default index.html") would be published in its place.
     */
    public record Fallback(String problem, String instead) {
        /** The problem and what is published instead, as one warning. */
        public String warning() {
            return problem + "; " + instead + " is published";
        }
    }

    /** One template of the theme, ready to render a template model. */
    private interface Template {
        String render(Map<String, Object> model);
    }

    /** A template, whether its source mentions the {@code root} variable, and its file. */
    private record Loaded(Template template, boolean usesRoot, Path file) {}

    private static final Logger log = LoggerFactory.getLogger(Theme.class);

    private static final Pattern ROOT = Pattern.compile("\\broot\\b");
    private static final Pattern HEAD = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BASE = Pattern.compile("<base[\\s>]", Pattern.CASE_INSENSITIVE);

    private final List<Map.Entry<String, Loaded>> templates;
    private final Map<String, byte[]> staticFiles;
    private final List<String> warnings;
    private final List<Fallback> fallbacks;
    private final List<Path> files;
    /** The templates that failed as they rendered, reported once. */
    private final Set<Path> failed = ConcurrentHashMap.newKeySet();

    private Theme(
            List<Map.Entry<String, Loaded>> templates,
            Map<String, byte[]> staticFiles,
            List<String> warnings,
            List<Fallback> fallbacks,
            List<Path> files) {
        this.templates = List.copyOf(templates);
        this.staticFiles = Map.copyOf(staticFiles);
        this.warnings = List.copyOf(warnings);
        this.fallbacks = List.copyOf(fallbacks);
        this.files = List.copyOf(files);
    }

    /**
     * Loads (and compiles) the templates and static files a config names. A template that
     * cannot be found or read, or whose engine Orrery lacks, is a {@link Fallback} (and a
     * warning): the default theme's file of its name is published, if publishing allows it.
     */
    public static Theme load(List<String> templateFiles, List<Path> searchDirectories, List<String> billOfMaterials) {
        var warnings = new ArrayList<String>();
        var fallbacks = new ArrayList<Fallback>();
        var templates = new ArrayList<Map.Entry<String, Loaded>>();
        var files = new ArrayList<Path>();
        for (String name : templateFiles) {
            Optional<Path> file = find(name, searchDirectories);
            String output = outputName(name);
            file.ifPresent(files::add);
            if (file.isEmpty()) {
                fallbacks.add(new Fallback(
                        "template_files " + name + " not found in " + searchDirectories, "the default " + output));
                continue;
            }
            try {
                if (name.endsWith(".tmpl")) {
                    templates.add(Map.entry(output, htmltmpl(file.get(), searchDirectories)));
                } else if (name.endsWith(".peb")) {
                    templates.add(Map.entry(output, pebble(file.get())));
                } else if (name.endsWith(".xslt")) {
                    XsltTemplate xslt = XsltTemplate.compile(file.get(), searchDirectories);
                    templates.add(Map.entry(output, new Loaded(xslt::render, false, file.get())));
                } else if (name.endsWith(".dj")) {
                    String source = read(file.get());
                    DjangoTemplate django =
                            DjangoTemplate.compile(file.get().getFileName().toString(), source);
                    templates.add(Map.entry(
                            output,
                            new Loaded(django::render, ROOT.matcher(source).find(), file.get())));
                } else {
                    fallbacks.add(new Fallback(
                            "template_files " + name + ": " + refused(name).orElseThrow() + " (" + file.get() + ")",
                            "the default " + output));
                }
            } catch (IOException | TemplateSyntaxException | PebbleException | TransformerConfigurationException e) {
                fallbacks.add(new Fallback(
                        "template_files " + file.get() + " cannot be used: " + e.getMessage(),
                        "the default " + output));
            }
        }
        fallbacks.forEach(f -> warnings.add(f.warning()));
        var staticFiles = new LinkedHashMap<String, byte[]>();
        for (String name : billOfMaterials) {
            Optional<Path> file = find(name, searchDirectories);
            try {
                if (file.isEmpty()) {
                    warnings.add("bill_of_materials file " + name + " not found in " + searchDirectories);
                } else {
                    files.add(file.get());
                    staticFiles.put(name, Files.readAllBytes(file.get()));
                }
            } catch (IOException e) {
                warnings.add("bill_of_materials file " + file.get() + " cannot be read: " + e.getMessage());
            }
        }
        return new Theme(templates, staticFiles, warnings, fallbacks, files);
    }

    /**
     * Why Orrery cannot render a template of this name (by its engine's extension), for {@code
     * orrery check} and the warnings of {@link #load}; empty when an engine renders it.
     */
    public static Optional<String> refused(String templateFile) {
        int dot = templateFile.lastIndexOf('.');
        String engine = dot < 0 ? "" : templateFile.substring(dot + 1);
        String lacking = "its engine (" + engine + ") is not provided by Orrery";
        return switch (engine) {
            case "tmpl", "peb", "xslt", "dj" -> Optional.empty();
            // Genshi templates read feedparser's objects (entry.title_detail.stream, ...), not
            // template variables: there is nothing of Orrery's for them to read.
            case "genshi" ->
                Optional.of(lacking + ": Genshi templates read Venus's feedparser objects, which Orrery does not "
                        + "have; write it as a Django (.dj), htmltmpl (.tmpl) or Pebble (.peb) template");
            default -> Optional.of(lacking + " (it renders .tmpl, .xslt, .dj and .peb templates)");
        };
    }

    private static final Pattern SUBSCRIPTION_OPTION = Pattern.compile("^(.*)#\\{(\\w+)}(.*)$");

    /**
     * Venus's expansion of list options: a name holding {@code #{option}} (Venus's
     * {@code bill_of_materials = images/#{face}}) stands for one name per subscription that sets
     * the option, in config order, each once. A value that is a URL is left out: there is no file
     * of the theme's to copy.
     *
     * @param subscriptionOptions each subscription's options, in config order
     */
    public static List<String> expand(List<String> names, List<Map<String, String>> subscriptionOptions) {
        var expanded = new java.util.LinkedHashSet<String>();
        for (String name : names) {
            Matcher wild = SUBSCRIPTION_OPTION.matcher(name);
            if (!wild.matches()) {
                expanded.add(name);
                continue;
            }
            for (Map<String, String> options : subscriptionOptions) {
                String value = options.getOrDefault(wild.group(2), "");
                if (!value.isEmpty() && !value.contains("://")) {
                    expanded.add(wild.group(1) + value + wild.group(3));
                }
            }
        }
        return List.copyOf(expanded);
    }

    /** The same theme reporting {@code warnings} and {@code fallbacks} instead of its own. */
    public Theme withWarnings(List<String> warnings, List<Fallback> fallbacks) {
        return new Theme(templates, staticFiles, warnings, fallbacks, files);
    }

    /** The template and static files the theme was loaded from (not the files they include). */
    public List<Path> files() {
        return files;
    }

    /** What went wrong loading the theme, for the maintainer ({@link #fallbacks()} among it). */
    public List<String> warnings() {
        return warnings;
    }

    /** What of the configured theme cannot be used, each replaced by the default theme's file. */
    public List<Fallback> fallbacks() {
        return fallbacks;
    }

    /** Renders the theme's files over {@code files} (the default theme's), by output name. */
    void renderOver(Map<String, byte[]> files, Map<String, Object> model, OutputEncoding encoding) {
        for (var template : templates) {
            attempt(template.getKey(), template.getValue(), model)
                    .ifPresent(text -> files.put(template.getKey(), encoding.encode(template.getKey(), text)));
        }
        files.putAll(staticFiles);
    }

    /**
     * The template rendered; empty, with a warning in the log, when it fails on this model (a
     * Pebble filter given a value it does not take, an XSLT error): a theme's mistake is the
     * theme's, and the default file is published in its place, as for a template that does not
     * compile. The warning is logged here because it arises while a page is rendered, after the
     * theme's warnings were reported.
     */
    private Optional<String> attempt(String output, Loaded template, Map<String, Object> model) {
        try {
            return Optional.of(template.template().render(model));
        } catch (RuntimeException e) {
            // Once per template: it renders every page, and would fail on most of them.
            if (failed.add(template.file())) {
                log.warn(
                        "theme: template {} failed: {}; the default {} is published",
                        template.file(),
                        e.toString(),
                        output);
            }
            return Optional.empty();
        }
    }

    /**
     * Whether the theme's template for {@code output} mentions the {@code root} variable, so
     * can be used below the top directory; empty when the theme has no such template.
     */
    Optional<Boolean> usesRoot(String output) {
        return template(output).map(Loaded::usesRoot);
    }

    /** The theme's template for {@code output}, rendered; empty when the theme has none or it failed. */
    Optional<String> render(String output, Map<String, Object> model) {
        return template(output).flatMap(t -> attempt(output, t, model));
    }

    private Optional<Loaded> template(String output) {
        return templates.reversed().stream()
                .filter(t -> t.getKey().equals(output))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /**
     * The page with a {@code <base href>} to {@code root} after its {@code <head>} tag, so that
     * a page written for the top directory (a Venus theme's) finds its files from below it.
     * A page without a head, or with a base of its own, is left alone.
     */
    static String withBase(String html, String root) {
        Matcher head = HEAD.matcher(html);
        if (root.isEmpty() || !head.find() || BASE.matcher(html).find()) {
            return html;
        }
        return html.substring(0, head.end()) + "\n<base href=\"" + root + "\">" + html.substring(head.end());
    }

    /** {@code config/index.html.tmpl} is published as {@code index.html}. */
    static String outputName(String templateFile) {
        String base = templateFile.substring(templateFile.lastIndexOf('/') + 1);
        int engine = base.lastIndexOf('.');
        return engine > 0 && base.indexOf('.') < engine ? base.substring(0, engine) : base;
    }

    private static Optional<Path> find(String name, List<Path> directories) {
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            return Files.isRegularFile(given) ? Optional.of(given) : Optional.empty();
        }
        return directories.stream()
                .map(d -> d.resolve(name))
                .filter(Files::isRegularFile)
                .findFirst();
    }

    private static Loaded htmltmpl(Path file, List<Path> searchDirectories)
            throws IOException, TemplateSyntaxException {
        // Includes are looked up beside the including template first, as htmltmpl does.
        var includeDirectories = new ArrayList<Path>();
        includeDirectories.add(file.toAbsolutePath().getParent());
        includeDirectories.addAll(searchDirectories);
        String source = read(file);
        HtmlTemplate template = HtmlTemplate.compile(
                file.toString(), source, name -> find(name, includeDirectories).map(Theme::read));
        return new Loaded(
                model -> template.render(VenusForms.of(model)),
                ROOT.matcher(source).find(),
                file);
    }

    private static Loaded pebble(Path file) {
        var loader = new FileLoader();
        loader.setPrefix(file.toAbsolutePath().getParent().toString());
        PebbleEngine engine =
                new PebbleEngine.Builder().loader(loader).autoEscaping(true).build();
        PebbleTemplate template = engine.getTemplate(file.getFileName().toString());
        Template render = model -> {
            var out = new StringWriter();
            try {
                template.evaluate(out, model);
            } catch (IOException e) {
                throw new UncheckedIOException("render: writing " + file + " to memory", e);
            }
            return out.toString();
        };
        return new Loaded(render, ROOT.matcher(read(file)).find(), file);
    }

    private static String read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            // Old themes are often Latin-1; valid UTF-8 is read as such.
            var decoder = StandardCharsets.UTF_8.newDecoder();
            try {
                return decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                return new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("render: reading template " + file, e);
        }
    }
}
