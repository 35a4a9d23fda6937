#!/usr/bin/env python3
"""The soak: a planet kept fresh by `orrery serve` for MINUTES minutes, and the same planet kept
fresh by `orrery run` every minute (cron mode), side by side, on feeds served on loopback.

Both start from the same planet, fetched once before (a copy of one directory), and see the same
changes: in minute k (k = 1..MINUTES), PERCENT% of the feeds get a new entry at k*60-30 s (a
different set each minute, the feed rewritten and its gzip copy made again). Serve: one process
for the whole soak, `poll_interval` POLL seconds. Cron: `orrery run` at k*60 s, each picking up
the change of the half-minute before. A change is visible when its entry's link is in both
`atom.xml` and `index.html` of the output directory (polled every 0.25 s); its latency is the time
from the feed written to that.

Measured: CPU seconds (user + system) of the Java process(es), per minute of the soak (serve: read
from /proc at each minute; the first minute holds its start, when every feed is due); peak RSS
(serve: VmHWM; cron: the largest run's); publish latency. The feeds are put back as they were
after each phase.

Usage: soak.py --data DATA --n 1000 --minutes 10 --percent 5 --poll 60 --port 18190
               --work DIR [--orrery ./orrery] [--only serve,cron] [--results FILE]
               [--serve-java-opts=-XX:StartFlightRecording=filename=serve.jfr,settings=profile]
(the = form: the value starts with a dash)
"""
import argparse, datetime, json, os, re, shutil, signal, statistics, subprocess, sys, threading, time, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from changed_run import add_entry  # noqa: E402  (a copy of a feed's first entry, put first)

TICK = os.sysconf("SC_CLK_TCK")


def planet(data, n, poll, d):
    """The generated config of the first n feeds, with poll_interval, its directories in d."""
    src = open(os.path.join(data, "config-%d.ini" % n)).read()
    src = re.sub(r"(?m)^cache_directory = .*$", "cache_directory = %s/cache" % d, src)
    src = re.sub(r"(?m)^output_dir = .*$", "output_dir = %s/output" % d, src)
    src = re.sub(r"(?m)^\[Planet\]$", "[Planet]\npoll_interval = %d" % poll, src, 1)
    os.makedirs(d, exist_ok=True)
    cfg = os.path.join(d, "config.ini")
    with open(cfg, "w") as f:
        f.write(src)
    return cfg


def feed_files(cfg, data):
    urls = re.findall(r"(?m)^\[(http[^\]]+)\]$", open(cfg).read())
    return [os.path.join(data, "feeds", u.rsplit("/", 1)[1]) for u in urls]


class Changes:
    """Writes the minute's changes and watches the output for them."""

    def __init__(self, files, percent, output, phase):
        self.files, self.percent, self.output, self.phase = files, percent, output, phase
        self.saved = {}
        self.pending = {}  # marker -> time written
        self.seen = {}  # marker -> latency
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.watcher = threading.Thread(target=self.watch, daemon=True)
        self.watcher.start()

    def change(self, minute):
        step = max(1, round(100 / self.percent))
        count = max(1, len(self.files) // step)
        # A different set each minute: the offset moves by one feed per minute.
        chosen = [self.files[(i * step + minute) % len(self.files)] for i in range(count)]
        when = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        for path in chosen:
            if path not in self.saved:
                self.saved[path] = open(path, "rb").read(), os.stat(path).st_mtime_ns
            stamp = "%sm%df%sz" % (self.phase, minute, re.sub(r"\D", "", os.path.basename(path)))
            text = open(path, encoding="utf-8", errors="surrogateescape").read()
            new = add_entry(text, stamp, when)
            if new is None:
                continue
            with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
                f.write(new)
            subprocess.run(["gzip", "-k", "-6", "-f", path], check=True)
            with self.lock:
                self.pending["#new-" + stamp] = time.monotonic()
        return len(chosen)

    def read(self, name, cache):
        path = os.path.join(self.output, name)
        try:
            st = os.stat(path)
        except FileNotFoundError:
            return ""
        if cache.get(name, (None,))[0] != st.st_mtime_ns:
            with open(path, encoding="utf-8", errors="replace") as f:
                cache[name] = (st.st_mtime_ns, f.read())
        return cache[name][1]

    def watch(self):
        cache = {}
        while not self.stop.is_set():
            with self.lock:
                markers = list(self.pending.items())
            if markers:
                atom, index = self.read("atom.xml", cache), self.read("index.html", cache)
                now = time.monotonic()
                for marker, at in markers:
                    if marker in atom and marker in index:
                        with self.lock:
                            self.seen[marker] = now - at
                            del self.pending[marker]
            time.sleep(0.25)

    def wait(self, bound):
        end = time.monotonic() + bound
        while time.monotonic() < end:
            with self.lock:
                if not self.pending:
                    return
            time.sleep(0.25)

    def close(self):
        self.stop.set()
        self.watcher.join()
        for path, (body, mtime) in self.saved.items():
            with open(path, "wb") as f:
                f.write(body)
            os.utime(path, ns=(mtime, mtime))
            subprocess.run(["gzip", "-k", "-6", "-f", path], check=True)
            os.utime(path + ".gz", ns=(mtime, mtime))


def proc_cpu(pid):
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


def proc_hwm(pid):
    for line in open("/proc/%d/status" % pid):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def sleep_until(t):
    while True:
        left = t - time.monotonic()
        if left <= 0:
            return
        time.sleep(min(left, 0.5))


def latency_summary(changes):
    lat = sorted(changes.seen.values())
    unseen = len(changes.pending)
    if not lat:
        return {"changes": unseen, "unseen": unseen}
    return {
        "changes": len(lat) + unseen,
        "unseen": unseen,
        "median": statistics.median(lat),
        "p90": lat[min(len(lat) - 1, int(0.9 * len(lat)))],
        "max": lat[-1],
    }


def run_serve(a, cfg, files, outdir):
    log = open(os.path.join(os.path.dirname(cfg), "serve.log"), "w")
    env = dict(os.environ)
    if a.serve_java_opts:
        env["ORRERY_JAVA_OPTS"] = (env.get("ORRERY_JAVA_OPTS", "") + " " + a.serve_java_opts).strip()
    proc = subprocess.Popen([a.orrery, "serve", cfg, "--port", str(a.port), "--bind", "127.0.0.1"],
                            stdout=log, stderr=subprocess.STDOUT, env=env)
    base = "http://127.0.0.1:%d" % a.port
    started = time.monotonic()
    while True:
        if proc.poll() is not None:
            raise SystemExit("soak: orrery serve exited with %s (see %s)" % (proc.returncode, log.name))
        try:
            if urllib.request.urlopen(base + "/healthz", timeout=2).status == 200:
                break
        except OSError:
            pass
        if time.monotonic() - started > 300:
            proc.terminate()
            raise SystemExit("soak: orrery serve not ready after 300 s")
        time.sleep(0.2)
    ready = time.monotonic() - started
    changes = Changes(files, a.percent, outdir, "s")
    t0 = time.monotonic()
    cpu_start = proc_cpu(proc.pid)
    per_minute = []
    last = cpu_start
    try:
        for k in range(1, a.minutes + 1):
            sleep_until(t0 + k * 60 - 30)
            changes.change(k)
            sleep_until(t0 + k * 60)
            now = proc_cpu(proc.pid)
            per_minute.append(now - last)
            last = now
            print("  serve minute %d: %.2f CPU s" % (k, per_minute[-1]), flush=True)
        changes.wait(a.poll * 1.1 + 15)
        metrics = urllib.request.urlopen(base + "/metrics", timeout=10).read().decode()
    finally:
        hwm = proc_hwm(proc.pid) if proc.poll() is None else 0.0
        proc.send_signal(signal.SIGTERM)
        proc.wait(60)
        changes.close()
        log.close()
    with open(os.path.join(os.path.dirname(cfg), "metrics.txt"), "w") as f:
        f.write(metrics)
    fetches = {m.group(1): float(m.group(2))
               for m in re.finditer(r'(?m)^orrery_fetches_total\{outcome="(\w+)"[^}]*\} (\S+)$', metrics)}
    publishes = sum(float(m.group(1)) for m in
                    re.finditer(r'(?m)^orrery_publish_duration_seconds_count\{result="written"[^}]*\} (\S+)$', metrics))
    return {
        "mode": "serve", "ready_s": ready, "cpu_start_s": cpu_start, "cpu_per_minute": per_minute,
        "cpu_s": sum(per_minute), "rss_mb": hwm, "fetches": fetches, "publishes": publishes,
        **latency_summary(changes),
    }


def run_cron(a, cfg, files, outdir):
    changes = Changes(files, a.percent, outdir, "c")
    per_minute, rss, walls = [], 0.0, []
    t0 = time.monotonic()
    log = open(os.path.join(os.path.dirname(cfg), "cron.log"), "w")
    try:
        for k in range(1, a.minutes + 1):
            sleep_until(t0 + k * 60 - 30)
            changes.change(k)
            sleep_until(t0 + k * 60)
            start = time.monotonic()
            proc = subprocess.Popen([a.orrery, "run", cfg], stdout=log, stderr=subprocess.STDOUT)
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            walls.append(time.monotonic() - start)
            per_minute.append(usage.ru_utime + usage.ru_stime)
            rss = max(rss, usage.ru_maxrss / 1024)
            print("  cron minute %d: %.2f CPU s, %.2f s (exit %d)" % (k, per_minute[-1], walls[-1], proc.returncode),
                  flush=True)
        changes.wait(5)
    finally:
        changes.close()
        log.close()
    return {
        "mode": "cron", "cpu_per_minute": per_minute, "cpu_s": sum(per_minute), "rss_mb": rss,
        "run_wall_s": walls, **latency_summary(changes),
    }


def table(results, a):
    def f(v, fmt="%.2f"):
        return "–" if v is None else fmt % v

    print()
    print("Soak: %d feeds, %d minutes, %d%% of feeds changed each minute, poll_interval %d s (serve), "
          "`orrery run` every minute (cron)" % (a.n, a.minutes, a.percent, a.poll))
    print()
    print("| mode | CPU s per minute (all minutes) | CPU s per minute (after the first) | peak RSS MB "
          "| latency median / p90 / max s | changes seen |")
    print("|---|---|---|---|---|---|")
    by = {}
    for r in results:
        pm = r["cpu_per_minute"]
        later = pm[1:] or pm
        by[r["mode"]] = (sum(pm) / len(pm), sum(later) / len(later), r)
        print("| %s | %s | %s | %s | %s / %s / %s | %d of %d |" % (
            "`orrery serve`" if r["mode"] == "serve" else "`orrery run` every minute",
            f(sum(pm) / len(pm)), f(sum(later) / len(later)), f(r["rss_mb"], "%.0f"),
            f(r.get("median"), "%.1f"), f(r.get("p90"), "%.1f"), f(r.get("max"), "%.1f"),
            r["changes"] - r["unseen"], r["changes"]))
    if "serve" in by:
        s = by["serve"][2]
        print()
        print("serve: ready after %.1f s (%.2f CPU s before the soak began); fetches %s; %d publishings that wrote files"
              % (s["ready_s"], s["cpu_start_s"],
                 ", ".join("%s %d" % (k, v) for k, v in sorted(s["fetches"].items())), s["publishes"]))
    if "serve" in by and "cron" in by:
        s, c = by["serve"], by["cron"]
        print()
        print("cron / serve: CPU %.1f× (all minutes), %.1f× (after the first); peak RSS %.2f×; median latency %s"
              % (c[0] / s[0] if s[0] else float("inf"), c[1] / s[1] if s[1] else float("inf"),
                 c[2]["rss_mb"] / s[2]["rss_mb"] if s[2]["rss_mb"] else float("inf"),
                 "%.1f s against %.1f s" % (s[2].get("median", float("nan")), c[2].get("median", float("nan")))))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--n", type=int, default=1000)
    p.add_argument("--minutes", type=int, default=10)
    p.add_argument("--percent", type=float, default=5)
    p.add_argument("--poll", type=int, default=60)
    p.add_argument("--port", type=int, default=18190)
    p.add_argument("--orrery", default="./orrery")
    p.add_argument("--only", default="serve,cron")
    p.add_argument("--results")
    p.add_argument("--serve-java-opts", default="",
                   help="Java options for serve only, e.g. a flight recording: -XX:StartFlightRecording=...")
    a = p.parse_args()

    base = os.path.join(a.work, "planet-%d" % a.n)
    shutil.rmtree(base, ignore_errors=True)
    cfg = planet(a.data, a.n, a.poll, base)
    files = feed_files(cfg, a.data)
    print("== a first run of %d feeds (not timed), the planet both modes start from" % a.n, flush=True)
    subprocess.run([a.orrery, "run", cfg], check=True, stdout=subprocess.DEVNULL)
    results = []
    for mode in a.only.split(","):
        d = os.path.join(a.work, "%s-%d" % (mode, a.n))
        shutil.rmtree(d, ignore_errors=True)
        shutil.copytree(base, d)
        mcfg = planet(a.data, a.n, a.poll, d)
        if mode == "cron":
            # A cron job's planet has run before: the launcher picks its settings for later runs.
            subprocess.run([a.orrery, "run", mcfg], check=True, stdout=subprocess.DEVNULL)
        print("== %s: %d minutes" % (mode, a.minutes), flush=True)
        run = run_serve if mode == "serve" else run_cron
        results.append(run(a, mcfg, files, os.path.join(d, "output")))
    if a.results:
        with open(a.results, "a") as f:
            for r in results:
                f.write(json.dumps({"n": a.n, "minutes": a.minutes, "percent": a.percent, "poll": a.poll, **r}) + "\n")
    table(results, a)


if __name__ == "__main__":
    main()
