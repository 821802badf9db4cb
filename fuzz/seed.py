#!/usr/bin/env python3
"""Seeds fuzz/corpus/<target>/ with the texts in content/ and a few hostile strings.

Run from anywhere: `python3 fuzz/seed.py`. The corpus is ignored by git; this script is the
only record of the seeds, so no binary fixture is committed.
"""
import hashlib
import pathlib
import struct

FUZZ = pathlib.Path(__file__).resolve().parent
ROOT = FUZZ.parent

HOSTILE = [
    b"",
    b"\xef\xbb\xbf",
    b"\xff\xfe" + "MOSCOW, January 14. /TASS/. Lavrov said on Monday.".encode("utf-16-le"),
    b"\xfe\xff" + "TOKYO, March 3 (Kyodo) -- talks".encode("utf-16-be"),
    b"\x00\x01\x02\x03\xff\xfe\xfd",
    b"\xc3\x28 \xe2\x82 \xf0\x9f\x92 broken utf-8",
    "MOSCOW, January 14. /TASS/. Russian Foreign Minister Sergey Lavrov said on Monday that "
    "\u201ctalks will resume next week\u201d.\n".encode(),
    b"+++\ntitle = \"x\"\ndate = 2019-02-30\n+++\nbody",
    b"---\ntitle: x\n---\n# Heading\n\n> quote \"said\" on Tuesday\n\n- item\n",
    b"+++\n+++\n+++\n",
    b"+++\ntitle = \n",
    "\u00e9\u0301\u200b\u202e\ufeff\U0001f600 \u0417\u0430\u044f\u0432\u0438\u043b \u0432\u043e "
    "\u0432\u0442\u043e\u0440\u043d\u0438\u043a.".encode(),
    ("January " * 2000).encode(),
    ("1" * 5000 + " days ago").encode(),
    b"said on Monday 31.12.2999 2999-12-31 9999 BC 12/31/99 the 1990s in the 21st century",
    b"\r\n\r\n\r\r\n\t\x0b\x0c\x1b[31m red \x7f",
    b"\"\"\"''' \xe2\x80\x9c\xe2\x80\x9d \xc2\xab\xc2\xbb \"unclosed quote said Lavrov",
    b"A\nA A A\nAll news\n* * *\n----\nhttp://example.com/\n22.02.2019\nJiji Press\n",
    b"<script>alert(1)</script> {{ tera }} {% raw %}",
]


def write(target, data):
    d = FUZZ / "corpus" / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


def anchor_bytes(kind, n):
    # dates target: the first four bytes choose the anchor (kind = n % 4, see dates.rs).
    return struct.pack("<I", n * 4 + kind)


def main():
    texts = [p.read_bytes() for p in sorted((ROOT / "content").glob("*.txt"))]
    for t in texts + HOSTILE:
        write("clean_infer", t)
        # anchor kind 0: none; 1: 1900 + n days; 3: year 1 + n days.
        for prefix in (anchor_bytes(0, 0), anchor_bytes(1, 43_500), anchor_bytes(3, 2)):
            write("dates", prefix + t)
    print(f"seeded {len(texts)} texts and {len(HOSTILE)} hostile strings")


if __name__ == "__main__":
    main()
