package org.orrery.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.orrery.render.htmltmpl.Markup;

/**
 * The template model in the forms Venus hands its htmltmpl themes ({@code planet/shell/tmpl.py}):
 * bodies as HTML, and titles, subtitles and rights as HTML too (their text escaped), so that
 * {@code <TMPL_VAR title>} shows the title and {@code <TMPL_VAR title ESCAPE="HTML">} escapes it
 * once more, as in Venus. Every other value stays text, which the engine always escapes.
 */
final class VenusForms {
    /** Sanitised HTML in the model, written as it is. */
    private static final Set<String> BODIES = Set.of("content", "summary");

    /** Text in the model that Venus gives as HTML (feedparser's {@code *_detail.value}). */
    private static final Set<String> HTML_TEXT =
            Set.of("title", "subtitle", "rights", "channel_title", "channel_subtitle", "channel_rights");

    private VenusForms() {}

    static Map<String, Object> of(Map<String, ?> model) {
        var forms = new LinkedHashMap<String, Object>(model.size() * 2);
        model.forEach((key, value) -> forms.put(key, form(key, value)));
        return forms;
    }

    private static Object form(String key, Object value) {
        return switch (value) {
            case String s when BODIES.contains(key) -> new Markup(s);
            case String s when HTML_TEXT.contains(key) -> Markup.ofText(s);
            case Map<?, ?> map -> of(stringKeys(map));
            case List<?> list -> {
                var forms = new ArrayList<Object>(list.size());
                for (Object element : list) {
                    forms.add(element instanceof Map<?, ?> map ? of(stringKeys(map)) : element);
                }
                yield forms;
            }
            case null, default -> value;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> stringKeys(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }
}
