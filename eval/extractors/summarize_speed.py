#!/usr/bin/env python3
"""Median of the 3 rounds in results/speed.tsv, per extractor."""
import os, re, statistics, collections
HERE = os.path.dirname(os.path.abspath(__file__))
d = collections.defaultdict(list); meta = {}
for l in open(os.path.join(HERE, "results/speed.tsv")):
    if not l.startswith("round"): continue
    f = l.rstrip("\n").split("\t"); name = f[1]
    kv = dict(x.split("=") for x in f[2:])
    d[name].append(float(kv["ms_per_page"])); meta[name] = kv
print("| extractor | ms/page median | rounds | ok | empty | err |")
print("|---|---|---|---|---|---|")
for n, v in d.items():
    k = meta[n]
    print(f"| {n} | {statistics.median(v):.2f} | {' / '.join('%.2f' % x for x in v)} | {k['ok']} | {k['empty']} | {k['err']} |")
