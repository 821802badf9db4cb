#!/usr/bin/env python3
"""Builds eval/htmldate/pages/ from a git mirror of github.com/adbar/htmldate.

    python3 eval/htmldate/fetch.py [--mirror GIT_DIR] [--commit REV]

Reads tests/eval_default.json at REV (default HEAD of the mirror): an object mapping a page URL
to {"file": NAME, "date": "YYYY-MM-DD"}; the page NAME is looked up in tests/cache/ then
tests/eval/ (the order of htmldate's tests/evaluation.py, minus tests/test_set/, which belongs
to the mediacloud set and is deliberately not used). Writes, decompressed if gzipped and
otherwise byte for byte:

    pages/<name>.html   one file per distinct page (name: ASCII, filesystem-safe, stable)
    pages/gold.json     [{"file": "<name>.html", "url": URL, "date": "YYYY-MM-DD"}, ...]
                        one entry per json entry, sorted by file then url
    pages/manifest.json repository, commit, and the source path of every page

Stdlib only. Pages listed in the json but absent from the mirror are reported and skipped.
"""
import argparse, glob, gzip, json, os, re, subprocess, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "pages")
REPO = "github.com/adbar/htmldate"
EVAL_JSON = "tests/eval_default.json"
DIRS = ("tests/cache", "tests/eval")  # never tests/test_set (mediacloud set, held out)


def git(gitdir, *args, data=None):
    return subprocess.run(["git", "--git-dir", gitdir, *args], input=data,
                          capture_output=True, check=True).stdout


def find_mirror():
    cands = sorted(glob.glob("/work/.mirror/adbar+htmldate*"))
    for c in cands:
        for g in (c, os.path.join(c, "repo"), *sorted(glob.glob(os.path.join(c, "*")))):
            if os.path.isfile(os.path.join(g, "HEAD")) and os.path.isdir(os.path.join(g, "objects")):
                return g
    sys.exit("no htmldate mirror found under /work/.mirror/adbar+htmldate*; pass --mirror")


def safe_name(fname):
    """Stable ASCII name: drop .gz and .html/.htm, fold accents, replace the rest by '_'."""
    stem = re.sub(r"\.gz$", "", fname)
    stem = re.sub(r"\.html?$", "", stem)
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9._-]", "_", stem).strip(".") or "page"
    return stem + ".html"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mirror", help="bare git dir of adbar/htmldate (default: glob /work/.mirror/adbar+htmldate*)")
    ap.add_argument("--commit", default="HEAD")
    a = ap.parse_args()
    gitdir = a.mirror or find_mirror()
    commit = git(gitdir, "rev-parse", a.commit + "^{commit}").decode().strip()
    when = git(gitdir, "show", "-s", "--format=%ci %s", commit).decode().strip()
    print(f"htmldate mirror {gitdir}\ncommit {commit} ({when})")

    entries = json.loads(git(gitdir, "show", f"{commit}:{EVAL_JSON}"))
    tree = set(git(gitdir, "ls-tree", "-r", "-z", "--name-only", commit, "--", *DIRS)
               .decode("utf-8").split("\0")) - {""}

    sources, missing = {}, []  # json file name -> path in the mirror
    for url, e in entries.items():
        f = e["file"]
        if f in sources or f in missing:
            continue
        for d in DIRS:
            hit = next((p for p in (f"{d}/{f}", f"{d}/{f}.gz") if p in tree), None)
            if hit:
                sources[f] = hit
                break
        else:
            missing.append(f)

    names = {}
    for f in sources:
        n = safe_name(f)
        clash = [g for g, m in names.items() if m == n]
        if clash:
            sys.exit(f"name clash: {f!r} and {clash[0]!r} both map to {n}")
        names[f] = n

    os.makedirs(OUT, exist_ok=True)
    for old in glob.glob(os.path.join(OUT, "*.html")):
        os.remove(old)
    for f, path in sorted(sources.items()):
        data = git(gitdir, "show", f"{commit}:{path}")
        if path.endswith(".gz"):
            data = gzip.decompress(data)
        with open(os.path.join(OUT, names[f]), "wb") as out:
            out.write(data)

    gold = []
    for url, e in entries.items():
        if e["file"] not in names:
            continue
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", e.get("date") or ""):
            print(f"  skipped (no YYYY-MM-DD date): {url} {e}")
            continue
        gold.append({"file": names[e["file"]], "url": url, "date": e["date"]})
    gold.sort(key=lambda g: (g["file"], g["url"]))
    with open(os.path.join(OUT, "gold.json"), "w", encoding="utf-8") as out:
        json.dump(gold, out, ensure_ascii=False, indent=1)
        out.write("\n")
    manifest = {"repo": REPO, "commit": commit, "json": EVAL_JSON,
                "pages": [{"file": names[f], "source": p} for f, p in sorted(sources.items(), key=lambda x: names[x[0]])]}
    with open(os.path.join(OUT, "manifest.json"), "w", encoding="utf-8") as out:
        json.dump(manifest, out, ensure_ascii=False, indent=1)
        out.write("\n")

    print(f"{len(entries)} entries in {EVAL_JSON}, {len(names)} distinct pages written, "
          f"{len(gold)} gold entries -> {os.path.relpath(OUT)}")
    renamed = sum(1 for f, n in names.items() if re.sub(r"\.gz$", "", f) != n)
    print(f"  {renamed} page names changed to be ASCII/.html, "
          f"{sum(p.endswith('.gz') for p in sources.values())} decompressed")
    if missing:
        print(f"  {len(missing)} missing from the mirror, skipped:")
        for f in missing:
            print(f"    {f}")
    else:
        print("  none missing")


if __name__ == "__main__":
    main()
