"""Text -> Document: newspaper text normalised for extraction, with a map back to the original.

Extractors read `Document.text` and report spans in its coordinates; `Document.original_span`
turns them into offsets of the original file, which is what the graph records.

What normalisation does, and why:
- full-width digits and Latin letters become ASCII, so numbers parse with one regex;
- half-width brackets and punctuation next to Chinese become the full-width forms the
  patterns expect; ideographic and non-breaking spaces become plain ones;
- white space between two Chinese characters is dropped in prose (`省 领导` is `省领导`),
  becomes a comma in headline and caption lines, where it separates items, and stays
  before a photo credit (`宋清远 摄`);
- a photo credit run into the next caption (`宋清远 摄林志远作…`) gets a line break;
- page-continuation markers (`（下转04版）`) are dropped;
- body paragraphs broken mid-sentence by a page or column break are rejoined.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from kg.text.han import HAN as _CJK
from kg.text.han import is_cjk
from kg.text.leads import CREDIT_WORDS, credit_line, find_leads, is_byline, opens_with_dateline
from kg.text.script import to_simplified

#: sentence-final punctuation: a body line ending in one of these is a whole paragraph
_FINAL = "。！？!?；;”’」』）)…:："

_CONTINUATION = re.compile(r"[（(]\s*(?:下转|上接|转|接)\s*(?:第?\s*\d+\s*版|[A-Z]?\d+)\s*[）)]")
_PHOTO_CREDIT = re.compile(rf"([{_CJK}·]{{2,8}}) ?摄(?![影像制])(?=[{_CJK}“])")

_HALF_TO_FULL = {"(": "（", ")": "）", ",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_SPACES = "\u00a0\u2002\u2003\u2009\u200b\u3000\ufeff\t"




@dataclass
class Document:
    """An article: the original text, its normalised form and the offset map between them.

    `offsets[i]` is the index in `original` of the character `text[i]`; `offsets[len(text)]`
    is `len(original)`. A character inserted by normalisation maps to the next original one.
    """

    original: str
    text: str
    offsets: list[int]
    source: str = ""
    meta: dict = field(default_factory=dict)
    body_start: int = 0  # start of the body in `text`; before it: headline block and captions
    #: (start, end) of each dateline-and-byline that opens a paragraph (本报北京2月15日电（记者X）):
    #: no sentence runs across its end, so its names are never subjects of the sentence after it
    leads: list[tuple[int, int]] = field(default_factory=list)
    #: (start, end) of each byline: a bracket or a short line crediting reporters (（记者X、Y）)
    bylines: list[tuple[int, int]] = field(default_factory=list)

    @cached_property
    def digest(self) -> str:
        """SHA-256 of the original text: the article's identity (computed once: mappers ask often)."""
        return hashlib.sha256(self.original.encode("utf-8")).hexdigest()

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original text of the normalised span [start, end)."""
        if end <= start:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1

    def original_text(self, start: int, end: int) -> str:
        """The original characters behind the normalised span [start, end)."""
        a, b = self.original_span(start, end)
        return self.original[a:b]

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        """The sentence (in normalised coordinates) holding position `pos`."""
        i = bisect_right(self.sentence_starts, pos) - 1
        if i < 0:  # before the text
            return 0, 0
        return self._sentence_spans[i]

    @cached_property
    def _sentence_spans(self) -> list[tuple[int, int]]:
        """(start, end) of the sentence at each of `sentence_starts`, trailing line breaks and
        spaces left out (computed once: extractors ask for a sentence tens of thousands of times)."""
        starts, text = self.sentence_starts, self.text
        out = []
        for i, s in enumerate(starts):
            e = starts[i + 1] if i + 1 < len(starts) else len(text)
            while e > s and text[e - 1] in "\n ":
                e -= 1
            out.append((s, e))
        return out

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Start of every sentence in `text` (computed once; `text` does not change)."""
        starts = [0]
        for m in re.finditer(r"[。！？!?]+[”’」』]?|\n+", self.text):
            if m.end() < len(self.text):
                starts.append(m.end())
        return starts

    def sentences(self) -> list[tuple[int, int]]:
        """All sentences as (start, end) in normalised coordinates, empty ones left out."""
        out = []
        for s in self.sentence_starts:
            a, b = self.sentence_bounds(s)
            if b > a:
                out.append((a, b))
        return out

    def body_sentences(self) -> list[tuple[int, int]]:
        """Sentences without the datelines and bylines that open them: what the article
        reports, whose subjects can take part in a meeting (a reporter never does)."""
        out = []
        for a, b in self.sentences():
            for x, y in self.leads:
                if x <= a < y:
                    a = y
            if b > a:
                out.append((a, b))
        return out

    def paragraphs(self) -> list[tuple[int, int]]:
        """Lines of the normalised text as (start, end)."""
        out, pos = [], 0
        for line in self.text.split("\n"):
            if line.strip():
                out.append((pos, pos + len(line)))
            pos += len(line) + 1
        return out

    @property
    def headline(self) -> str:
        """The headline block and captions: everything before the body."""
        return self.text[: self.body_start]


#: one character for one: spaces, full-width digits and Latin letters, ．and ％, a lone CR
_CHAR_TABLE = {ord(c): " " for c in _SPACES}
_CHAR_TABLE.update({c: c - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
                    for c in range(r[0], r[1] + 1)})
_CHAR_TABLE.update({0xFF0E: ".", 0xFF05: "%", ord("\r"): "\n"})
#: a character `_CHAR_TABLE` replaces, and by what: a regex finds the few an article
#: holds (str.translate looks up every character of it)
_CHAR_MAP = {chr(c): r if isinstance(r, str) else chr(r) for c, r in _CHAR_TABLE.items()}
_CHARS = re.compile("[" + "".join(re.escape(c) for c in _CHAR_MAP) + "]")
#: characters dropped: the CR of a CRLF and control characters (tab and line feed are kept)
_DROPPED = re.compile(r"\r(?=\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _char_pass(original: str) -> tuple[str, list[int]]:
    """Character-level normalisation; returns the text and the offset of each character."""
    drops = [m.start() for m in _DROPPED.finditer(original)]
    if not drops:
        return _CHARS.sub(lambda m: _CHAR_MAP[m[0]], original), list(range(len(original)))
    kept: list[int] = []
    parts: list[str] = []
    prev = 0
    for d in [*drops, len(original)]:
        kept.extend(range(prev, d))
        parts.append(original[prev:d])
        prev = d + 1
    return _CHARS.sub(lambda m: _CHAR_MAP[m[0]], "".join(parts)), kept


#: the half-width marks `_HALF_TO_FULL` may replace (found by a regex, not a test per
#: character of the article; `_full_width` decides each)
_HALF = re.compile("[" + "".join(map(re.escape, _HALF_TO_FULL)) + "]")


def _full_width(m: re.Match) -> str:
    """A bracket anywhere, another mark next to a Chinese character, as its full-width form."""
    s, i = m.string, m.start()
    if m[0] in "()" or (i > 0 and is_cjk(s[i - 1])) or is_cjk(s[i + 1:i + 2]):
        return _HALF_TO_FULL[m[0]]
    return m[0]


def _apply(text: str, offsets: list[int], edits: list[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """Replace text[a:b] by `rep` for each (a, b, rep), edits sorted and not overlapping.
    Inserted characters map to the original offset of the first replaced (or next) one."""
    if not edits:  # most passes find nothing to edit: no copy
        return text, offsets
    out_c: list[str] = []
    out_o: list[int] = []
    pos = 0
    end_offset = offsets[-1] + 1 if offsets else 0
    for a, b, rep in edits:
        out_c.append(text[pos:a])
        out_o.extend(offsets[pos:a])
        anchor = offsets[a] if a < len(offsets) else end_offset
        out_c.append(rep)
        out_o.extend([anchor] * len(rep))
        pos = b
    out_c.append(text[pos:])
    out_o.extend(offsets[pos:])
    return "".join(out_c), out_o


#: a credit word just before a space in a byline: the space joins it to the name after it
_BYLINE_TITLE = re.compile(rf"(?:{CREDIT_WORDS})$")
#: punctuation a space in prose may stand next to (dropped, like one between two characters)
_PROSE_MARKS = "，。、；：（）“”"


def _in_byline(text: str, pos: int) -> bool:
    """True when `pos` lies inside a bracket that credits reporters (（青川日报记者 罗安）)."""
    # brackets are still half-width here when the file had them: (记者 冯某 肖某)
    opening = max(text.rfind(c, max(0, pos - 40), pos) for c in "（(【")
    if opening < 0 or re.search(r"[）)】\n]", text[opening:pos]):
        return False
    m = re.compile(r"[）)】]").search(text, pos, pos + 40)
    return m is not None and is_byline(text[opening + 1:m.start()])


def _line(text: str, pos: int) -> str:
    """The line holding `pos`."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


def _spaced_name(text: str, a: int, b: int) -> bool:
    """刘 某: a two-character name a byline pads with a space, one character on each side of
    it (the one before opens the item, the one after closes it)."""
    def single(k: int) -> bool:  # the character at k stands alone between marks or after a title
        return k == 0 or not is_cjk(text[k - 1]) or bool(_BYLINE_TITLE.search(text, 0, k))

    # (the character before must not have closed a padded name itself: 甲 乙 丙 is no name)
    opens = single(a - 1) and not (a >= 3 and text[a - 2] == " " and single(a - 3))
    return opens and (b + 1 >= len(text) or not is_cjk(text[b + 1]))


def _drop_inner_spaces(text: str) -> list[tuple[int, int, str]]:
    """Edits for the runs of spaces: each dropped, made a separator, or left (`_space`)."""
    edits = []
    for m in re.finditer(r" +", text):
        rep = _space(text, *m.span())
        if rep is not None:
            edits.append((*m.span(), rep))
    return edits


def _space(text: str, a: int, b: int) -> str | None:
    """What the run of spaces text[a:b] becomes, None where it stays."""
    before = text[a - 1] if a > 0 else ""
    after = text[b] if b < len(text) else ""
    if a == 0 or before == "\n" or after in ("\n", ""):  # indentation, a line's trailing spaces
        return ""
    if is_cjk(before) and after == "摄":
        return None
    if is_cjk(before) and is_cjk(after) and (_in_byline(text, a) or credit_line(_line(text, a)) is not None):
        # （记者 甲 乙 通讯员 丙）: a space after a title joins it to the name; between
        # two names or before the next title it separates them
        joined = _BYLINE_TITLE.search(text, max(0, a - 8), a) or _spaced_name(text, a, b)
        return "" if joined else "、"
    return _prose_space(text, a, b, before, after)


def _prose_space(text: str, a: int, b: int, before: str, after: str) -> str | None:
    """A space in prose or a headline: next to Chinese or its punctuation it is noise in a
    sentence and separates items in a headline or caption line; elsewhere a run is one space."""
    if (is_cjk(before) or before in _PROSE_MARKS) and (is_cjk(after) or after in _PROSE_MARKS):
        line = _line(text, a)
        sep = is_cjk(before) and is_cjk(after) and len(line) < 80 and "。" not in line
        return "，" if sep else ""
    return " " if b - a > 1 else None


def _body_start(text: str) -> int:
    """Index of the first body line: the first line with a dateline or a full sentence
    longer than a caption. Headline blocks and photo captions come before it."""
    pos = 0
    for line in text.split("\n"):
        s = line.strip()
        if s and (
            re.search(r"(本报讯|本报[^\s，。]{0,8}电|新华社[^\s，。]{0,12}电|消息[（(]|^[（(][^）)]*记者[^）)]*[）)])", s)
            or (len(s) > 40 and re.search(r"[。！？]", s))
        ):
            return pos
        pos += len(line) + 1
    return 0


def _rejoin(text: str, body_start: int) -> list[tuple[int, int, str]]:
    """Edits that join body paragraphs broken mid-sentence (a line that does not end a
    sentence, followed after blank lines by one that starts with a Chinese character)."""
    edits = []
    joined = 0  # characters of earlier lines already joined into the current one
    for m in re.finditer(r"\n[ \n]*", text):
        a, b = m.span()
        line_start = text.rfind("\n", 0, a) + 1
        length = a - line_start + joined
        joined = 0
        if a <= body_start:
            continue
        prev = text[a - 1] if a > 0 else ""
        nxt = text[b] if b < len(text) else ""
        # a short line is a heading, not a broken paragraph; the length counts what was
        # joined before, so a second pass makes the same decisions (idempotent)
        if (prev and prev not in _FINAL and (is_cjk(prev) or prev in "，、") and nxt and prev != "摄"
                and (is_cjk(nxt) or nxt in "“") and length >= 20 and not opens_with_dateline(text, b)):
            edits.append((a, b, ""))
            joined = length
    return edits


def normalise(original: str, source: str = "", meta: dict | None = None) -> Document:
    """Build the Document of an article's text."""
    text, offsets = _char_pass(original)
    # issue 6 (added by the inputs helper): traditional text is extracted in simplified form;
    # to_simplified keeps length and positions, so `offsets` stays valid and spans read the original
    text = to_simplified(text)
    # continuation markers, then photo credits run into the next caption
    edits = [(m.start(), m.end(), "") for m in _CONTINUATION.finditer(text)]
    text, offsets = _apply(text, offsets, edits)
    # (the credit pattern backtracks at every run of Chinese characters: only where 摄 is)
    edits = [(m.end(), m.end(), "\n") for m in _PHOTO_CREDIT.finditer(text)] if "摄" in text else []
    text, offsets = _apply(text, offsets, edits)
    text, offsets = _apply(text, offsets, _drop_inner_spaces(text))
    body = _body_start(text)
    text, offsets = _apply(text, offsets, _rejoin(text, body))
    # collapse runs of blank lines, keeping a single newline
    edits = [(m.start() + 1, m.end(), "") for m in re.finditer(r"\n{2,}", text)]
    text, offsets = _apply(text, offsets, edits)
    lead = len(text) - len(text.lstrip("\n "))
    text, offsets = text[lead:], offsets[lead:]
    # last, so that neighbours are final: half-width punctuation next to Chinese becomes
    # the full-width form the patterns expect (one character for one, offsets unchanged)
    text = _HALF.sub(_full_width, text)
    offsets.append(len(original))
    doc = Document(original=original, text=text, offsets=offsets, source=source, meta=dict(meta or {}))
    doc.body_start = _body_start(text)
    doc.leads, doc.bylines = find_leads(text)
    return doc
