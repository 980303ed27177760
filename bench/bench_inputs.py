#!/usr/bin/env python3
"""Encoding detection over the corpus: each article as GB18030, GBK (where it encodes),
Big5 (traditional, via OpenCC s2tw) and short GBK/Big5 fragments; prints accuracy and time.

    python bench/bench_inputs.py [../shared/corpus/articles]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import opencc

from kg.errors import KgError
from kg.text.reading import decode

folder = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/corpus/articles")
s2tw = opencc.OpenCC("s2tw")
cases = []
for f in sorted(folder.glob("*.txt")):
    text = f.read_text(encoding="utf-8")
    trad = s2tw.convert(text)
    cases.append(("gb18030", text.encode("gb18030"), text))
    try:
        cases.append(("gbk", text.encode("gbk"), text))
    except UnicodeEncodeError:
        pass
    big5 = trad.encode("big5", errors="replace")
    cases.append(("big5", big5, big5.decode("big5")))
    first = next((ln for ln in text.splitlines() if len(ln.strip()) >= 6), "")[:12]
    try:
        cases.append(("gbk-12-chars", first.encode("gbk"), first))
        cases.append(("big5-12-chars", s2tw.convert(first).encode("big5"), s2tw.convert(first)))
    except UnicodeEncodeError:
        pass
decode("会议".encode("gbk"), "warm-up")  # loads jieba's dictionary once
t0 = time.perf_counter()
right: dict[str, list[int]] = {}
for kind, data, expected in cases:
    try:
        ok = decode(data, kind).text == expected
    except KgError:
        ok = False
    r = right.setdefault(kind, [0, 0])
    r[0] += ok
    r[1] += 1
secs = time.perf_counter() - t0
for kind, (ok, n) in right.items():
    print(f"{kind:14s} {ok}/{n} read back exactly")
print(f"{len(cases)} inputs, {sum(len(c[1]) for c in cases) / 1e6:.1f} MB in {secs:.2f} s")
