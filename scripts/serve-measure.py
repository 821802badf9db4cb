#!/usr/bin/env python3
"""Measures a running `communique serve`: CPU while idle, then save-to-rebuild latency.

    communique serve -p 18790 &      # in a site, e.g. gen-corpus 10000 on /dev/shm
    python3 scripts/serve-measure.py PID CONTENT_DIR [--port 18790] [--idle 60] [--edits 20]

Idle: the server process's CPU ticks (/proc) over --idle seconds, as a share of one core.
Latency: appends a sentence to --edits articles one at a time and times from the write until
the server's build version moves (what an open page's reload waits for); prints p50 and p95.
"""
import argparse, json, os, statistics, time, urllib.request

ap = argparse.ArgumentParser()
ap.add_argument("pid", type=int)
ap.add_argument("content")
ap.add_argument("--port", type=int, default=18790)
ap.add_argument("--idle", type=int, default=60)
ap.add_argument("--edits", type=int, default=20)
a = ap.parse_args()

def ticks():
    fields = open(f"/proc/{a.pid}/stat").read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])

def version():
    url = f"http://127.0.0.1:{a.port}/__communique/status"
    return json.load(urllib.request.urlopen(url))["version"]

t0 = ticks()
time.sleep(a.idle)
used = (ticks() - t0) / os.sysconf("SC_CLK_TCK")
print(f"idle: {used:.2f} s of CPU in {a.idle} s = {100 * used / a.idle:.2f}% of a core")

files = sorted(f for f in os.listdir(a.content) if f.endswith((".txt", ".md")))
step = max(1, len(files) // a.edits)
lat = []
for name in files[::step][: a.edits]:
    v = version()
    start = time.time()
    with open(os.path.join(a.content, name), "a", encoding="utf-8") as f:
        f.write("\nOfficials added a further remark on Tuesday.\n")
    while version() == v:
        time.sleep(0.005)
    lat.append((time.time() - start) * 1000)
    time.sleep(0.3)
lat.sort()
p95 = lat[min(len(lat) - 1, round(0.95 * len(lat)) - 1)]
print(f"save to rebuild, {len(lat)} edits: p50 {statistics.median(lat):.0f} ms, p95 {p95:.0f} ms")
