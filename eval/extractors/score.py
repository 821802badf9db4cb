#!/usr/bin/env python3
"""Scores extractor outputs (JSONL from `extract-cmp quality`) like trafilatura's
tests/eval_common.py: whitespace-normalised substring matching, per item
tp = 'with' found, fn = 'with' missing, fp = 'without' present, tn = 'without' absent;
an error or panic counts as empty output (all 'with' missed, all 'without' absent)."""
import json, re, sys, os

def norm(t): return re.sub(r"\s+", " ", t).strip()

evald = json.load(open(sys.argv[1]))
outdir = sys.argv[2]
names = sys.argv[3:]
rows = []
for name in names:
    path = os.path.join(outdir, name + ".jsonl")
    if not os.path.exists(path): continue
    res = {}
    for line in open(path):
        j = json.loads(line); res[j["file"].split("/", 1)[1]] = j
    for field in ("text", "html_text"):
        tp = fp = fn = tn = 0
        errors = panics = empty = 0; ms = []
        have = False
        for url, it in evald.items():
            j = res.get(it["file"])
            if j is None: continue
            t = j.get(field)
            if "error" in j:
                errors += 1
                if j["error"].startswith("PANIC"): panics += 1
            if field == "html_text" and "error" not in j and t is None:
                break
            have = True
            if "ms" in j: ms.append(j["ms"])
            if isinstance(t, str) and t.strip():
                r = norm(t)
                a = sum(1 for w in it["with"] if norm(w) in r)
                b = sum(1 for w in it["without"] if norm(w) in r)
            else:
                a = b = 0
                if "error" not in j: empty += 1
            tp += a; fp += b; fn += len(it["with"]) - a; tn += len(it["without"]) - b
        else:
            if not have: continue
            p = tp / (tp + fp) if tp + fp else 0; rc = tp / (tp + fn) if tp + fn else 0
            acc = (tp + tn) / (tp + tn + fp + fn); f1 = 2 * tp / (2 * tp + fp + fn)
            rows.append((name + ("" if field == "text" else " [html→text]"), p, rc, f1, acc, tp, fp, fn, tn, errors, panics, empty, sum(ms) / max(len(ms), 1)))
print("| extractor | precision | recall | F1 | accuracy | tp | fp | fn | tn | errors | panics | empty | ms/page (eval set, unisolated) |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for r in rows:
    print("| %s | %.3f | %.3f | %.3f | %.3f | %d | %d | %d | %d | %d | %d | %d | %.1f |" % r)
