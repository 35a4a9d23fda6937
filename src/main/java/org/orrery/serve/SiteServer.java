package org.orrery.serve;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.AllowedResourceAliasChecker;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Serves a planet's {@code output_dir} over HTTP, as a plain web server would serve the files
 * {@code orrery build} writes: ETag and Last-Modified with 304s, ranges, gzip, content types
 * with the charset the site is written in, caching headers. No directory listings; a directory
 * serves its {@code index.html}. Nothing outside the directory is reachable: Jetty refuses
 * {@code ..} and its encoded forms, and symlinks are followed only to files inside it. Dot files
 * (the publisher's staging directory) are not served. {@code /healthz} answers 200 once {@code
 * ready} says so, 503 before; {@code /metrics}, when given, the serving process's meters.
 */
public final class SiteServer implements AutoCloseable {
    /** Pages and feeds change at any time: caches may keep them but ask again (a 304) each time. */
    static final String REVALIDATE = "no-cache";
    /** A theme's stylesheets and images change with the theme. */
    static final String ASSETS = "public, max-age=3600";

    private final Server server;

    private SiteServer(Server server) {
        this.server = server;
    }

    /**
     * Starts serving {@code outputDir} (created if missing) on {@code bind}:{@code port} (0 for
     * any free port), its HTML and XML files declared in {@code encoding} (the planet's {@code
     * encoding} option).
     *
     * @throws IOException when the address cannot be bound or the directory made
     */
    public static SiteServer start(Path outputDir, String encoding, String bind, int port, BooleanSupplier ready)
            throws IOException {
        return start(outputDir, encoding, bind, port, ready, null, null);
    }

    /** {@link #start}, with {@code first} (when not null) asked first of every request (WebSub callbacks). */
    static SiteServer start(
            Path outputDir, String encoding, String bind, int port, BooleanSupplier ready, Handler first)
            throws IOException {
        return start(outputDir, encoding, bind, port, ready, null, first);
    }

    /**
     * {@link #start(Path, String, String, int, BooleanSupplier)}, with {@code /metrics} answering
     * {@code metrics} (Prometheus text format) when it is not null.
     */
    public static SiteServer start(
            Path outputDir, String encoding, String bind, int port, BooleanSupplier ready, Supplier<String> metrics)
            throws IOException {
        return start(outputDir, encoding, bind, port, ready, metrics, null);
    }

    /** Both of the above: {@code /metrics} from {@code metrics}, {@code first} asked first (either may be null). */
    static SiteServer start(
            Path outputDir,
            String encoding,
            String bind,
            int port,
            BooleanSupplier ready,
            Supplier<String> metrics,
            Handler first)
            throws IOException {
        java.nio.file.Files.createDirectories(outputDir);
        var threads = new QueuedThreadPool(64, 2);
        threads.setName("serve");
        var server = new Server(threads);
        var http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        var connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(bind);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Site(context(outputDir.toRealPath(), encoding), ready, metrics, first));
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException("serve: cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        return new SiteServer(server);
    }

    /** The port listened on (the one chosen when 0 was asked). */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Stops accepting requests; those being answered get a moment to finish. */
    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.setStopTimeout(2000);
            server.stop();
        } catch (Exception e) {
            // Stopping is the last thing serve does with the server: nothing to do but go on closing.
            org.slf4j.LoggerFactory.getLogger(SiteServer.class)
                    .warn("serve: stopping the web server: {}", e.toString());
        }
    }

    private static Handler context(Path root, String encoding) {
        var context = new ContextHandler("/");
        context.setBaseResourceAsPath(root);
        // Only aliases (symlinks) whose target is inside the directory; none out of it.
        context.clearAliasChecks();
        context.addAliasCheck(new AllowedResourceAliasChecker(context));
        var files = new Files(charsetLabel(encoding));
        files.setDirAllowed(false);
        files.setWelcomeFiles(List.of("index.html"));
        files.setWelcomeMode(ResourceService.WelcomeMode.SERVE);
        files.setEtags(true);
        files.setAcceptRanges(true);
        files.setUseFileMapping(false); // files are replaced by renames while served
        var gzip = new GzipHandler();
        gzip.setMinGzipSize(256);
        gzip.setIncludedMethods("GET", "HEAD");
        gzip.setHandler(files);
        context.setHandler(gzip);
        return context;
    }

    /**
     * The charset the site's HTML and XML files are in (as the renderer names them): {@code
     * xml} is US-ASCII with character references; blank is UTF-8.
     */
    static String charsetLabel(String encoding) {
        String name = encoding == null ? "" : encoding.strip();
        if (name.isEmpty()) {
            return "utf-8";
        }
        if (name.equalsIgnoreCase("xml")) {
            return "us-ascii";
        }
        Charset charset = Charset.forName(name);
        return charset.equals(StandardCharsets.UTF_8) ? "utf-8" : charset.name().toLowerCase(Locale.ROOT);
    }

    /** Each served file's content type by its extension, with the charset it is written in. */
    static Map<String, String> contentTypes(String markup) {
        var types = new HashMap<String, String>();
        type(types, markup, "text/html", "html", "htm");
        type(types, markup, "application/xhtml+xml", "xhtml");
        type(types, markup, "application/xml", "xml");
        type(types, markup, "application/atom+xml", "atom");
        type(types, markup, "application/rss+xml", "rss");
        type(types, markup, "application/rdf+xml", "rdf");
        type(types, markup, "text/x-opml", "opml");
        type(types, markup, "application/xslt+xml", "xsl", "xslt");
        // JSON (feed.json, health.json) and text are written in UTF-8 whatever the encoding.
        type(types, "utf-8", "application/json", "json");
        type(types, "utf-8", "text/plain", "txt");
        type(types, "utf-8", "text/css", "css");
        type(types, "utf-8", "text/javascript", "js");
        types.put("svg", "image/svg+xml");
        return Map.copyOf(types);
    }

    private static void type(Map<String, String> types, String charset, String type, String... extensions) {
        for (String extension : extensions) {
            types.put(extension, type + ";charset=" + charset);
        }
    }

    /** Jetty's files, each with the content type of {@link #contentTypes} where it names one. */
    private static final class Files extends ResourceHandler {
        private final Map<String, HttpField> types = new HashMap<>();

        Files(String markup) {
            contentTypes(markup).forEach((ext, type) -> types.put(ext, new HttpField(HttpHeader.CONTENT_TYPE, type)));
        }

        @Override
        protected HttpContent.Factory newHttpContentFactory(ByteBufferPool.Sized buffers) {
            HttpContent.Factory files = super.newHttpContentFactory(buffers);
            return path -> {
                HttpContent content = files.getContent(path);
                if (content == null) {
                    return null;
                }
                String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                HttpField type = types.get(name.substring(name.lastIndexOf('.') + 1));
                return type == null ? content : new Typed(content, type);
            };
        }
    }

    private static final class Typed extends HttpContent.Wrapper {
        private final HttpField type;

        Typed(HttpContent content, HttpField type) {
            super(content);
            this.type = type;
        }

        @Override
        public HttpField getContentType() {
            return type;
        }

        @Override
        public String getContentTypeValue() {
            return type.getValue();
        }

        @Override
        public String getCharacterEncoding() {
            return MimeTypes.getCharsetFromContentType(type.getValue());
        }
    }

    /** {@code /healthz}, dot files refused, caching headers; the rest to the files. */
    private static final class Site extends Handler.Wrapper {
        private static final HttpField REVALIDATE_FIELD = new HttpField(HttpHeader.CACHE_CONTROL, REVALIDATE);
        private static final HttpField ASSETS_FIELD = new HttpField(HttpHeader.CACHE_CONTROL, ASSETS);

        private final BooleanSupplier ready;
        private final Handler first;
        private final Supplier<String> metrics;

        Site(Handler files, BooleanSupplier ready, Supplier<String> metrics, Handler first) {
            super(files);
            this.ready = ready;
            this.metrics = metrics;
            this.first = first;
            if (first != null) {
                addBean(first);
            }
        }

        /** Blocking when {@code first} is: a WebSub push is read and stored before it is answered. */
        @Override
        public InvocationType getInvocationType() {
            return first != null ? InvocationType.BLOCKING : super.getInvocationType();
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (first != null && first.handle(request, response, callback)) {
                return true;
            }
            String path = Request.getPathInContext(request);
            String method = request.getMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
                Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
                return true;
            }
            if (path.equals("/healthz")) {
                boolean up = ready.getAsBoolean();
                response.setStatus(up ? 200 : 503);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
                response.write(
                        true,
                        java.nio.ByteBuffer.wrap((up ? "ok\n" : "starting\n").getBytes(StandardCharsets.UTF_8)),
                        callback);
                return true;
            }
            if (path.equals("/metrics") && metrics != null) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, ServeMetrics.CONTENT_TYPE);
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
                response.write(
                        true, java.nio.ByteBuffer.wrap(metrics.get().getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
            if (path.contains("/.")) {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                return true;
            }
            response.getHeaders().put(revalidated(path) ? REVALIDATE_FIELD : ASSETS_FIELD);
            if (super.handle(request, response, callback)) {
                return true;
            }
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }

        /** Pages and feeds (and directories, whose index.html is served) are asked for again each time. */
        private static boolean revalidated(String path) {
            String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            int dot = name.lastIndexOf('.');
            if (dot < 0) {
                return true;
            }
            return switch (name.substring(dot + 1)) {
                case "html", "htm", "xhtml", "xml", "atom", "rss", "rdf", "json", "opml", "txt" -> true;
                default -> false;
            };
        }
    }
}
