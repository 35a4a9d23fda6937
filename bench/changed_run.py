#!/usr/bin/env python3
"""The common cron run: a planet whose feeds were all fetched before, of which PERCENT% have a new
entry since. For each repetition: `orrery run` twice on a fresh planet (first run, then all 304),
then a new entry is written into every (100/PERCENT)th feed (its gzip copy made again, so nginx
serves a new Last-Modified and ETag), and the third run is timed, with the curl floor over the same
state beside it. The feeds are put back as they were (bytes and mtimes) afterwards.

Usage: changed_run.py --data DATA --state STATE --results FILE --n 1000 [--reps 3] [--percent 5]
                      [--orrery-cmd ./orrery]
Appends JSON lines in the format of ../shared/bench/bench.py, whose --table prints them.
"""
import argparse, datetime, json, os, re, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "bench"))
import bench  # noqa: E402  (the shared driver: timev, Log, rec)


def planet(data, n, d):
    src = open(os.path.join(data, "config-%d.ini" % n)).read()
    src = re.sub(r"(?m)^cache_directory = .*$", "cache_directory = %s/cache" % d, src)
    src = re.sub(r"(?m)^output_dir = .*$", "output_dir = %s/output" % d, src)
    cfg = os.path.join(d, "config.ini")
    with open(cfg, "w") as f:
        f.write(src)
    return cfg


def add_entry(text, stamp, when=None):
    """The feed with a copy of its first item or entry, under a new id, title and link, put first;
    dated `when` (a UTC datetime: a post published since the last run) unless None (then it keeps
    the copied item's date, somewhere in the past month)."""
    m = re.search(r"<(item|entry)[\s>].*?</\1>", text, re.S)
    if not m:
        return None
    block = m.group(0)
    if when is not None:
        rfc = when.strftime("%a, %d %b %Y %H:%M:%S +0000")
        iso = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        block = re.sub(r"(<pubDate>).*?(</pubDate>)", lambda g: g.group(1) + rfc + g.group(2), block, 1, re.S)
        for tag in ("published", "updated", "dc:date"):
            block = re.sub(r"(<%s>).*?(</%s>)" % (tag, tag), lambda g: g.group(1) + iso + g.group(2), block, 1, re.S)
    block = re.sub(r"(<guid[^>]*>)(.*?)(</guid>)", lambda g: g.group(1) + g.group(2) + "#new-" + stamp + g.group(3), block, 1, re.S)
    block = re.sub(r"(<id>)(.*?)(</id>)", lambda g: g.group(1) + g.group(2) + "#new-" + stamp + g.group(3), block, 1, re.S)
    block = re.sub(r'(rdf:about=")([^"]*)(")', lambda g: g.group(1) + g.group(2) + "#new-" + stamp + g.group(3), block, 1)
    block = re.sub(r"(<link>)(.*?)(</link>)", lambda g: g.group(1) + g.group(2) + "#new-" + stamp + g.group(3), block, 1, re.S)
    block = re.sub(r'(<link[^>]*href=")([^"]*)(")', lambda g: g.group(1) + g.group(2) + "#new-" + stamp + g.group(3), block, 1)
    block = re.sub(r"(<title[^>]*>)", r"\1New: ", block, 1)
    return text[:m.start()] + block + "\n" + text[m.start():]


def change(files, percent, backup, stamp, when=None):
    step = max(1, round(100 / percent))
    changed = []
    for i, path in enumerate(files):
        if i % step:
            continue
        text = open(path, encoding="utf-8", errors="surrogateescape").read()
        new = add_entry(text, stamp, when)
        if new is None:
            continue
        for p in (path, path + ".gz"):
            if os.path.exists(p):
                shutil.copy2(p, os.path.join(backup, "%d-%s" % (i, os.path.basename(p))))
        with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(new)
        subprocess.run(["gzip", "-k", "-6", "-f", path], check=True)
        changed.append((i, path))
    return changed


def restore(changed, backup):
    for i, path in changed:
        for p in (path, path + ".gz"):
            saved = os.path.join(backup, "%d-%s" % (i, os.path.basename(p)))
            if os.path.exists(saved):
                shutil.copy2(saved, p)
            elif os.path.exists(p):
                os.unlink(p)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True); ap.add_argument("--state", required=True)
    ap.add_argument("--results", required=True); ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--reps", type=int, default=3); ap.add_argument("--percent", type=float, default=5)
    ap.add_argument("--orrery-cmd", default="./orrery")
    ap.add_argument("--old-dates", action="store_true",
                    help="the new entries keep the copied item's date (in the past month) instead of being "
                         "the newest of the river, as a post published since the last run is")
    a = ap.parse_args()
    log = bench.Log(os.path.join(a.state, "access.log"))
    files, summ = bench.feed_files(a.data, a.n)
    ims = time.strftime("%a, %d %b %Y 00:00:00 GMT", time.strptime(summ["ref_date"], "%Y-%m-%d"))
    curl_cfg = "/tmp/feedbench-curl-changed-%d.cfg" % a.n
    with open(curl_cfg, "w") as f:
        for u in open(bench.urls_file(a.data, a.n)).read().split():
            f.write('url = "%s"\noutput = "/dev/null"\n' % u)
    label = "%g%% changed" % a.percent + (" (old dates)" if a.old_dates else "")
    for r in range(a.reps):
        d = tempfile.mkdtemp(prefix="feedbench-changed-", dir="/tmp")
        backup = os.path.join(d, "backup")
        os.mkdir(backup)
        cfg = planet(a.data, a.n, d)
        for phase in ("first", "all 304"):
            t = bench.timev(a.orrery_cmd.split() + ["run", cfg], stdout_path=os.path.join(d, "run.%s.log" % phase[:5]))
            if t["rc"] != 0:
                sys.exit("orrery run failed (%s): %s" % (phase, t["out"][-500:]))
        # A post published since the last run: an hour after the bench's reference date, which
        # is after every generated entry (--old-dates: the copied item's own date instead).
        when = None if a.old_dates else (
            datetime.datetime.strptime(summ["ref_date"], "%Y-%m-%d") + datetime.timedelta(hours=1, minutes=r))
        changed = change(files, a.percent, backup, "%d-%d" % (r, int(time.time())), when)
        # The bench's nginx keeps what it learnt of each file for a minute (open_file_cache):
        # until then it would still answer 304 for a changed feed.
        time.sleep(61)
        try:
            log.mark()
            t = bench.timev(["curl", "-s", "--parallel", "--parallel-max", "64", "--compressed", "-K", curl_cfg,
                             "-H", "If-Modified-Since: " + ims])
            bench.rec(a.results, peer="floor: curl --parallel 64 gzip, " + label, n=a.n, phase="warm", rep=r,
                      status=log.count(), feeds_per_s=round(a.n / t["wall"], 1), **t)
            log.mark()
            t = bench.timev(a.orrery_cmd.split() + ["run", cfg], stdout_path=os.path.join(d, "run.changed.log"))
            bench.rec(a.results, peer="orrery run, " + label, n=a.n, phase="warm", rep=r, status=log.count(),
                      feeds_per_s=round(a.n / t["wall"], 1), changed=len(changed), **t)
        finally:
            restore(changed, backup)
            shutil.rmtree(d, ignore_errors=True)
            # The same minute again, so that the next run does not get the changed files'
            # lengths with the restored files' bytes.
            time.sleep(61)


if __name__ == "__main__":
    main()
