#!/usr/bin/env python3
"""Writes one deterministic RSS 2.0 feed of about SIZE_MB megabytes (many ordinary items).

Usage: gen-big-feed.py OUT_FILE [SIZE_MB=100]

Items look like a blog's: escaped HTML summaries, CDATA full content with links, images,
code, entities and non-ASCII text, RFC 822 dates, categories, a dc:creator.
"""
import random
import sys
from xml.sax.saxutils import escape

WORDS = ("feed parser entry river planet stream buffer thread heap socket cache index query "
         "release commit branch merge build render static site unicode charset header payload "
         "the of and to in is that for it as was with be by on not this are or from at").split()
ODD = ["café", "naïve", "Zürich", "日本語", "Ελληνικά", "Русский", "—", "…", "“quoted”", "€10", "🚀"]
ENTITIES = ["&amp;", "&lt;b&gt;", "&quot;", "&#8212;", "&#x2026;", "&mdash;", "&nbsp;", "&copy;"]


def paragraph(r):
    words = []
    for _ in range(r.randint(20, 90)):
        x = r.random()
        if x < 0.03:
            words.append('<a href="https://example.org/%s/%d">%s</a>' % (r.choice(WORDS), r.randint(1, 99999), r.choice(WORDS)))
        elif x < 0.05:
            words.append("<em>%s</em>" % r.choice(WORDS))
        elif x < 0.06:
            words.append(r.choice(ENTITIES))
        elif x < 0.07:
            words.append(r.choice(ODD))
        else:
            words.append(r.choice(WORDS))
    return "<p>" + " ".join(words) + ".</p>"


def body(r, pool, target):
    parts, size = [], 0
    while size < target:
        x = r.random()
        if x < 0.08:
            s = '<p><img src="/img/%d.jpg" alt="figure" width="640" height="480"></p>' % r.randint(1, 9999)
        elif x < 0.12:
            s = "<pre><code>for (int i = 0; i &lt; n; i++) sum += a[i];</code></pre>"
        else:
            s = r.choice(pool)
        parts.append(s)
        size += len(s)
    return "\n".join(parts)


def main():
    out = sys.argv[1]
    limit = int(float(sys.argv[2]) * 1_000_000) if len(sys.argv) > 2 else 100_000_000
    r = random.Random(20261124)
    pool = [paragraph(r) for _ in range(2000)]
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    with open(out, "wb") as f:
        head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
                "<title>A very long feed</title>\n<link>https://big.example.org/</link>\n"
                "<description>Generated for memory and throughput tests</description>\n")
        written = f.write(head.encode("utf-8"))
        k = 0
        while written < limit:
            day = r.randint(1, 28)
            item = ("<item>\n<title>%s %d</title>\n<link>https://big.example.org/posts/%d.html</link>\n"
                    '<guid isPermaLink="false">big-%d</guid>\n'
                    "<pubDate>%s, %02d %s 2026 %02d:%02d:00 +0000</pubDate>\n"
                    "<dc:creator>Writer %d</dc:creator>\n<category>%s</category>\n"
                    "<description>%s</description>\n<content:encoded><![CDATA[%s]]></content:encoded>\n</item>\n") % (
                escape(" ".join(r.choice(WORDS) for _ in range(6))).capitalize(), k, k, k,
                days[day % 7], day, months[k % 12], r.randint(0, 23), r.randint(0, 59),
                k % 50, r.choice(WORDS), escape(body(r, pool, 300)), body(r, pool, r.randint(500, 6000)))
            written += f.write(item.encode("utf-8"))
            k += 1
        written += f.write(b"</channel>\n</rss>\n")
    print("%s: %d bytes, %d items" % (out, written, k))


if __name__ == "__main__":
    main()
