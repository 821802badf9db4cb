#!/usr/bin/env python3
"""Where a built site's bytes go, per output kind and per article.

    python3 scripts/output-sizes.py PUBLIC_DIR ARTICLES

e.g. after `target/release/gen-corpus 10000 /dev/shm/s/content`, copying config.toml there and
`target/release/communique build --root /dev/shm/s`:
`python3 scripts/output-sizes.py /dev/shm/s/public 10000`. Sizes are KiB (1024 bytes) per
article, as `bench` prints them; issue #18's budget is 10 per article, everything included.
"""
import collections
import os
import sys


def kind(rel):
    parts = rel.split("/")
    name = parts[-1]
    if parts[0] == "articles":
        return "article pages"
    if parts[0] == "search":
        return "search/" + parts[1] if len(parts) > 2 else "search page"
    if parts[0] in ("topics", "speakers", "sources", "statements", "years"):
        return parts[0] + (" feeds" if name.endswith(".xml") else " lists")
    if parts[0] == "static":
        return "static"
    if len(parts) == 1 and (name.endswith(".xml") or name.endswith(".json")):
        return name
    return "other (" + parts[0] + ")"


def main():
    root, n = sys.argv[1], int(sys.argv[2])
    size, files = collections.Counter(), collections.Counter()
    for folder, _, names in os.walk(root):
        for f in names:
            path = os.path.join(folder, f)
            k = kind(os.path.relpath(path, root))
            size[k] += os.path.getsize(path)
            files[k] += 1
    total = sum(size.values())
    for k, v in sorted(size.items(), key=lambda x: -x[1]):
        print(f"{k:22} {files[k]:7} files {v / 1e6:9.2f} MB {v / 1024 / n:6.2f} KiB/article")
    print(f"{'total':22} {sum(files.values()):7} files {total / 1e6:9.2f} MB {total / 1024 / n:6.2f} KiB/article")


if __name__ == "__main__":
    main()
