#!/usr/bin/env python3
"""Instructions per page over the 50-page subset, minus the 'none' run (read + decode)."""
import re, glob, os
HERE = os.path.dirname(os.path.abspath(__file__))
c = {}
for f in glob.glob(os.path.join(HERE, "results/callgrind/*.stderr")):
    m = re.search(r"Collected : (\d+)", open(f).read())
    if m: c[os.path.basename(f)[:-7]] = int(m.group(1))
base = c["none"]; parse = c["parse"] - base
print("| extractor | Ir/page (parse+extract) | ×dom_query parse |")
print("|---|---|---|")
for n, v in sorted(c.items(), key=lambda x: x[1]):
    if n == "none": continue
    print(f"| {n} | {(v-base)/50/1e6:.1f} M | {(v-base)/parse:.2f} |")
