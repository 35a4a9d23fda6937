package org.orrery.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.lexer.Token;
import io.pebbletemplates.pebble.lexer.TokenStream;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.node.AbstractRenderableNode;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.parser.Parser;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.tokenParser.TokenParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.orrery.sanitize.Escape;

/**
 * A Venus Django template ({@code .dj}) run by Pebble, whose syntax is Django's but for a few
 * words: {@code |safe}, {@code {% ifchanged %}}, {@code |filter:arg}, {@code forloop}, {@code
 * {% empty %}} and {@code {% comment %}} are given their Pebble forms. Values have Venus's forms:
 * a title as HTML, a body as HTML, other text as text; with Venus's {@code django_autoescape} on
 * (its default) every value is escaped unless filtered with {@code |safe}, as in Django; with it
 * off, text is still escaped (a feed's name or author never becomes markup) and HTML is written
 * as it is.
 */
final class DjangoTemplate {
    /** Venus's values that are HTML (feedparser's {@code *_detail.value} and bodies). */
    private static final Set<String> HTML = Set.of(
            "title", "subtitle", "rights", "content", "summary", "channel_title", "channel_subtitle", "channel_rights");

    private static final Pattern FILTER_ARGUMENT =
            Pattern.compile("\\|\\s*(\\w+)\\s*:\\s*(\"[^\"]*\"|'[^']*'|[\\w.]+)");
    private static final Pattern TAG = Pattern.compile("\\{%.*?%}|\\{\\{.*?}}", Pattern.DOTALL);
    private static final Pattern COMMENT =
            Pattern.compile("\\{%\\s*comment\\s*%}.*?\\{%\\s*endcomment\\s*%}", Pattern.DOTALL);

    private final PebbleTemplate escaping;
    private final PebbleTemplate verbatim;

    private DjangoTemplate(PebbleTemplate escaping, PebbleTemplate verbatim) {
        this.escaping = escaping;
        this.verbatim = verbatim;
    }

    /**
     * Compiles a Django template's source; a syntax Pebble cannot read throws {@code
     * PebbleException}, whose message names the template by {@code name}.
     */
    static DjangoTemplate compile(String name, String source) {
        String pebble = pebbleSyntax(source);
        return new DjangoTemplate(
                engine(true, name, pebble).getTemplate(name),
                engine(false, name, pebble).getTemplate(name));
    }

    /** The template rendered over the model, escaping as the model's {@code django_autoescape} says. */
    String render(Map<String, Object> model) {
        boolean autoescape = !"off".equals(model.get("django_autoescape"));
        var context = forms(model, autoescape);
        // Venus's dj shell adds the [Planet] options as Config (the model holds them all).
        context.put("Config", new LinkedHashMap<>(context));
        var out = new StringWriter();
        try {
            (autoescape ? escaping : verbatim).evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException("render: writing a Django template to memory", e);
        }
        return out.toString();
    }

    /** Django's words that Pebble spells otherwise, in Pebble's spelling. */
    static String pebbleSyntax(String django) {
        String source = COMMENT.matcher(django).replaceAll("");
        Matcher tag = TAG.matcher(source);
        return tag.replaceAll(m -> Matcher.quoteReplacement(tag(m.group())));
    }

    private static String tag(String tag) {
        String pebble = FILTER_ARGUMENT.matcher(tag).replaceAll("|$1($2)");
        pebble = pebble.replace("forloop.counter0", "loop.index")
                .replace("forloop.counter", "(loop.index + 1)")
                .replace("forloop.first", "loop.first")
                .replace("forloop.last", "loop.last");
        return pebble.matches("\\{%\\s*empty\\s*%}") ? "{% else %}" : pebble;
    }

    private static PebbleEngine engine(boolean autoescape, String name, String source) {
        return new PebbleEngine.Builder()
                .loader(new OneTemplate(name, source))
                .autoEscaping(autoescape)
                .strictVariables(false)
                .newLineTrimming(false)
                .extension(new DjangoWords())
                .cacheActive(false)
                .build();
    }

    /** The model in Venus's forms for Django: HTML values as HTML, text escaped when nothing else will. */
    private static Map<String, Object> forms(Map<String, ?> model, boolean autoescape) {
        var forms = new LinkedHashMap<String, Object>(model.size() * 2);
        model.forEach((key, value) -> {
            Object form = form(key, value, autoescape);
            // Venus gave Django its dates as datetimes, for the date filter: date, updated, ...
            if (form instanceof String text && model.get(key + "_iso") instanceof String iso && !iso.isEmpty()) {
                form = new DjangoDate(text, OffsetDateTime.parse(iso).toZonedDateTime());
            }
            forms.put(key, form);
        });
        return forms;
    }

    /** A date as Venus gave Django one: shown as {@code date_format} writes it, formatted by {@code |date}. */
    record DjangoDate(String text, ZonedDateTime at) {
        @Override
        public String toString() {
            return text;
        }
    }

    @SuppressWarnings("unchecked")
    private static Object form(String key, Object value, boolean autoescape) {
        return switch (value) {
            case String s
            when HTML.contains(key) -> key.endsWith("content") || key.endsWith("summary") ? s : Escape.text(s);
            case String s when !autoescape -> Escape.text(s);
            case Map<?, ?> map -> forms((Map<String, ?>) map, autoescape);
            case List<?> list -> {
                var forms = new ArrayList<Object>(list.size());
                for (Object element : list) {
                    forms.add(element instanceof Map<?, ?> map ? forms((Map<String, ?>) map, autoescape) : element);
                }
                yield forms;
            }
            case null, default -> value;
        };
    }

    /** Loads the one template, by its name; no other (Venus's Django themes include none). */
    private static final class OneTemplate extends StringLoader {
        private final String name;
        private final String source;

        OneTemplate(String name, String source) {
            this.name = name;
            this.source = source;
        }

        @Override
        public Reader getReader(String templateName) {
            return new StringReader(templateName.equals(name) ? source : "");
        }
    }

    /** Django's {@code safe} filter and {@code ifchanged} tag. */
    private static final class DjangoWords extends AbstractExtension {
        @Override
        public Map<String, Filter> getFilters() {
            return Map.of("safe", new Safe(), "date", new DateFilter());
        }

        @Override
        public List<TokenParser> getTokenParsers() {
            return List.of(new IfChangedParser());
        }
    }

    /** Django's {@code |safe}: the value is written as it is. */
    private static final class Safe implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public Object apply(
                Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            return input == null ? null : new SafeString(input.toString());
        }
    }

    /**
     * Django's {@code |date:"format"} on a date (Django's format letters, {@link DjangoDates});
     * empty for anything else, as in Django.
     */
    private static final class DateFilter implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return List.of("format");
        }

        @Override
        public Object apply(
                Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            if (!(input instanceof DjangoDate date)) {
                return "";
            }
            Object format = args.get("format");
            return DjangoDates.format(date.at(), format == null ? DjangoDates.DEFAULT : format.toString());
        }
    }

    /** {@code {% ifchanged a b %}...{% endifchanged %}}: the body when the values differ from the last pass's. */
    private static final class IfChangedParser implements TokenParser {
        @Override
        public String getTag() {
            return "ifchanged";
        }

        @Override
        public RenderableNode parse(Token token, Parser parser) {
            TokenStream stream = parser.getStream();
            int line = token.getLineNumber();
            stream.next();
            var values = new ArrayList<Expression<?>>();
            while (!stream.current().test(Token.Type.EXECUTE_END)) {
                values.add(parser.getExpressionParser().parseExpression());
            }
            stream.expect(Token.Type.EXECUTE_END);
            BodyNode body = parser.subparse(t -> t.test(Token.Type.NAME, "endifchanged"));
            stream.next();
            stream.expect(Token.Type.EXECUTE_END);
            return new IfChanged(line, values, body);
        }
    }

    private static final class IfChanged extends AbstractRenderableNode {
        private final List<Expression<?>> values;
        private final BodyNode body;
        /** Where the last pass's values are kept: in the scope of the loop around the tag. */
        private final String memory = "__ifchanged_" + Integer.toHexString(System.identityHashCode(this));

        IfChanged(int line, List<Expression<?>> values, BodyNode body) {
            super(line);
            this.values = List.copyOf(values);
            this.body = body;
        }

        @Override
        public void render(PebbleTemplateImpl self, Writer writer, EvaluationContextImpl context) throws IOException {
            Object now;
            if (values.isEmpty()) {
                // Django: without arguments, the body's own output is compared.
                var out = new StringWriter();
                body.render(self, out, context);
                now = out.toString();
            } else {
                var evaluated = new ArrayList<Object>();
                for (Expression<?> value : values) {
                    evaluated.add(value.evaluate(self, context));
                }
                now = evaluated;
            }
            var scope = context.getScopeChain();
            if (scope.containsKey(memory) && Objects.equals(scope.get(memory), now)) {
                return;
            }
            scope.put(memory, now);
            if (now instanceof String rendered) {
                writer.write(rendered);
            } else {
                body.render(self, writer, context);
            }
        }

        /** Visitors (Pebble's escaper among them) go through the body: what it prints is escaped. */
        @Override
        public void accept(NodeVisitor visitor) {
            visitor.visit(this);
            body.accept(visitor);
        }
    }
}
