package org.orrery.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.orrery.sanitize.Escape;

/**
 * {@code memes.atom}, the feed Venus's {@code mememe.plugin} writes beside the page: an entry for
 * each meme of the sidebar that three feeds or more point to, saying who spotted it.
 */
final class MemeFeed {
    static final String FILE = "memes.atom";

    private MemeFeed() {}

    static byte[] atom(Site site, List<MemeVotes.Meme> memes, Instant now) {
        // Venus joins the planet's link and the file name as paths do.
        String self = site.link().isEmpty()
                ? FILE
                : site.link().endsWith("/") ? site.link() + FILE : site.link() + "/" + FILE;
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        xml.append("<feed xmlns=\"http://www.w3.org/2005/Atom\">");
        element(xml, "title", site.name() + ": Memes");
        xml.append("<author>");
        element(xml, "name", site.ownerName());
        element(xml, "email", site.ownerEmail());
        xml.append("</author>");
        element(xml, "id", self);
        xml.append("<link href=\"").append(attribute(self)).append("\" rel=\"self\"/>");
        element(xml, "updated", utc(now));
        xml.append('\n');
        for (MemeVotes.Meme meme : memes) {
            if (meme.feeds() < 3) {
                continue;
            }
            xml.append("<entry>");
            element(xml, "id", tagBase(site.link()) + md5(meme.link()));
            element(xml, "title", meme.title());
            xml.append("<link href=\"").append(attribute(meme.link())).append("\"/>");
            element(xml, "updated", utc(Instant.ofEpochMilli(Math.round(meme.updated() * 1000))));
            xml.append("<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">Spotted by:<ul>");
            for (MemeVotes.Vote vote : meme.votes()) {
                xml.append("<li>").append(text(vote.author() + ": "));
                xml.append("<a href=\"").append(attribute(vote.entry())).append("\">");
                xml.append(text(vote.title().isEmpty() ? "untitled" : vote.title()));
                xml.append("</a></li>");
            }
            xml.append("</ul></div></content></entry>\n");
        }
        xml.append("</feed>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Venus's ids: {@code tag:HOST,2007:PATHmeme/} from the planet's link (its path written
     * without a separator before {@code meme}, as Venus did); a planet without a link, for which
     * Venus's plugin failed, gets a {@code urn:} name.
     */
    static String tagBase(String link) {
        List<String> parts = new java.util.ArrayList<>(List.of(link.split("/", -1)));
        if (!parts.isEmpty() && parts.getLast().isEmpty()) {
            parts.removeLast();
        }
        if (parts.size() < 3) {
            return "urn:orrery:meme:";
        }
        return "tag:" + parts.get(2) + ",2007:" + String.join("/", parts.subList(3, parts.size())) + "meme/";
    }

    private static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    private static String utc(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append('<')
                .append(name)
                .append('>')
                .append(text(value))
                .append("</")
                .append(name)
                .append('>');
    }

    private static String text(String value) {
        return Escape.text(Escape.xmlLegal(value));
    }

    private static String attribute(String value) {
        return Escape.attribute(Escape.xmlLegal(value));
    }
}
