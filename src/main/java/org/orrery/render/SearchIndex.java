package org.orrery.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jsoup.parser.Parser;
import org.orrery.model.Post;
import org.orrery.sanitize.SafeUrls;

/**
 * The index the search page reads ({@code search-index.js}): a script that sets {@code
 * orrerySearchIndex}, so that it loads from disk as well as from a server (a page opened from
 * disk may not fetch a JSON file). It holds the newest {@link #MAX_ENTRIES} posts given, each
 * with its title, link, author, feed and day (in the planet's time zone), and an inverted index of words: each word of their
 * titles and bodies (at most {@link #MAX_WORDS} distinct words of each post) with the posts it
 * occurs in. Words found in most posts are listed apart as {@code common} and carry no posts:
 * they cannot narrow a search, and would be a third of the file. Everything outside ASCII is
 * escaped, so the file reads the same whatever charset the page declares, and so are {@code <},
 * {@code >} and {@code &}.
 *
 * <p>Words are runs of letters and digits, in lower case after Unicode compatibility folding,
 * two to {@link #MAX_WORD_LENGTH} characters long ({@code search.js} cuts a query alike).
 * Writing without spaces (Chinese, Japanese) makes few words and is found only from the start of
 * a run.
 */
final class SearchIndex {
    /** The most posts indexed: the newest. */
    static final int MAX_ENTRIES = 2_000;

    /** The most distinct words indexed of one post, in the order they first occur, title first. */
    static final int MAX_WORDS = 250;

    static final int MAX_WORD_LENGTH = 30;

    private static final JsonFactory JSON =
            JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** {@code <}, {@code >} and {@code &} written as {@code \\u} escapes too: the index never reads as markup. */
    private static final CharacterEscapes NO_MARKUP = new CharacterEscapes() {
        private final int[] ascii = markupEscaped();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }

        private static int[] markupEscaped() {
            int[] codes = CharacterEscapes.standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&'}) {
                codes[c] = CharacterEscapes.ESCAPE_STANDARD;
            }
            return codes;
        }
    };

    private SearchIndex() {}

    /**
     * The index of {@code posts} (newest first), whose sanitised bodies {@code html} gives. Links
     * are relative to the top directory, where the search page is.
     */
    static String write(List<Post> posts, Function<Post, String> html, ZoneId zone) {
        List<Post> indexed = posts.size() > MAX_ENTRIES ? posts.subList(0, MAX_ENTRIES) : posts;
        Map<URI, Integer> feeds = new LinkedHashMap<>();
        Map<String, List<Integer>> postings = new TreeMap<>();
        var out = new StringWriter(64 * 1024);
        try (JsonGenerator g = JSON.createGenerator(out).setCharacterEscapes(NO_MARKUP)) {
            out.write("orrerySearchIndex = ");
            g.writeStartObject();
            g.writeArrayFieldStart("entries");
            for (int i = 0; i < indexed.size(); i++) {
                Post post = indexed.get(i);
                int feed = feeds.computeIfAbsent(post.channel().feedUri(), uri -> feeds.size());
                var entry = post.entry();
                g.writeStartArray();
                g.writeNumber(feed);
                g.writeString(entry.title());
                g.writeString(
                        entry.link().flatMap(SafeUrls::of).map(URI::toString).orElse(""));
                g.writeString(entry.author().orElse(""));
                g.writeString(LocalDate.ofInstant(post.date(), zone).toString());
                g.writeEndArray();
                for (String word : words(entry.title() + " " + text(html.apply(post)))) {
                    postings.computeIfAbsent(word, w -> new ArrayList<>()).add(i);
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("feeds");
            Map<URI, String> names = new HashMap<>();
            indexed.forEach(
                    p -> names.putIfAbsent(p.channel().feedUri(), p.channel().name()));
            for (URI feed : feeds.keySet()) {
                g.writeStartArray();
                g.writeString(names.get(feed));
                g.writeString(ReaderPages.feedPath(feed));
                g.writeEndArray();
            }
            g.writeEndArray();
            // A word in more than two posts of five, once there are enough posts to tell.
            int common = indexed.size() >= 50 ? indexed.size() * 2 / 5 : Integer.MAX_VALUE;
            g.writeArrayFieldStart("common");
            for (var word : postings.entrySet()) {
                if (word.getValue().size() > common) {
                    g.writeString(word.getKey());
                }
            }
            g.writeEndArray();
            g.writeObjectFieldStart("words");
            for (var word : postings.entrySet()) {
                if (word.getValue().size() <= common) {
                    var list = new StringBuilder();
                    for (int post : word.getValue()) {
                        if (!list.isEmpty()) {
                            list.append(',');
                        }
                        list.append(Integer.toString(post, 36));
                    }
                    g.writeStringField(word.getKey(), list.toString());
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("render: writing the search index to memory", e);
        }
        return out.append(";\n").toString();
    }

    /** The distinct words of {@code text}, as the index keeps them, at most {@link #MAX_WORDS}. */
    static Set<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        int start = -1;
        for (int i = 0; i <= folded.length() && words.size() < MAX_WORDS; ) {
            int c = i < folded.length() ? folded.codePointAt(i) : ' ';
            boolean letter = Character.isLetterOrDigit(c);
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                String word = folded.substring(start, i);
                if (word.codePointCount(0, word.length()) >= 2) {
                    words.add(word.length() > MAX_WORD_LENGTH ? word.substring(0, MAX_WORD_LENGTH) : word);
                }
                start = -1;
            }
            i += i < folded.length() ? Character.charCount(c) : 1;
        }
        return words;
    }

    /**
     * The text of sanitised HTML: its markup dropped (each tag a space), its character references
     * read. The sanitiser's output is well-formed and holds no scripts or styles, so no parser
     * is needed.
     */
    static String text(String html) {
        var text = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            int open = html.indexOf('<', i);
            int end = open < 0 ? html.length() : open;
            text.append(Parser.unescapeEntities(html.substring(i, end), false));
            if (open < 0) {
                break;
            }
            int close = html.indexOf('>', open);
            text.append(' ');
            i = close < 0 ? html.length() : close + 1;
        }
        return text.toString();
    }
}
