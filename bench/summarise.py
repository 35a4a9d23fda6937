#!/usr/bin/env python3
"""Prints a Markdown table of one bench/parse.sh run: MB/s per parser and input, with ratios
against the peers measured in the same run.

Usage: summarise.py JMH_RESULT.json [PEERS.jsonl]
"""
import json
import sys

NAMES = {
    "orreryParse": "Orrery parse",
    "orreryParseAndSanitise": "Orrery parse + sanitise",
    "rome": "ROME 2.1.0",
}


def main():
    runs = json.load(open(sys.argv[1]))
    rows = {}
    for run in runs:
        method = run["benchmark"].rsplit(".", 1)[1]
        source = run.get("params", {}).get("input", "?")
        counter = run["secondaryMetrics"]["bytes"]
        rows[(source, method)] = (counter["score"] / 1e6, counter["scoreError"] / 1e6)
    peers = []
    if len(sys.argv) > 2:
        with open(sys.argv[2]) as f:
            peers = [json.loads(line) for line in f if line.strip().startswith("{")]
    print("| input | parser | MB/s | vs ROME | vs feedparser |")
    print("|---|---|---|---|---|")
    feedparser = next((p["mb_per_s"] for p in peers if p["parser"].startswith("feedparser")), None)
    for source in sorted({s for s, _ in rows}):
        rome = rows.get((source, "rome"), (None, None))[0]
        for method in NAMES:
            if (source, method) not in rows:
                continue
            mbs, err = rows[(source, method)]
            vs_rome = "%.2f×" % (mbs / rome) if rome else "–"
            vs_fp = "%.1f×" % (mbs / feedparser) if feedparser and source == "corpus" else "–"
            print("| %s | %s | %.1f ± %.1f | %s | %s |" % (source, NAMES[method], mbs, err, vs_rome, vs_fp))
        for p in peers if source == "corpus" else []:
            vs_rome = "%.2f×" % (p["mb_per_s"] / rome) if rome else "–"
            print("| %s | %s | %.1f | %s | – |" % (source, p["parser"], p["mb_per_s"], vs_rome))


if __name__ == "__main__":
    main()
