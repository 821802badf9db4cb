#!/usr/bin/env python3
"""Times a cold build of N articles as .txt against the same articles as saved web pages of
about 100 KB each (the issue's measure for HTML input), in the same run, on tmpfs.

    python3 scripts/bench-html.py [--n 1000] [--runs 3] [--dir /dev/shm/communique-bench-html]

Each page wraps the generated article in the furniture of a real news page: a head with
JSON-LD and OpenGraph, navigation menus, scripts, a related-articles list with dates, a
comment thread and a footer, padded to about 100 KB. Prints the median build times, their
ratio and the output bytes per article.
"""
import argparse, html, json, os, shutil, statistics, subprocess, time

ap = argparse.ArgumentParser()
ap.add_argument("--n", type=int, default=1000)
ap.add_argument("--runs", type=int, default=3)
ap.add_argument("--dir", default="/dev/shm/communique-bench-html")
a = ap.parse_args()

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "communique", "--bin", "gen-corpus"], cwd=root, check=True)
exe = os.path.join(root, "target/release/communique")
shutil.rmtree(a.dir, ignore_errors=True)
txt, page = os.path.join(a.dir, "txt"), os.path.join(a.dir, "html")
subprocess.run([os.path.join(root, "target/release/gen-corpus"), str(a.n), os.path.join(txt, "content"), "--seed", "42"], check=True, stdout=subprocess.DEVNULL)

nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(60))
script = "<script>" + ("var x=[1,2,3].map(function(v){return v*2});" * 60) + "</script>"
related = "".join(f'<li><time datetime="2024-0{1 + i % 9}-1{i % 9}">1{i % 9} Jan</time> <a href="/r/{i}">Related story number {i} about talks</a></li>' for i in range(40))
comments = "".join(f'<li class="comment"><time datetime="2024-12-0{1 + i % 9}">Dec</time><p>Comment {i}: I agree with this analysis of the talks.</p></li>' for i in range(40))

os.makedirs(os.path.join(page, "content"))
for name in sorted(os.listdir(os.path.join(txt, "content"))):
    body = open(os.path.join(txt, "content", name), encoding="utf-8").read()
    paras = [p.strip() for p in body.split("\n\n") if p.strip()]
    title, rest = paras[0], paras[1:]
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
          "publisher": {"@type": "Organization", "name": "Bench Herald"},
          "url": f"https://bench.example/news/{name[:-4]}"}
    story = "".join(f"<p>{html.escape(p)}</p>" for p in rest)
    doc = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | Bench Herald</title>'
           f'<script type="application/ld+json">{json.dumps(ld)}</script>'
           f'<meta property="og:title" content="{html.escape(title)}"><meta property="og:site_name" content="Bench Herald">'
           f'{script}</head><body><header class="site-header"><ul class="nav">{nav}</ul></header>'
           f'<main><article><h1>{html.escape(title)}</h1>{story}</article>'
           f'<aside class="related"><ul>{related}</ul></aside><section id="comments"><ol>{comments}</ol></section></main>'
           f'<footer><ul>{nav}</ul><p>&copy; 2024 Bench Herald</p></footer>{script}')
    pad = ""
    while len(doc) + len(pad) < 100_000:
        pad += f'<div class="promo"><ul>{nav}</ul></div>'
    doc += pad + "</body></html>"
    open(os.path.join(page, "content", name[:-4] + ".html"), "w", encoding="utf-8").write(doc)

def sizes(d):
    return sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(d) for f in fs)

def build(site):
    shutil.rmtree(os.path.join(site, ".communique-cache"), ignore_errors=True)
    shutil.rmtree(os.path.join(site, "public"), ignore_errors=True)
    t = time.perf_counter()
    subprocess.run([exe, "build", "--root", site], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t

times = {"txt": [], "html": []}
for _ in range(a.runs):
    for kind, site in (("txt", txt), ("html", page)):
        times[kind].append(build(site))
mt, mh = statistics.median(times["txt"]), statistics.median(times["html"])
print(f"{a.n} articles, cold builds, medians of {a.runs}")
print(f"  .txt : {mt:.2f} s  (input {sizes(os.path.join(txt, 'content')) / a.n / 1024:.1f} KB/article, output {sizes(os.path.join(txt, 'public')) / a.n / 1024:.1f} KB/article)")
print(f"  .html: {mh:.2f} s  (input {sizes(os.path.join(page, 'content')) / a.n / 1024:.1f} KB/article, output {sizes(os.path.join(page, 'public')) / a.n / 1024:.1f} KB/article)")
print(f"  ratio html/txt: {mh / mt:.2f}")
