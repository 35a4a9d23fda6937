#!/usr/bin/env python3
"""kill -9 soak: a planet of loopback feeds, Orrery killed at random points of refresh and of
publish, checked after every kill and after a final clean run.

After each kill: PRAGMA integrity_check is ok; no entry the database held before the round and
that its feed still carries is gone; every link of the front page resolves to a file in
output_dir and every published XML/JSON file parses (the site is wholly old or wholly new).
After the final clean run: every entry every feed carries is in the database, and every feed
is ok in health.json. Bounded: at most 3 attempts per kill, each process killed or done within
60 s. Prints one summary line; exits 1 on any failure.

Usage: kill_soak.py JAVA JAR [--feeds N] [--kills N] [--seed N]
"""
import argparse
import functools
import html.parser
import http.server
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone

KEEP = 10  # items a feed carries
LINK = "https://soak.example.org/"


class Feeds:
    """The feeds on disk: each carries its newest KEEP items; a round adds items to some."""

    def __init__(self, root, count, rng):
        self.root, self.count, self.rng = root, count, rng
        self.items = {i: [] for i in range(count)}
        self.serial = 0
        os.makedirs(os.path.join(root, "feeds"))
        for i in range(count):
            for _ in range(KEEP):
                self._add(i)
            self._write(i)

    def _add(self, i):
        self.serial += 1
        self.items[i].append(self.serial)
        del self.items[i][:-KEEP]

    def change(self, share):
        changed = self.rng.sample(range(self.count), max(1, int(self.count * share)))
        for i in changed:
            for _ in range(self.rng.randint(1, 3)):
                self._add(i)
            self._write(i)

    def carried(self):
        return {(self.url_path(i), "urn:soak:f%d:e%d" % (i, n)) for i in self.items for n in self.items[i]}

    @staticmethod
    def url_path(i):
        return "/feeds/f%03d.xml" % i

    def _write(self, i):
        base = datetime(2026, 1, 1, tzinfo=timezone.utc)
        out = ['<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>',
               "<title>Soak feed %d</title><link>https://f%d.example.org/</link>" % (i, i)]
        for n in reversed(self.items[i]):
            when = (base + timedelta(minutes=n)).strftime("%a, %d %b %Y %H:%M:%S GMT")
            body = ("<p>Entry %d of feed %d, with <a href='/p/%d'>a link</a> &amp; "
                    "<em>markup</em>.</p>" % (n, i, n)) * (1 + n % 8)
            out.append("<item><title>Feed %d entry %d</title><guid isPermaLink='false'>urn:soak:f%d:e%d</guid>"
                       "<link>https://f%d.example.org/%d.html</link><pubDate>%s</pubDate>"
                       "<description>%s</description></item>"
                       % (i, n, i, n, i, n, when, body.replace("&", "&amp;").replace("<", "&lt;")))
        out.append("</channel></rss>\n")
        path = os.path.join(self.root, self.url_path(i).lstrip("/"))
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            f.write("".join(out))
        os.replace(path + ".tmp", path)  # the server never serves half a file: that is not what we test


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def broken_links(output):
    """Links of index.html that name a file of the site that does not exist."""
    index = os.path.join(output, "index.html")
    if not os.path.exists(index):
        return ["index.html missing"]
    parser = Links()
    with open(index, encoding="utf-8") as f:
        parser.feed(f.read())
    broken = []
    for link in parser.links:
        if link.startswith(LINK):
            link = link[len(LINK):]
        parts = urllib.parse.urlsplit(link)
        if parts.scheme or parts.netloc or not parts.path:
            continue  # another site, or a fragment of this page
        path = os.path.join(output, urllib.parse.unquote(parts.path).lstrip("/"))
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            broken.append(link)
    for name in os.listdir(output):
        path = os.path.join(output, name)
        try:
            if name.endswith(".xml"):
                ET.parse(path)
            elif name.endswith(".json"):
                with open(path, encoding="utf-8") as f:
                    json.load(f)
        except (ET.ParseError, ValueError) as e:
            broken.append("%s does not parse: %s" % (name, e))
    return broken


def database(db):
    """(integrity_check result, set of (feed path, entry key))."""
    con = sqlite3.connect(db, timeout=30)
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchall()
        rows = con.execute("SELECT s.url, e.entry_key FROM entry e JOIN subscription s ON s.id = e.subscription_id")
        keys = {(urllib.parse.urlsplit(url).path, key) for url, key in rows}
    finally:
        con.close()
    return [r[0] for r in integrity], keys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("java")
    ap.add_argument("jar")
    ap.add_argument("--feeds", type=int, default=120)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="orrery-soak-")
    failures = []
    try:
        site, cache, output = (os.path.join(work, d) for d in ("site", "cache", "output"))
        feeds = Feeds(site, args.feeds, rng)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=site))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        port = server.server_address[1]
        config = os.path.join(work, "config.ini")
        with open(config, "w", encoding="utf-8") as f:
            f.write("[Planet]\nname = Soak\nlink = %s\ncache_directory = %s\noutput_dir = %s\n"
                    "items_per_page = 60\nfeed_timeout = 20\n" % (LINK, cache, output))
            for i in range(args.feeds):
                f.write("\n[http://127.0.0.1:%d%s]\nname = Feed %d\n" % (port, Feeds.url_path(i), i))
        command = [args.java, "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-XX:TieredStopAtLevel=1",
                   "-jar", args.jar]
        db = os.path.join(cache, "orrery.db")

        def orrery(sub, kill_after=None):
            """Runs a command; kills it with SIGKILL after kill_after s. (exit status or None if killed, seconds, stdout, stderr)."""
            started = time.monotonic()
            p = subprocess.Popen(command + [sub, config], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            try:
                out, err = p.communicate(timeout=kill_after if kill_after is not None else 60)
                return p.returncode, time.monotonic() - started, out, err
            except subprocess.TimeoutExpired:
                p.send_signal(signal.SIGKILL)
                out, err = p.communicate()
                return (None if kill_after is not None else "timeout"), time.monotonic() - started, out, err

        status, first, out, err = orrery("run")
        if os.environ.get("SOAK_VERBOSE"):
            print("first run: %.2f s" % first, file=sys.stderr)
        if status != 0:
            print("kill-soak: the first run failed (%s): %s" % (status, err[-2000:]), file=sys.stderr)
            return 1
        integrity, held = database(db)
        took = {"run": first, "fetch": first, "build": first}
        kills = {"refresh": 0, "publish": 0}
        integrity_ok = lost = broken = finished = 0
        rounds = 0
        while sum(kills.values()) < args.kills and rounds < 3 * args.kills:
            rounds += 1
            feeds.change(0.15)
            sub = rng.choice(["run", "fetch", "build"])
            delay = rng.uniform(0.1, 1.1) * took[sub]
            status, seconds, out, err = orrery(sub, delay)
            if os.environ.get("SOAK_VERBOSE"):
                print("round %d: %s, kill after %.2f s: %s after %.2f s" % (rounds, sub, delay, status, seconds), file=sys.stderr)
            if status is not None:
                finished += 1
                took[sub] = seconds
                if status != 0:
                    failures.append("%s exited %s: %s" % (sub, status, err[-500:]))
                continue
            phase = "publish" if sub == "build" or (sub == "run" and " feeds: " in out) else "refresh"
            kills[phase] += 1
            integrity, now = database(db)
            if integrity == ["ok"]:
                integrity_ok += 1
            else:
                failures.append("integrity_check after a kill in %s (%s): %s" % (phase, sub, integrity[:5]))
            missing = (held & feeds.carried()) - now
            lost += len(missing)
            if missing:
                failures.append("lost after a kill in %s (%s): %s" % (phase, sub, sorted(missing)[:5]))
            bad = broken_links(output)
            broken += len(bad)
            if bad:
                failures.append("site after a kill in %s (%s): %s" % (phase, sub, bad[:5]))
            held = now
        status, _, out, err = orrery("run")
        if status != 0:
            failures.append("the final clean run exited %s: %s" % (status, err[-2000:]))
        integrity, now = database(db)
        if integrity != ["ok"]:
            failures.append("integrity_check after the final run: %s" % integrity[:5])
        missing = feeds.carried() - now
        lost += len(missing)
        if missing:
            failures.append("after the final run, entries the feeds carry are missing: %s" % sorted(missing)[:5])
        bad = broken_links(output)
        broken += len(bad)
        if bad:
            failures.append("site after the final run: %s" % bad[:5])
        with open(os.path.join(output, "health.json"), encoding="utf-8") as f:
            states = [row["state"] for row in json.load(f)["subscriptions"]]
        if states.count("ok") != args.feeds:
            failures.append("after the final run, feeds not ok in health.json: %s" % [s for s in states if s != "ok"][:5])
        if os.path.exists(os.path.join(output, ".orrery-staging")):
            failures.append("after the final run, output_dir still holds .orrery-staging")
        if "Exception" in err or "\tat " in err:
            failures.append("the final run printed a stack trace: %s" % err[-2000:])
        done = sum(kills.values())
        if done < args.kills:
            failures.append("only %d kills landed in %d rounds" % (done, rounds))
        server.shutdown()
        print("kill-soak: %d kills (%d in refresh, %d in publish; %d runs ended before their kill), "
              "integrity ok %d/%d, entries lost %d, broken links %d, final run %s; %d feeds, %d entries, seed %d"
              % (done, kills["refresh"], kills["publish"], finished, integrity_ok, done, lost, broken,
                 "ok" if status == 0 else "failed", args.feeds, len(now), args.seed))
        for failure in failures:
            print("kill-soak: " + failure, file=sys.stderr)
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
