package org.orrery.render;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.orrery.model.Channel;
import org.orrery.model.Enclosure;
import org.orrery.model.Entry;
import org.orrery.model.EntryDetails;
import org.orrery.model.FeedCredits;
import org.orrery.model.FeedInfo;
import org.orrery.model.Post;
import org.orrery.model.River;
import org.orrery.sanitize.BodyGate;
import org.orrery.sanitize.HtmlSanitizer;
import org.orrery.sanitize.SafeBodies;
import org.orrery.sanitize.SafeHtml;
import org.orrery.sanitize.SafeUrls;

/**
 * Builds the variables a theme template sees, named as Planet Venus names them ({@code name},
 * {@code link}, {@code date}, {@code Items} with {@code channel_name}, {@code new_date}, ...;
 * {@code Channels}), so templates written for Venus read naturally.
 */
final class TemplateModel {
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}_]+");
    /** Channels' {@code css-id}s by name, remembered: each page names every channel it shows. */
    private static final Map<String, String> CSS_IDS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Site site;
    /** Where every body a template shows comes from: the sanitiser, or its cache. */
    private final BodyGate bodies;
    /** Whether the reader pages ({@link ReaderPages}) are published, so that pages may link to them. */
    private final boolean readerPages;

    TemplateModel(Site site) {
        this(site, new BodyGate(new HtmlSanitizer(), BodyGate.Cache.NONE));
    }

    TemplateModel(Site site, BodyGate bodies) {
        this(site, bodies, false);
    }

    TemplateModel(Site site, BodyGate bodies, boolean readerPages) {
        this.site = site;
        this.bodies = bodies;
        this.readerPages = readerPages;
    }

    Map<String, Object> of(River river, Instant now) {
        return of(river, now, (String) null);
    }

    /**
     * The variables of {@link #of(River, Instant)}; with {@code root} (the way to the top
     * directory) and the reader pages published, the links to them on items and channels.
     */
    private Map<String, Object> of(River river, Instant now, String root) {
        String pages = readerPages ? root : null;
        var model = new LinkedHashMap<String, Object>();
        // Venus makes every [Planet] option a template variable (themes use options Orrery does
        // not know); the variables of those Orrery reads are set below from the site's fields.
        site.planetOptions().forEach(model::put);
        // What the HTML and XML files declare: the charset they are written in.
        model.put("encoding", OutputEncoding.of(site.encoding()).label());
        model.put("name", site.name());
        model.put("link", site.link());
        model.put("owner_name", site.ownerName());
        model.put("owner_email", site.ownerEmail());
        // Venus: the spliced feed's author is the owner, and its author is a top-level variable
        // (Venus's django theme: "on behalf of {{ author_name }}").
        if (!site.ownerName().isEmpty()) {
            model.putIfAbsent("author", site.ownerName());
            model.putIfAbsent("author_name", site.ownerName());
        }
        // Venus: a configured generator_uri and feed are the theme's; Orrery's own otherwise.
        model.put("generator", site.generatorUri().orElse(site.generator()));
        String feed =
                site.feed().orElseGet(() -> site.link().isEmpty() ? "atom.xml" : resolve(site.link(), "atom.xml"));
        model.put("feed", feed);
        model.put("feedtype", feed.contains("rss") ? "rss" : "atom");
        model.put(
                "feed_id",
                site.link().isEmpty()
                        ? "urn:orrery:" + URLEncoder.encode(site.name(), StandardCharsets.UTF_8)
                        : resolve(site.link(), "atom.xml"));
        putDates(model, "date", now);
        // Orrery's own: the page's language, from locale, and the interface words in it.
        Locale locale = site.newDateFormat().locale();
        model.put("lang", Messages.language(locale));
        model.put("messages", Messages.of(locale));
        model.put("Items", items(river.posts(), pages));
        model.put(
                "Channels",
                river.channels().stream().map(c -> channel(c, pages)).toList());
        return model;
    }

    /**
     * The variables of a page among pages: those of {@link #of(River, Instant)} and where the
     * page sits. Every link is {@code root} (the way from the page to the top directory, or
     * empty for a page given a {@code <base>}) and the target's path from the top directory.
     */
    Map<String, Object> of(River river, Instant now, Navigation nav, String root) {
        Map<String, Object> model = of(river, now, root);
        model.put("root", root);
        model.put("page_path", nav.path());
        model.put("front_page", link(root, "index.html"));
        model.put("archive_url", link(root, SitePages.ARCHIVE_INDEX));
        model.put("pages", nav.pages());
        if (nav.page() > 0) {
            model.put("page", nav.page());
        }
        if (nav.previous() != null) {
            model.put("previous_page", link(root, nav.previous()));
        }
        if (nav.next() != null) {
            model.put("next_page", link(root, nav.next()));
        }
        if (nav.month() != null) {
            model.put("archive_month", monthName(nav.month()));
        }
        if (nav.path().equals(SitePages.ARCHIVE_INDEX)) {
            model.put("archive_index", true);
        }
        model.put(
                "archive_months",
                nav.months().stream()
                        .map(m -> Map.<String, Object>of(
                                "name", monthName(m.month()),
                                "year", m.month().getYear(),
                                "month", "%02d".formatted(m.month().getMonthValue()),
                                "count", m.count(),
                                "url", link(root, m.path())))
                        .toList());
        if (readerPages) {
            model.put("people_url", link(root, ReaderPages.PEOPLE));
            model.put("search_url", link(root, ReaderPages.SEARCH));
        }
        return model;
    }

    private static String link(String root, String target) {
        return root + target;
    }

    /** "September 2017", "Dezember 2017": the month as a heading names it, in the planet's locale. */
    private String monthName(YearMonth month) {
        Locale locale = site.newDateFormat().locale();
        return month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " " + month.getYear();
    }

    /** The items of {@code posts}; with {@code pages} (the way to the top), their links to the reader pages. */
    private List<Map<String, Object>> items(List<Post> posts, String pages) {
        SafeBodies safe = bodies.bodies(posts);
        var items = new ArrayList<Map<String, Object>>(posts.size());
        String previousDay = null;
        String previousChannel = null;
        // A feed's variables once per page, not once per entry: an archive page lists a thousand.
        var channels = new IdentityHashMap<Channel, List<Map.Entry<String, Object>>>();
        for (Post post : posts) {
            var item = new LinkedHashMap<String, Object>();
            for (var variable : channels.computeIfAbsent(post.channel(), c -> channel(c, pages).entrySet().stream()
                    .map(e -> (Map.Entry<String, Object>)
                            new java.util.AbstractMap.SimpleImmutableEntry<>("channel_" + e.getKey(), e.getValue()))
                    .toList())) {
                item.put(variable.getKey(), variable.getValue());
            }
            var entry = post.entry();
            // Every URL passes the sanitiser's rules here too: rows stored by older versions were not checked.
            String link = entry.link().flatMap(SafeUrls::of).map(URI::toString).orElse("");
            item.put("id", entry.key());
            item.put("id_uri", idUri(entry.key(), link));
            item.put("guid_isPermaLink", !link.isEmpty() && link.equals(entry.key()) ? "true" : "false");
            item.put("title", entry.title());
            item.put("title_plain", entry.title());
            item.put("link", link);
            item.put("author", entry.author().orElse(""));
            item.put("author_name", entry.author().orElse(""));
            // Planet 2.0's name for it, which its example themes use.
            item.put("creator", entry.author().orElse(""));
            putDetails(item, entry, post.channel());
            BodyGate.Safe body = safe.of(entry);
            item.put("content", body.content().html());
            item.put("summary", body.summary().map(SafeHtml::html).orElse(""));
            item.put("categories", entry.categories());
            if (pages != null) {
                item.put("tags", tags(entry.categories(), pages));
            }
            putEnclosures(item, entry.enclosures());
            putDates(item, "date", post.date());
            entry.published().ifPresent(t -> putDates(item, "published", t));
            entry.updated().ifPresent(t -> putDates(item, "updated", t));
            String day = site.newDateFormat().format(post.date().atZone(site.zone()));
            // Venus: new_date only on the first item of a day; new_channel when the source changes or a day starts
            boolean newDay = !day.equals(previousDay);
            if (newDay) {
                item.put("new_date", day);
            }
            // Venus names a channel by its source id here (channelId), not by its feed's URL.
            String channelId = channelId(post.channel());
            if (newDay || !channelId.equals(previousChannel)) {
                item.put("new_channel", channelId);
            }
            previousDay = day;
            previousChannel = channelId;
            items.add(item);
        }
        return items;
    }

    /** The variables of {@code channel}; with {@code pages} (the way to the top), its {@code feed_page}. */
    Map<String, Object> channel(Channel channel, String pages) {
        var map = new LinkedHashMap<String, Object>();
        channel.options().forEach(map::put);
        if (map.get("face") instanceof String face) {
            map.put("face", SafeUrls.of(face)); // a reading list may set it
        }
        map.put("name", channel.name());
        map.put("url", SafeUrls.of(channel.feedUri()).map(URI::toString).orElse(""));
        map.put(
                "link",
                channel.siteLink().flatMap(SafeUrls::of).map(URI::toString).orElse(""));
        // Venus and Planet 2.0: a channel's title is its feed's own; its name, the config's.
        String title = channel.feed().title().filter(t -> !t.isBlank()).orElse(channel.name());
        map.put("title", title);
        map.put("title_plain", title);
        map.put("css-id", cssId(channel.name()));
        map.put("id", channelId(channel));
        FeedInfo feed = channel.feed();
        feed.subtitle().ifPresent(s -> map.put("subtitle", s));
        feed.author().ifPresent(a -> {
            map.put("author", a);
            map.put("author_name", a);
        });
        FeedCredits credits = feed.credits();
        credits.icon().flatMap(SafeUrls::of).ifPresent(u -> map.put("icon", u.toString()));
        credits.logo().flatMap(SafeUrls::of).ifPresent(u -> map.put("logo", u.toString()));
        credits.rights().ifPresent(r -> map.put("rights", r));
        credits.generator().ifPresent(g -> map.put("generator", g));
        // Venus: the feed's own updated time, else when it was fetched.
        feed.updated().or(channel::lastFetched).ifPresent(t -> putDates(map, "last_updated", t));
        channel.message().ifPresent(m -> map.put("message", m));
        if (pages != null) {
            map.put("feed_page", link(pages, ReaderPages.feedPath(channel.feedUri())));
        }
        return map;
    }

    /** An entry's categories as links to their pages: a {@code name} and a {@code url} each, one per page. */
    private static List<Map<String, Object>> tags(List<String> categories, String root) {
        var tags = new LinkedHashMap<String, Map<String, Object>>();
        for (String category : categories) {
            if (!category.isBlank()) {
                String slug = Slugs.tag(category);
                tags.putIfAbsent(slug, Map.of("name", category.strip(), "url", link(root, ReaderPages.tagPath(slug))));
            }
        }
        return List.copyOf(tags.values());
    }

    /**
     * Venus's id of a channel (its {@code source}'s {@code id}): the feed's own id, else its
     * site's link, else (where Venus had none) the feed's URL.
     */
    static String channelId(Channel channel) {
        return channel.feed()
                .id()
                .filter(id -> !id.isBlank())
                .or(() -> channel.siteLink().map(URI::toString))
                .orElse(channel.feedUri().toString());
    }

    /**
     * Venus's {@code author_email}, {@code author_uri}, {@code rights} and {@code *_language}
     * (the subscription's {@code language} option, else the entry's language, else its feed's, as
     * feedparser inherited it), where the feed gives them, and Orrery's {@code lang} (that
     * language as an HTML {@code lang} value); and {@code channel_author}, which Venus set to the
     * subscription's name when neither the entry nor its feed names an author.
     */
    private void putDetails(Map<String, Object> item, Entry entry, Channel channel) {
        EntryDetails details = entry.details();
        details.authorEmail().ifPresent(e -> item.put("author_email", e));
        details.authorUri().map(SafeUrls::of).filter(u -> !u.isEmpty()).ifPresent(u -> item.put("author_uri", u));
        details.rights().ifPresent(r -> item.put("rights", r));
        // The option beats what the feed says: feeds often declare their software's default language.
        configuredLanguage(channel)
                .or(details::language)
                .or(() -> channel.feed().language())
                .ifPresent(language -> {
                    String tag = Messages.languageTag(language);
                    if (!tag.isEmpty()) {
                        item.put("lang", tag);
                    }
                    if (!entry.title().isEmpty()) {
                        item.put("title_language", language);
                    }
                    if (!entry.contentHtml().isEmpty()) {
                        item.put("content_language", language);
                    }
                    if (entry.summaryHtml().isPresent() || !entry.contentHtml().isEmpty()) {
                        item.put("summary_language", language);
                    }
                });
        if (!item.containsKey("channel_author") && entry.author().isEmpty()) {
            item.put("channel_author", channel.name());
            item.put("channel_author_name", channel.name());
        }
    }

    /**
     * The {@code language} a subscription's section sets, else {@code [Planet]}'s (checked when
     * the config was read); the section's options reach the channel as written.
     */
    private Optional<String> configuredLanguage(Channel channel) {
        return Optional.ofNullable(channel.options().get("language"))
                .or(() -> Optional.ofNullable(site.planetOptions().get("language")))
                .map(String::strip)
                .filter(l -> !l.isEmpty());
    }

    /** Venus's {@code cssid}: the name lower-cased, each run of other characters a hyphen. */
    static String cssId(String name) {
        String known = CSS_IDS.get(name);
        if (known == null) {
            known = cssIdOf(name);
            if (CSS_IDS.size() >= 250_000) {
                CSS_IDS.clear();
            }
            CSS_IDS.put(name, known);
        }
        return known;
    }

    private static String cssIdOf(String name) {
        String id = NOT_ALPHANUMERIC.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
        int start = 0;
        int end = id.length();
        while (start < end && id.charAt(start) == '-') {
            start++;
        }
        while (end > start && id.charAt(end - 1) == '-') {
            end--;
        }
        return id.substring(start, end);
    }

    /**
     * {@code enclosures}, a list of {@code href}, {@code type}, {@code length} and {@code kind}
     * (Orrery's own),
     * and Venus's {@code enclosure_href}, {@code enclosure_type}, {@code enclosure_length} of the
     * first. Each URL passes the sanitiser's rules again: rows stored earlier were not checked.
     */
    private static void putEnclosures(Map<String, Object> item, List<Enclosure> enclosures) {
        var list = new ArrayList<Map<String, Object>>();
        for (Enclosure enclosure : enclosures) {
            Optional<URI> href = SafeUrls.file(enclosure.url());
            if (href.isEmpty()) {
                continue;
            }
            var map = new LinkedHashMap<String, Object>();
            map.put("href", href.get().toString());
            map.put("type", enclosure.type().orElse(""));
            map.put(
                    "length",
                    enclosure.length().isPresent()
                            ? Long.toString(enclosure.length().getAsLong())
                            : "");
            // What a page may play or show in place: "audio", "video", "image", or "".
            String type = enclosure.type().orElse("");
            int slash = type.indexOf('/');
            String kind = slash > 0 ? type.substring(0, slash).toLowerCase(Locale.ROOT) : "";
            map.put("kind", kind.equals("audio") || kind.equals("video") || kind.equals("image") ? kind : "");
            list.add(map);
        }
        item.put("enclosures", list);
        if (!list.isEmpty()) {
            Map<String, Object> first = list.getFirst();
            for (String key : List.of("href", "type", "length")) {
                item.put("enclosure_" + key, first.get(key));
            }
        }
    }

    private void putDates(Map<String, Object> map, String key, Instant t) {
        ZonedDateTime zoned = t.atZone(site.zone());
        map.put(key, site.dateFormat().format(zoned));
        map.put(key + "_iso", WireDates.rfc3339(zoned));
        map.put(key + "_822", WireDates.rfc822(zoned));
    }

    /**
     * The entry's id where an IRI is required (Atom {@code id}, RSS 1.0 {@code rdf:about}, which
     * readers may follow as a link): the id when it is an absolute URI that may be published as a
     * link, or a {@code tag:} or {@code urn:} name; else the (safe) link, else a URN made from the
     * id.
     */
    private static String idUri(String key, String safeLink) {
        try {
            URI id = URI.create(key);
            if (id.isAbsolute()
                    && (SafeUrls.of(id).isPresent()
                            || id.getScheme().equalsIgnoreCase("tag")
                            || id.getScheme().equalsIgnoreCase("urn"))) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // Not a URI (a bare guid such as "1234"): fall through.
        }
        return safeLink.isEmpty() ? "urn:orrery:entry:" + URLEncoder.encode(key, StandardCharsets.UTF_8) : safeLink;
    }

    private static String resolve(String base, String relative) {
        return URI.create(base).resolve(relative).toString();
    }
}
