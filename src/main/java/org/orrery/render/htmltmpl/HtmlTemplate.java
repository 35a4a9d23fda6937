package org.orrery.render.htmltmpl;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orrery.sanitize.Escape;

/**
 * A compiled htmltmpl template, as Planet 2.0 and Venus use them. A {@link Markup} value is
 * written as it is unless the tag asks for escaping ({@code ESCAPE="HTML"} or {@code "URL"}),
 * as htmltmpl writes every value; any other value is text, and text is always escaped for HTML
 * (once, with or without {@code ESCAPE="HTML"}): Venus's themes write titles, names and
 * authors bare, trusting values that came from feeds, and text must never become markup.
 * Lines starting with {@code ###}
 * are comments; inside a loop a name is looked up in the loop's element, then outwards, and
 * {@code __FIRST__}, {@code __LAST__}, {@code __INNER__}, {@code __ODD__}, {@code __PASS__}
 * and {@code __PASSTOTAL__} describe the pass.
 */
public final class HtmlTemplate {
    /** Where included templates come from: a name as written in {@code TMPL_INCLUDE}. */
    @FunctionalInterface
    public interface Loader {
        Optional<String> load(String name);
    }

    private static final Pattern TAG = Pattern.compile(
            "<(?:!--\\s*)?(/?)TMPL_(VAR|IF|UNLESS|ELSE|LOOP|INCLUDE)\\b([^>]*?)\\s*(?:--)?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE =
            Pattern.compile("(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|(\\S+))|\"([^\"]*)\"|(\\S+)");
    private static final Pattern COMMENT_LINE = Pattern.compile("(?m)^###.*(?:\\r?\\n|$)");
    private static final int MAX_INCLUDE_DEPTH = 16;

    private final List<Node> nodes;

    private HtmlTemplate(List<Node> nodes) {
        this.nodes = nodes;
    }

    /** Compiles {@code source}, resolving includes with {@code loader}. */
    public static HtmlTemplate compile(String name, String source, Loader loader) throws TemplateSyntaxException {
        return new HtmlTemplate(parse(name, source, loader, 0));
    }

    public String render(Map<String, ?> variables) {
        var out = new StringBuilder(8 * 1024);
        var scopes = new ArrayDeque<Scope>();
        scopes.push(new Scope(variables, Map.of()));
        render(nodes, scopes, out);
        return out.toString();
    }

    /** The variables of the top level or of one loop's element, and that pass's magic variables. */
    private record Scope(Map<String, ?> variables, Map<String, ?> magic) {}

    private static void render(List<Node> nodes, Deque<Scope> scopes, StringBuilder out) {
        for (Node node : nodes) {
            switch (node) {
                case Node.Text t -> out.append(t.text());
                case Node.Var v -> out.append(write(lookup(scopes, v.name(), v.global()), v.escape()));
                case Node.If i ->
                    render(
                            truthy(lookup(scopes, i.name(), i.global())) != i.negated() ? i.then() : i.otherwise(),
                            scopes,
                            out);
                case Node.Loop l -> loop(l, scopes, out);
            }
        }
    }

    private static void loop(Node.Loop loop, Deque<Scope> scopes, StringBuilder out) {
        if (!(lookup(scopes, loop.name(), false) instanceof Collection<?> elements)) {
            return;
        }
        int total = elements.size();
        int pass = 0;
        for (Object element : elements) {
            pass++;
            var magic = Map.of(
                    "__FIRST__",
                    pass == 1,
                    "__LAST__",
                    pass == total,
                    "__INNER__",
                    pass > 1 && pass < total,
                    "__ODD__",
                    pass % 2 == 1,
                    "__PASS__",
                    pass,
                    "__PASSTOTAL__",
                    total);
            @SuppressWarnings("unchecked")
            Map<String, ?> variables = element instanceof Map<?, ?> map ? (Map<String, ?>) map : Map.of();
            scopes.push(new Scope(variables, magic));
            render(loop.body(), scopes, out);
            scopes.pop();
        }
    }

    /**
     * {@code name}'s value as htmltmpl finds it (Venus and Planet 2.0 run it without global
     * lookup): inside a loop, the loop's magic variables ({@code __FIRST__}, ...) and its
     * element's variables only, so an entry without an author has none rather than the planet's;
     * with {@code GLOBAL="1"}, a name the element lacks is taken from the nearest enclosing scope
     * that has it as a plain value (never a loop).
     */
    private static Object lookup(Deque<Scope> scopes, String name, boolean global) {
        Scope inner = scopes.peek();
        if (name.startsWith("__") && scopes.size() > 1) {
            return inner.magic().get(name);
        }
        Object value = inner.variables().get(name);
        if (value != null || !global) {
            return value;
        }
        var outer = scopes.iterator();
        outer.next();
        while (outer.hasNext()) {
            Object found = outer.next().variables().get(name);
            if (found != null && !(found instanceof Collection<?>)) {
                return found;
            }
        }
        return null;
    }

    /** Python's truth: None, "", 0, False and empty collections are false. */
    private static boolean truthy(Object value) {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            case Number n -> n.doubleValue() != 0;
            case CharSequence s -> !s.isEmpty();
            case Collection<?> c -> !c.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            default -> true;
        };
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> "";
            case Boolean b -> b ? "1" : "0";
            default -> value.toString();
        };
    }

    private static String write(Object value, Node.Escape escape) {
        if (escape == Node.Escape.URL) {
            return URLEncoder.encode(text(value), StandardCharsets.UTF_8);
        }
        if (value instanceof Markup markup) {
            return escape == Node.Escape.HTML ? Escape.attribute(markup.html()) : markup.html();
        }
        return Escape.attribute(text(value));
    }

    /** An open block while parsing: what it is, and the list its children go into. */
    private static final class Block {
        final String kind;
        final String name;
        final boolean global;
        final List<Node> then = new ArrayList<>();
        final List<Node> otherwise = new ArrayList<>();
        boolean inElse;

        Block(String kind, String name, boolean global) {
            this.kind = kind;
            this.name = name;
            this.global = global;
        }

        List<Node> children() {
            return inElse ? otherwise : then;
        }
    }

    private static List<Node> parse(String templateName, String source, Loader loader, int depth)
            throws TemplateSyntaxException {
        String text = COMMENT_LINE.matcher(source).replaceAll("");
        var root = new Block("ROOT", "", false);
        var open = new ArrayDeque<Block>();
        open.push(root);
        Matcher m = TAG.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                open.peek().children().add(new Node.Text(text.substring(at, m.start())));
            }
            at = m.end();
            boolean closing = !m.group(1).isEmpty();
            String kind = m.group(2).toUpperCase(java.util.Locale.ROOT);
            String where = templateName + ":" + line(text, m.start());
            if (closing) {
                Block block = open.pop();
                if (!block.kind.equals(kind)) {
                    throw new TemplateSyntaxException(where + ": </TMPL_" + kind + "> closes "
                            + (block == root ? "nothing" : "<TMPL_" + block.kind + " " + block.name + ">"));
                }
                Node node = kind.equals("LOOP")
                        ? new Node.Loop(block.name, List.copyOf(block.then))
                        : new Node.If(
                                block.name,
                                kind.equals("UNLESS"),
                                block.global,
                                List.copyOf(block.then),
                                List.copyOf(block.otherwise));
                open.peek().children().add(node);
                continue;
            }
            Attributes attributes = attributes(m.group(3), where);
            switch (kind) {
                case "VAR" ->
                    open.peek()
                            .children()
                            .add(new Node.Var(attributes.name(), attributes.escape(), attributes.global()));
                case "IF", "UNLESS", "LOOP" -> open.push(new Block(kind, attributes.name(), attributes.global()));
                case "ELSE" -> {
                    Block block = open.peek();
                    if (block == root || block.kind.equals("LOOP") || block.inElse) {
                        throw new TemplateSyntaxException(where + ": <TMPL_ELSE> outside <TMPL_IF> or <TMPL_UNLESS>");
                    }
                    block.inElse = true;
                }
                case "INCLUDE" -> {
                    if (depth >= MAX_INCLUDE_DEPTH) {
                        throw new TemplateSyntaxException(where + ": includes nested deeper than " + MAX_INCLUDE_DEPTH);
                    }
                    String included = loader.load(attributes.name())
                            .orElseThrow(() -> new TemplateSyntaxException(
                                    where + ": included template not found: " + attributes.name()));
                    open.peek().children().addAll(parse(attributes.name(), included, loader, depth + 1));
                }
                default -> throw new IllegalStateException("the tag pattern admits only the kinds above: " + kind);
            }
        }
        if (at < text.length()) {
            open.peek().children().add(new Node.Text(text.substring(at)));
        }
        if (open.size() > 1) {
            throw new TemplateSyntaxException(
                    templateName + ": <TMPL_" + open.peek().kind + " " + open.peek().name + "> is never closed");
        }
        return List.copyOf(root.then);
    }

    private record Attributes(String name, Node.Escape escape, boolean global) {}

    private static Attributes attributes(String text, String where) throws TemplateSyntaxException {
        String name = null;
        Node.Escape escape = Node.Escape.NONE;
        boolean global = false;
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                String value = Objects.requireNonNullElse(
                        m.group(2), Objects.requireNonNullElse(m.group(3), Objects.requireNonNullElse(m.group(4), "")));
                switch (m.group(1).toUpperCase(java.util.Locale.ROOT)) {
                    case "NAME" -> name = value;
                    case "ESCAPE" ->
                        escape = switch (value.toUpperCase(java.util.Locale.ROOT)) {
                            case "HTML", "1" -> Node.Escape.HTML;
                            case "URL" -> Node.Escape.URL;
                            case "NONE", "0" -> Node.Escape.NONE;
                            default -> throw new TemplateSyntaxException(where + ": unknown ESCAPE=\"" + value + "\"");
                        };
                    case "GLOBAL" -> global = value.equals("1");
                    default -> {
                        // Other attributes (DEFAULT of other engines) change nothing here.
                    }
                }
            } else if (name == null) {
                name = m.group(5) != null ? m.group(5) : m.group(6);
            }
        }
        return new Attributes(name == null ? "" : name, escape, global);
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
