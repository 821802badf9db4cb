#!/usr/bin/env python3
"""Runs htmldate on eval/htmldate/pages/ and scores it like htmldate's tests/comparison.py.

    eval/peers-venv/bin/python eval/htmldate/peers.py [--mode extensive|fast|both] [--with-url] [--json OUT]

Calls exactly as htmldate's tests/evaluation.py (no URL given):
    extensive (htmldate's default): find_date(html, original_date=True, extensive_search=True)
    fast:                           find_date(html, original_date=True, extensive_search=False)
--with-url also passes url=<gold url> (not what htmldate's own evaluation does).
Pages are decoded as evaluation.py's load_document does: UTF-8, else the encoding
charset_normalizer detects, else the raw bytes.

Score per gold entry (800, one page is listed under two URLs): exact "YYYY-MM-DD" match.
accuracy = matches / entries, which equals comparison.py's (tp+tn)/(tp+tn+fp+fn) since every
gold entry has a date (tn = 0, a missing answer is a false negative). Precision, recall and F1
are printed as comparison.py computes them.
"""
import argparse, contextlib, io, json, logging, os, sys, time

import htmldate
from htmldate import find_date

try:
    from cchardet import detect
except ImportError:
    from charset_normalizer import detect

HERE = os.path.dirname(os.path.abspath(__file__))
PAGES = os.path.join(HERE, "pages")
MODES = {"extensive": True, "fast": False}


def load(path):
    raw = open(path, "rb").read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        enc = detect(raw)["encoding"]
        if enc:
            try:
                return raw.decode(enc)
            except (UnicodeDecodeError, LookupError):
                pass
        return raw


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", choices=["extensive", "fast", "both"], default="both")
    ap.add_argument("--with-url", action="store_true", help="also pass the gold URL to find_date")
    ap.add_argument("--json", metavar="OUT", help="write per-page predictions")
    a = ap.parse_args()
    gold_path = os.path.join(PAGES, "gold.json")
    if not os.path.exists(gold_path):
        sys.exit("no pages: run python3 eval/htmldate/fetch.py first")
    gold = json.load(open(gold_path, encoding="utf-8"))
    modes = list(MODES) if a.mode == "both" else [a.mode]
    logging.disable(logging.CRITICAL)

    docs = {g["file"]: load(os.path.join(PAGES, g["file"])) for g in gold}
    preds = {m: [] for m in modes}
    secs = {}
    for m in modes:
        start = time.perf_counter()
        for g in gold:
            kw = {"url": g["url"]} if a.with_url else {}
            try:
                with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                    d = find_date(docs[g["file"]], original_date=True, extensive_search=MODES[m], **kw)
            except Exception as err:  # counted as no answer
                d = None
            preds[m].append(d)
        secs[m] = time.perf_counter() - start

    n = len(gold)
    print(f"htmldate {htmldate.__version__} on {n} gold entries ({len(docs)} pages)"
          f"{', with URL' if a.with_url else ', without URL (as htmldate evaluation)'}")
    print(f"  {'mode':10} {'accuracy':>15} {'no date':>8} {'prec.':>6} {'rec.':>6} {'F1':>6} {'time':>8}")
    for m in modes:
        tp = sum(p == g["date"] for p, g in zip(preds[m], gold))
        fn = sum(p is None for p in preds[m])
        fp = n - tp - fn
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn)
        print(f"  {m:10} {tp:4}/{n} {tp / n:6.3f} {fn:8} {prec:6.3f} {rec:6.3f} {f1:6.3f} {secs[m]:7.1f}s")

    if a.json:
        out = [{"file": g["file"], "url": g["url"], "gold": g["date"],
                **{m: preds[m][i] for m in modes}} for i, g in enumerate(gold)]
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(f"predictions -> {a.json}")


if __name__ == "__main__":
    main()
