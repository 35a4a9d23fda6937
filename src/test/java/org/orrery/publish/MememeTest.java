package org.orrery.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orrery.Planet;
import org.orrery.config.ConfigLoader;
import org.orrery.config.PlanetConfig;
import org.orrery.fetch.NoFetching;
import org.orrery.model.Entry;
import org.orrery.model.FeedInfo;
import org.orrery.model.Validators;
import org.orrery.store.JdbcStore;
import org.orrery.store.Refresh;

/**
 * Venus's {@code mememe.plugin} on Venus's {@code classic_fancy} theme, configured as Venus's own
 * test configures it ({@code tests/data/apply/config-mememe.ini}: {@code html2xhtml.plugin} then
 * {@code mememe.plugin}, {@code sidebar = //*[@class='sidebar']}), over a small planet whose memes
 * are worked out by hand from Venus's script:
 *
 * <pre>
 * feed  post (age)        links in it                                   weight 1-(days/7)²
 * Ada   ada/1 (1 day)     www.Shared.example/big#frag, a CC licence      48/49
 *                         link with rel="license" (no vote)
 * Bob   bob/1 (2 days)    shared.example/big, ada/1                      45/49
 * Cy    cy/1 (3 days)     shared.example/big, other.example/x            40/49
 * Cy    cy/2 (4 days)     ada/1                                          33/49
 * Eve   eve/1 (5 days)    other.example/x, the CC licence                24/49
 * Dee   dee/1 (9 days)    shared.example/big: older than a week, no vote
 * </pre>
 *
 * Each post votes for its own link too. Scores (the sum of each feed's best weight): shared/big
 * 133/49 (Ada, Bob, Cy), ada/1 126/49 (Ada's own link, Bob, Cy), other/x 64/49 (Cy, Eve); every
 * other link has one feed and is no meme (had Ada's licence link voted, the licence would be one,
 * with eve/1 new, and other/x, with no post new, would not). All three are listed (each has a post no meme above it
 * had: cy/2 for ada/1, eve/1 for other/x). shared/big and ada/1 were last pointed to a day ago,
 * no later than their neighbours and later than half the links: "rising"; other/x (3 days) is
 * not. Three feeds point to the first two: they are in memes.atom; other/x, with two, is not.
 */
class MememeTest {
    private static final Instant NOW = Instant.parse("2026-03-08T00:00:00Z");
    private static final String SHARED_AS_ADA_WROTE_IT = "https://www.Shared.example/big#frag";
    private static final String SHARED = "https://shared.example/big";
    private static final String CC = "https://creativecommons.org/licenses/by/4.0/";

    @TempDir
    Path dir;

    private PlanetConfig config(String filters) throws Exception {
        return config(filters, "", "");
    }

    /** With lines added to {@code [mememe.plugin]}, and to Bob's and Cy's sections. */
    private PlanetConfig config(String filters, String mememe, String bobAndCy) throws Exception {
        Path theme = Files.createDirectories(dir.resolve("classic_fancy"));
        try (InputStream in = getClass().getResourceAsStream("/render/legacy/venus/index.html.tmpl")) {
            Files.write(theme.resolve("index.html.tmpl"), in.readAllBytes());
        }
        var config = new StringBuilder(
                """
                [Planet]
                name = test planet
                link = https://planet.example.org/
                owner_name = Owner
                owner_email = owner@example.org
                template_files = index.html.tmpl
                template_directories = %s

                [index.html.tmpl]
                filters = %s

                [mememe.plugin]
                sidebar = //*[@class='sidebar']
                %s
                """
                        .formatted(theme, filters, mememe));
        for (String name : List.of("Ada", "Bob", "Cy", "Dee", "Eve")) {
            config.append("\n[")
                    .append(feed(name))
                    .append("]\nname = ")
                    .append(name)
                    .append('\n');
            if (name.equals("Bob") || name.equals("Cy")) {
                config.append(bobAndCy).append('\n');
            }
        }
        return ConfigLoader.load(List.of(Files.writeString(dir.resolve("config.ini"), config)), dir);
    }

    private static URI feed(String name) {
        return URI.create("https://" + name.toLowerCase() + ".example/feed");
    }

    private static Entry post(String feed, int n, String title, int days, String body) {
        String link = "https://" + feed.toLowerCase() + ".example/" + n;
        return new Entry(
                link,
                title,
                Optional.of(URI.create(link)),
                Optional.empty(),
                Optional.of(NOW.minus(Duration.ofDays(days))),
                Optional.empty(),
                body,
                Optional.empty(),
                List.of(),
                List.of());
    }

    private static String a(String href) {
        return "<a href=\"" + href + "\">link</a> ";
    }

    private void publish(PlanetConfig config) throws Exception {
        try (var store = JdbcStore.openSqlite(config.databaseFile())) {
            save(
                    store,
                    "Ada",
                    post(
                            "Ada",
                            1,
                            "Ada one",
                            1,
                            a(SHARED_AS_ADA_WROTE_IT) + "<a rel=\"license\" href=\"" + CC + "\">CC BY</a>"));
            save(store, "Bob", post("Bob", 1, "Bob one", 2, a(SHARED) + a("https://ada.example/1")));
            save(
                    store,
                    "Cy",
                    post("Cy", 1, "Cy one", 3, a(SHARED) + a("https://other.example/x")),
                    post("Cy", 2, "Cy two", 4, a("https://ada.example/1")));
            save(store, "Dee", post("Dee", 1, "Dee one", 9, a(SHARED)));
            save(store, "Eve", post("Eve", 1, "Eve one", 5, a("https://other.example/x") + a(CC)));
            new Planet(config, NoFetching.FETCHER, store, InstantSource.fixed(NOW)).publish();
        }
    }

    private static void save(JdbcStore store, String name, Entry... entries) {
        store.save(new Refresh.Fetched(
                feed(name),
                NOW,
                Validators.NONE,
                OptionalInt.of(200),
                new FeedInfo(Optional.of(name), Optional.of(URI.create("https://" + name.toLowerCase() + ".example/"))),
                List.of(entries)));
    }

    private Document page() throws Exception {
        return Jsoup.parse(Files.readString(dir.resolve("output/index.html")));
    }

    @Test
    void theSidebarListsTheMemesAsVenusDoes() throws Exception {
        PlanetConfig config = config("html2xhtml.plugin mememe.plugin");
        assertThat(config.warnings()).noneMatch(w -> w.contains("not one Orrery provides"));

        publish(config);
        String html = Files.readString(dir.resolve("output/index.html"));
        Document page = page();

        // Venus's test_apply_filter_mememe checks exactly this.
        assertThat(html).contains("<div class=\"sidebar\"><h2>Memes <a href=\"memes.atom\">");
        Element memes = page.selectFirst("div.sidebar > h2 + ul");
        List<Element> items = memes.children();
        assertThat(items).extracting(li -> li.child(0).text()).containsExactly("big", "Ada one", "x");
        assertThat(items)
                .extracting(li -> li.child(0).attr("href"))
                .containsExactly(SHARED, "https://ada.example/1", "https://other.example/x");
        assertThat(items).extracting(li -> li.child(0).className()).containsExactly("rising", "rising", "");
        assertThat(voters(items.get(0)))
                .containsExactly(
                        "Ada https://ada.example/1 Ada one",
                        "Bob https://bob.example/1 Bob one",
                        "Cy https://cy.example/1 Cy one");
        assertThat(voters(items.get(1)))
                .containsExactly(
                        "Ada https://ada.example/1 Ada one",
                        "Bob https://bob.example/1 Bob one",
                        "Cy https://cy.example/2 Cy two");
        assertThat(voters(items.get(2)))
                .containsExactly("Cy https://cy.example/1 Cy one", "Eve https://eve.example/1 Eve one");
    }

    private static List<String> voters(Element item) {
        return item.select("> ul > li > a").stream()
                .map(a -> a.text() + " " + a.attr("href") + " " + a.attr("title"))
                .toList();
    }

    @Test
    void eachSubscriptionListsItsPostsOfTheWeekAndOneWithoutIsInactive() throws Exception {
        publish(config("html2xhtml.plugin mememe.plugin"));
        Document page = page();

        Element subscriptions =
                page.select("div.sidebar > h2:contains(Subscriptions) + ul").first();
        var recent = new ArrayList<String>();
        for (Element li : subscriptions.children()) {
            Element name = li.select("> a").last();
            recent.add(name.text() + (name.hasClass("inactive") ? " (inactive)" : "") + ": "
                    + String.join(", ", li.select("> ul > li > a").eachText()));
        }
        assertThat(recent)
                .containsExactly(
                        "Ada: Ada one", "Bob: Bob one", "Cy: Cy one, Cy two", "Dee (inactive): ", "Eve: Eve one");
    }

    @Test
    void memesThreeFeedsPointToAreInMemesAtom() throws Exception {
        publish(config("mememe.plugin"));

        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var atom = factory.newDocumentBuilder()
                .parse(dir.resolve("output/memes.atom").toFile())
                .getDocumentElement();
        assertThat(atom.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        var feed = Jsoup.parse(
                Files.readString(dir.resolve("output/memes.atom")), "", org.jsoup.parser.Parser.xmlParser());
        assertThat(feed.select("feed > title").text()).isEqualTo("test planet: Memes");
        assertThat(feed.select("feed > id").text()).isEqualTo("https://planet.example.org/memes.atom");
        assertThat(feed.select("entry > title").eachText()).containsExactly("big", "Ada one");
        assertThat(feed.select("entry > link").eachAttr("href")).containsExactly(SHARED, "https://ada.example/1");
        assertThat(feed.select("entry > id").first().text())
                .isEqualTo("tag:planet.example.org,2007:meme/" + md5(SHARED));
        assertThat(feed.select("entry > updated").first().text()).isEqualTo("2026-03-07T00:00:00Z");
        assertThat(feed.select("entry").first().select("content li").eachText())
                .containsExactly("Ada: Ada one", "Bob: Bob one", "Cy: Cy one");
    }

    private List<String> memeTitles() throws Exception {
        return page().select("div.sidebar > h2:contains(Memes) + ul > li > a").eachText();
    }

    @Test
    void spamIsNeverAMeme() throws Exception {
        publish(config("mememe.plugin", "spam = https://example.net/ " + SHARED, ""));

        assertThat(memeTitles()).containsExactly("Ada one", "x");
    }

    /**
     * Bob and Cy in one group vote as one feed: shared/big (Ada 48/49, the group's best 45/49) and
     * ada/1 (the same) tie, the higher address first; no meme has three feeds for memes.atom.
     */
    @Test
    void feedsOfOneMemegroupVoteAsOne() throws Exception {
        publish(config("mememe.plugin", "", "memegroup = friends"));

        assertThat(memeTitles()).containsExactly("big", "Ada one", "x");
        assertThat(Files.readString(dir.resolve("output/memes.atom"))).doesNotContain("<entry>");
    }

    @Test
    void withoutItThePageHasNoMemesAndNoMemesAtomIsPublished() throws Exception {
        publish(config("html2xhtml.plugin"));

        assertThat(page().select("div.sidebar > h2").eachText()).doesNotContain("Memes");
        assertThat(dir.resolve("output/memes.atom")).doesNotExist();
    }

    private static String md5(String text) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("MD5")
                        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
