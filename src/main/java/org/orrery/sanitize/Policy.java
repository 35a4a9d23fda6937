package org.orrery.sanitize;

import java.util.Map;
import java.util.Set;

/** The allow-list: which elements and attributes may reach a published page (see docs/sanitizing.md). */
final class Policy {
    private Policy() {}

    /**
     * Elements removed together with everything inside them: their content is code, metadata,
     * plug-in parameters or scripting-only markup, never text meant for the reader. ({@code
     * object} and {@code applet} are not here: no plug-in runs today, so their fallback content
     * is what a reader sees, and it stays.)
     */
    static final Set<String> DROPPED_WITH_CONTENT = words(
            """
            script style template title head base meta link embed param frameset frame noembed
            noframes portal fencedframe annotation annotation-xml""");

    /** Attributes whose value is one URL, resolved against the base and checked for its scheme. */
    static final Set<String> URL_ATTRIBUTES =
            words("href src cite poster longdesc background action dynsrc lowsrc icon vrml data datasrc");

    /**
     * Attributes allowed on every allowed element: text, presentation and inert form-control
     * metadata, plus {@code style} and {@code srcset} (checked afterwards) and the {@link
     * #URL_ATTRIBUTES}. Left out on purpose: event handlers, {@code id} and {@code name} (DOM
     * clobbering; and the ids of many entries collide on one page), {@code form}, {@code
     * formaction}, {@code ping} (click tracking), {@code autofocus} (the page would jump to an
     * entry), {@code contenteditable}, {@code srcdoc}, {@code is}, {@code slot}, {@code nonce}.
     */
    private static final Set<String> GLOBAL_ATTRIBUTES = words(
            """
            abbr accept accept-charset accesskey align alt autocomplete axis balance bgcolor
            bgproperties border bordercolor bordercolordark bordercolorlight bottompadding
            cellpadding cellspacing ch challenge char charoff charset checked choff class clear
            color cols colspan compact coords datafld datapagesize datetime default delay dir
            disabled draggable end enctype face for frame galleryimg gutter headers height hidden
            hidefocus high hreflang hspace inputmode ismap keytype label lang leftspacing list
            loop loopcount loopend loopstart low max maxlength media method min multiple nohref
            noshade nowrap open optimum pattern placeholder point-size pqg preload prompt
            radiogroup readonly rel repeat-max repeat-min replace required rev reversed
            rightspacing rows rowspan rules scope selected shape size sizes span start step
            summary suppress tabindex target template title toppadding translate type
            unselectable urn usemap valign value variable volume vspace width wrap xml:lang style srcset""");

    private static final Set<String> ELEMENTS = words(
            """
            article aside footer header nav section address main hgroup search
            h1 h2 h3 h4 h5 h6 p hr pre blockquote ol ul li dl dt dd menu dir figure figcaption
            div center details summary dialog
            a em strong small s cite q dfn abbr acronym ruby rb rt rtc rp data time code var samp
            kbd sub sup i b u mark bdi bdo span br wbr ins del big tt strike font nobr m
            img picture source audio video track map area canvas
            table caption colgroup col tbody thead tfoot tr td th
            button input select option optgroup textarea label fieldset legend output datalist
            meter progress keygen
            command datagrid event-source multicol nextid sound spacer
            iframe""");

    /**
     * Attributes allowed on one element only, beside the global ones. The form controls are inert
     * without {@code form} (nothing can be submitted); iframes reach the allow-list only after
     * {@link Embeds} rebuilt them.
     */
    private static final Map<String, Set<String>> ELEMENT_ATTRIBUTES = Map.of(
            "audio", words("controls muted crossorigin"),
            "video", words("controls muted playsinline crossorigin"),
            "track", words("kind srclang"),
            "iframe", words("allowfullscreen sandbox loading referrerpolicy frameborder"),
            "img", words("loading decoding referrerpolicy"));

    /**
     * The {@code referrerpolicy} values kept: those that never send more than the browser's
     * default ({@code strict-origin-when-cross-origin}) does, so no other site learns which page
     * of the planet a reader is on. {@code unsafe-url}, {@code no-referrer-when-downgrade},
     * {@code origin} and {@code origin-when-cross-origin} are dropped.
     */
    static final Set<String> REFERRER_POLICIES =
            words("no-referrer same-origin strict-origin strict-origin-when-cross-origin");

    /** Whether an HTML element named {@code normalName} (lower case) may be published. */
    static boolean allowsElement(String normalName) {
        return ELEMENTS.contains(normalName);
    }

    /**
     * Whether an allowed element may keep the attribute {@code name} (lower case). URL values,
     * {@code srcset} and {@code style} are allowed here and checked by the sanitiser afterwards.
     */
    static boolean allowsAttribute(String element, String name) {
        if (GLOBAL_ATTRIBUTES.contains(name) || URL_ATTRIBUTES.contains(name)) {
            return true;
        }
        Set<String> own = ELEMENT_ATTRIBUTES.get(element);
        return own != null && own.contains(name);
    }

    private static Set<String> words(String text) {
        return Set.of(text.strip().split("\\s+"));
    }
}
