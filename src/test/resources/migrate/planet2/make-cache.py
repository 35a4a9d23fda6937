"""Writes the Planet 2.0 cache of these tests: a Berkeley DB hash file per feed laid out as
Planet 2.0's cache.py and planet/__init__.py wrote them (channel fields listed under " keys",
each item's fields listed under its id, values under "ID FIELD", types under "ID FIELD type").
Needs Berkeley DB's db_load (db5.3-util); run from this directory: python3 make-cache.py"""
import os, subprocess

def escape(text):
    return text.replace('\\', '\\\\').replace('\n', '\\0a')

def write(name, channel, items, lorder=None, directory='cache'):
    pairs = []
    for key, (kind, value) in channel.items():
        pairs += [(key, value), (key + ' type', kind)]
    pairs.append((' keys', ' '.join(channel)))
    for item_id, fields in items.items():
        for field, (kind, value) in fields.items():
            pairs += [(item_id + ' ' + field, value), (item_id + ' ' + field + ' type', kind)]
        pairs.append((item_id, ' '.join(fields)))
    text = ''.join(escape(k) + '\n' + escape(v) + '\n' for k, v in pairs)
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, name)
    if os.path.exists(path):
        os.remove(path)
    options = ['-c', 'db_lorder=' + lorder] if lorder else []
    subprocess.run(['db5.3_load', '-T', '-t', 'hash'] + options + [path], input=text.encode('utf-8'), check=True)

S, D = 'string', 'date'
write('a.example,feed', {
    'url': (S, 'http://a.example/feed'), 'title': (S, 'Blog &amp; A'), 'link': (S, 'http://a.example/'),
    'url_etag': (S, '"etag-a"'), 'url_modified': (D, '2010 1 13 2 26 5 2 13 0'), 'url_status': (S, '200'),
    'updated': (D, '2010 1 13 3 0 0 2 13 0'), 'next_order': (S, '3'),
}, {
    'http://a.example/1': {'id': (S, 'http://a.example/1'), 'title': (S, 'First &lt;post&gt;'),
        'link': (S, 'http://a.example/1'), 'content': (S, '<p>Hello <b>world</b></p>'),
        'author_name': (S, 'Ann'), 'updated': (D, '2010 1 10 10 0 0 6 10 0'),
        'date': (D, '2010 1 10 10 0 0 6 10 0'), 'order': (S, '1')},
    'http://a.example/2': {'id': (S, 'http://a.example/2'), 'title': (S, 'Long'),
        'link': (S, 'http://a.example/2'), 'content': (S, '<p>' + 'long body ' * 900 + '</p>'),
        'summary': (S, 'A long one'), 'published': (D, '2010 1 11 9 0 0 0 11 0'),
        'updated': (D, '2010 1 12 9 0 0 1 12 0'), 'date': (D, '2010 1 12 9 0 0 1 12 0'), 'order': (S, '2')},
    'http://a.example/3': {'id': (S, 'http://a.example/3'), 'title': (S, 'Hidden'),
        'link': (S, 'http://a.example/3'), 'content': (S, '<p>never shown</p>'), 'hidden': (S, 'yes'),
        'date': (D, '2010 1 5 0 0 0 1 5 0'), 'order': (S, '3')},
})
write('b.example,rss,x=1', {
    'url': (S, 'http://b.example/rss?x=1'), 'title': (S, 'Blog B'), 'url_status': (S, '410'),
    'updated': (D, '2010 1 13 3 0 0 2 13 0'), 'last_updated': ('null', ''),
}, {
    'tag:b.example,2010:1': {'id': (S, 'tag:b.example,2010:1'), 'title': (S, 'Same time, later order'),
        'link': (S, 'http://b.example/1'), 'summary': (S, 'Only a summary'),
        'date': (D, '2010 1 10 10 0 0 6 10 0'), 'order': (S, '10')},
}, lorder='4321')
write('c.example,feed', {
    'url': (S, 'http://c.example/feed'), 'title': (S, 'Blog C'), 'updated': (D, '2010 1 13 3 0 0 2 13 0'),
}, {
    'http://c.example/1': {'title': (S, 'Unsubscribed'), 'date': (D, '2010 1 9 0 0 0 5 9 0'), 'order': (S, '1')},
})
# made-up/feed.db (a test copies it to the name of the feed's URL): a feed whose last fetch was answered 404, with items of an earlier fetch: one without an id or a
# link, which Planet 2.0 keyed by the feed's URL and the MD5 of its title (md5('Title only')).
write('feed.db', {
    'url': (S, 'http://127.0.0.1:1/feed.rss'), 'title': (S, 'Made up'), 'link': (S, 'http://d.example/'),
    'description': (S, 'Items without ids'), 'url_status': (S, '404'),
    'updated': (D, '2010 1 13 3 0 0 2 13 0'), 'next_order': (S, '2'),
}, {
    'http://127.0.0.1:1/feed.rss/9b9cf818a747493096bb6675dad30357': {'title': (S, 'Title only'),
        'summary': (S, 'No id, no link'), 'updated': (D, '2010 1 10 10 0 0 6 10 0'),
        'date': (D, '2010 1 10 10 0 0 6 10 0'), 'order': (S, '1')},
    'http://d.example/2': {'id': (S, 'http://d.example/2'), 'title': (S, 'With an id'),
        'link': (S, 'http://d.example/2'), 'summary': (S, 'An id'),
        'updated': (D, '2010 1 11 10 0 0 0 11 0'), 'date': (D, '2010 1 11 10 0 0 0 11 0'), 'order': (S, '2')},
}, directory='made-up')
