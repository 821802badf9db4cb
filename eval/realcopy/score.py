#!/usr/bin/env python3
"""Scores `communique inspect --json` on the real-copy corpus against the gold, field by field.

    python3 eval/realcopy/score.py [--split dev|test] [--with-url] [--misses] [--bin PATH]

A first scorer, to be replaced by a Rust command. Texts must have been rebuilt into texts/
(see README.md). With --with-url the page's URL is appended as the text's last line, and facts
the gold marks as found only in the URL are scored too.
"""
import argparse, glob, json, os, subprocess, sys, tempfile, tomllib, unicodedata, re

here = os.path.dirname(os.path.abspath(__file__))

def norm(s):
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[\u2018\u2019\u201c\u201d'\"`]", "", s)
    return re.sub(r"[^\w]+", " ", s).strip()

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev")
    ap.add_argument("--with-url", action="store_true")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--bin", default=os.path.join(here, "../../target/release/communique"))
    ap.add_argument("--today", default="2026-12-02")
    a = ap.parse_args()
    pages = []
    for f in sorted(glob.glob(os.path.join(here, "gold/*.toml"))):
        pages += tomllib.load(open(f, "rb"))["page"]
    pages = [p for p in pages if p["split"] == a.split and os.path.exists(os.path.join(here, "texts", p["id"] + ".txt"))]
    tmp = tempfile.mkdtemp()
    files = []
    for p in pages:
        text = open(os.path.join(here, "texts", p["id"] + ".txt"), encoding="utf-8").read()
        if a.with_url:
            text = text.rstrip("\n") + "\n\n" + p["url"] + "\n"
        path = os.path.join(tmp, p["id"] + ".txt")
        open(path, "w", encoding="utf-8").write(text)
        files.append(path)
    out = subprocess.run([a.bin, "inspect", "--json", "--today", a.today] + files, capture_output=True, text=True)
    got = {}
    for line in out.stdout.splitlines():
        d = json.loads(line)
        got[d["id"]] = d
    usable = lambda frm: frm == "text" or (a.with_url and frm == "url")
    scores = {k: [0, 0] for k in ["stated", "published", "source", "speaker", "headline"]}
    misses = []
    for p in pages:
        g = got.get(p["id"], {})
        def score(field, ok, want, have):
            scores[field][1] += 1
            scores[field][0] += ok
            if not ok:
                misses.append((p["id"], field, want, have))
        if p["stated"] and usable(p.get("stated_from", "text")):
            score("stated", g.get("statement_date") == p["stated"], p["stated"], g.get("statement_date"))
        if p["published"] and usable(p.get("published_from", "")):
            score("published", g.get("publication_date") == p["published"], p["published"], g.get("publication_date"))
        if (p["outlet"] or p["agency"]) and usable(p.get("source_from", "")):
            want = {norm(x) for x in [p["outlet"]] + re.split(r",\s*", p["agency"]) if x}
            have = [norm(x) for x in [g.get("outlet"), g.get("agency")] if x]
            score("source", any(h in want for h in have), sorted(want), have)
        want_sp = norm(p["speakers"][0]) if p["speakers"] else ""
        have_sp = norm((g.get("speakers") or [""])[0])
        score("speaker", want_sp == have_sp, want_sp, have_sp)
        if p["title"]:
            score("headline", norm(g.get("title")) == norm(p["title"]), p["title"], g.get("title"))
    print(f"split {a.split}, {len(pages)} pages{' (with URL)' if a.with_url else ''}")
    for k, (ok, n) in scores.items():
        print(f"  {k:10} {ok:4}/{n:<4} {100*ok/max(n,1):5.1f}%")
    if a.misses:
        for m in misses:
            print("MISS", *m, sep="\t")

if __name__ == "__main__":
    main()
