"""Character-level normalisation, checked against the rule it implements, one character
at a time, on invented strings: the normaliser finds the characters with regexes (for
speed) and must decide each exactly as the rule says."""

from __future__ import annotations

import random

from kg.text.document import _HALF, _HALF_TO_FULL, _char_pass, _full_width, normalise
from kg.text.han import is_cjk

#: half-width marks, full-width letters and digits, spaces, control characters, Chinese
#: of three blocks and a supplementary-plane character (not `HAN`)
ALPHABET = "(),;:?!ab 1中文\u3400\uf900\U00020000（。\n\r\t\u3000\u00a0\x00\x0b\x85\x7fａＺ０９．％"


def _rule_marks(text: str) -> str:
    """A bracket always, another mark beside a Chinese character: its full-width form."""
    out = []
    for k, c in enumerate(text):
        near = (k > 0 and is_cjk(text[k - 1])) or (k + 1 < len(text) and is_cjk(text[k + 1]))
        out.append(_HALF_TO_FULL[c] if c in _HALF_TO_FULL and (near or c in "()") else c)
    return "".join(out)


def test_marks_become_full_width_exactly_where_the_rule_says() -> None:
    rnd = random.Random(7)
    for _ in range(3000):
        s = "".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 14)))
        assert _HALF.sub(_full_width, s) == _rule_marks(s), repr(s)


def test_char_pass_drops_controls_and_maps_the_rest_one_for_one() -> None:
    rnd = random.Random(11)
    for _ in range(3000):
        s = "".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 14)))
        text, offsets = _char_pass(s)
        assert len(text) == len(offsets)
        for ch, o in zip(text, offsets, strict=True):
            src = s[o]
            assert src not in "\x00\x0b\x85\x7f" and not (src == "\r" and s[o + 1:o + 2] == "\n")
            if "０" <= src <= "９" or "ａ" <= src <= "ｚ" or "Ａ" <= src <= "Ｚ":
                assert ch == chr(ord(src) - 0xFEE0)
            elif src in "\t\u3000\u00a0":
                assert ch == " "
            elif src == "\r":
                assert ch == "\n"
            else:
                assert ch == {"．": ".", "％": "%"}.get(src, src)


def test_an_invented_article_reads_with_full_width_marks_and_ascii_digits() -> None:
    doc = normalise("省人大常委会(第十次会议)召开,张某某出席:会期３天。Time 10:30, ok?\r\n")
    assert doc.text == "省人大常委会（第十次会议）召开，张某某出席：会期3天。Time 10:30, ok?\n"
    assert doc.original_text(0, len(doc.text)) == doc.original  # the CR of the CRLF is dropped, not lost
