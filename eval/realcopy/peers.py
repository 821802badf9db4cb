#!/usr/bin/env python3
"""Runs htmldate and trafilatura on the real-copy texts and scores them like score.py.

    python3 -m venv eval/peers-venv
    eval/peers-venv/bin/pip install htmldate trafilatura lxml_html_clean
    eval/peers-venv/bin/python eval/realcopy/peers.py [--split dev|test] [--with-url] [--batch NAMES] [--misses]

Outside CI. Each text is given to the peers as a page of paragraphs (one <p> a line), the URL
as the page's address with --with-url. htmldate's date is scored as both the publication and
the statement date; trafilatura's title as the headline and its sitename as the source.
"""
import argparse, glob, html, os, tomllib, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score import norm
import htmldate, trafilatura

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("--split", default="dev")
ap.add_argument("--with-url", action="store_true")
ap.add_argument("--misses", action="store_true", help="list each page's dates where htmldate is wrong")
ap.add_argument("--batch", default="", help="only the labellers' batches named (--batch za, --batch f,g, or one-letter batches run together, --batch fg)")
a = ap.parse_args()
files = {os.path.basename(f)[:-5]: f for f in sorted(glob.glob(os.path.join(here, "gold/*.toml")))}
if a.batch:
    names = set()
    for part in filter(None, (x.strip() for x in a.batch.split(","))):
        names |= {part} if part in files else set(part)
    files = {k: v for k, v in files.items() if k in names}
pages = []
for f in files.values():
    pages += tomllib.load(open(f, "rb"))["page"]
pages = [p for p in pages if p["split"] == a.split and os.path.exists(os.path.join(here, "texts", p["id"] + ".txt"))]
usable = lambda frm: frm == "text" or (a.with_url and frm == "url")
s = {k: [0, 0] for k in ["stated", "published", "source", "headline"]}
for p in pages:
    text = open(os.path.join(here, "texts", p["id"] + ".txt"), encoding="utf-8").read()
    body = "".join(f"<p>{html.escape(l)}</p>\n" for l in text.splitlines() if l.strip())
    page = f"<html><body>{body}</body></html>"
    url = p["url"] if a.with_url else None
    try:
        d = htmldate.find_date(page, url=url, extensive_search=True, original_date=True)
    except Exception:
        d = None
    meta = trafilatura.extract_metadata(page, default_url=url)
    title = meta.title if meta else None
    site = meta.sitename if meta else None
    def add(k, ok):
        s[k][1] += 1; s[k][0] += bool(ok)
        if a.misses and not ok and k in ("stated", "published"):
            print(f"MISS {p['id']} {k:9} want {p[k]!r} have {d!r}")
    if p["stated"] and usable(p.get("stated_from", "text")):
        add("stated", d == p["stated"])
    if p["published"] and usable(p.get("published_from", "")):
        add("published", d == p["published"])
    if (p["outlet"] or p["agency"]) and usable(p.get("source_from", "")):
        want = {norm(x) for x in [p["outlet"]] + p["agency"].split(",") if x.strip()}
        add("source", site and norm(site) in want)
    if p["title"]:
        add("headline", norm(title) == norm(p["title"]))
print(f"peers, split {a.split}, {len(pages)} pages{' (with URL)' if a.with_url else ''}")
for k, (ok, n) in s.items():
    print(f"  {k:10} {ok:4}/{n:<4} {100*ok/max(n,1):5.1f}%  ({'htmldate' if k in ('stated','published') else 'trafilatura'})")
