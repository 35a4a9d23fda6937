package org.orrery.render;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * What Venus's {@code mememe.plugin} writes into a page: at the top of the sidebar, a "Memes"
 * heading linking to {@code memes.atom} and the list of memes, each with the posts that point to
 * it; in the sidebar's first list (the subscriptions), each feed's posts of the week under its
 * name, and the class {@code inactive} on the name of a feed that has none.
 */
final class MemeSidebar {
    /** Venus's default {@code sidebar}: an XPath to the element the memes go into (the last one found). */
    static final String DEFAULT_SIDEBAR = "//*[@class=\"sidebar\"]";

    private MemeSidebar() {}

    /**
     * Writes the memes into {@code doc}'s sidebar.
     *
     * @return why nothing was written (no element matches the XPath), else null
     */
    static String write(Document doc, MemeVotes votes, List<MemeVotes.Meme> memes, String sidebarXPath) {
        Elements found;
        try {
            found = doc.selectXpath(sidebarXPath);
        } catch (IllegalStateException e) { // jsoup: Selector.SelectorParseException
            return "sidebar " + sidebarXPath + " is not an XPath to elements: " + e.getMessage();
        }
        if (found.isEmpty()) {
            return "sidebar " + sidebarXPath + " not found";
        }
        if (sidebarXPath.contains("@id")) {
            // Venus: ids must stay unique; the memes go into the last element found.
            found.subList(0, found.size() - 1).forEach(e -> e.removeAttr("id"));
        }
        Element sidebar = found.last();
        subscriptions(sidebar, votes);
        Element heading = new Element("h2").appendText("Memes ");
        heading.appendElement("a")
                .attr("href", "memes.atom")
                .appendElement("img")
                .attr("src", "images/feed-icon-10x10.png");
        Element list = new Element("ul");
        for (MemeVotes.Meme meme : memes) {
            list.appendText("\n");
            Element item = list.appendElement("li");
            list.appendText("\n");
            Element link = item.appendElement("a").text(meme.title()).attr("href", meme.href());
            if (meme.rising()) {
                link.attr("class", "rising");
            }
            Element voters = item.appendElement("ul");
            var shown = new java.util.HashSet<String>();
            for (MemeVotes.Vote vote : meme.votes()) {
                if (shown.add(vote.entry())) {
                    Element voter = voters.appendElement("li")
                            .appendElement("a")
                            .text(vote.author())
                            .attr("href", votes.written(vote.entry()));
                    if (!vote.title().isEmpty()) {
                        voter.attr("title", vote.title());
                    }
                }
            }
        }
        sidebar.prependChild(heading);
        if (!memes.isEmpty()) {
            heading.after(list);
        }
        return null;
    }

    /** Each feed's posts of the week under its name in the sidebar's first list; inactive feeds marked. */
    private static void subscriptions(Element sidebar, MemeVotes votes) {
        Element list = sidebar.children().stream()
                .filter(e -> e.nameIs("ul"))
                .findFirst()
                .orElse(null);
        if (list == null) {
            return;
        }
        for (Element item : list.children()) {
            if (!item.nameIs("li")) {
                continue;
            }
            Node last = item.childNode(item.childNodeSize() - 1);
            if (last instanceof Element e && e.nameIs("ul")) {
                e.remove();
            }
            Element name = lastElement(item);
            if (name == null) {
                continue;
            }
            List<MemeVotes.FeedLink> posts = votes.feedLinks(name.text());
            boolean active = false;
            if (posts != null) {
                Element recent = item.appendElement("ul");
                for (MemeVotes.FeedLink post : posts) {
                    recent.appendElement("li")
                            .appendElement("a")
                            .text(post.title())
                            .attr("href", votes.written(post.entry()));
                }
                active = !posts.isEmpty();
            }
            if (!active) {
                name.attr("class", (name.attr("class") + " inactive").strip());
            }
        }
    }

    /** The item's last child that is not text (Venus: the feed's name, after its feed icon). */
    private static Element lastElement(Element item) {
        for (int i = item.childNodeSize() - 1; i >= 0; i--) {
            Node node = item.childNode(i);
            if (node instanceof Element e) {
                return e;
            }
            if (!(node instanceof TextNode)) {
                return null;
            }
        }
        return null;
    }
}
