"""The kinds of numbered meetings and the canonical full name of each.

A numbered meeting is named by its body, term (届) and ordinal (次); each kind of body has one
canonicaliser, shared by the national, provincial and municipal bodies: (term, session,
standing committee?, place) -> (canonical name, body). kg.extract.meeting_grammar finds the
written forms; this module writes the names:

- 山西省第十四届人民代表大会第二次会议 / 聊城市第十八届人民代表大会第一次会议
- 中国人民政治协商会议第十二届浙江省委员会第五次会议 (the term before the place, as the
  official name writes it)
- 中国共产党四川省第十一届委员会第十一次全体会议, and its standing committee's sessions
  (中国共产党海安县第十二届委员会常务委员会第五十七次会议)
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.text.numerals import to_chinese


def cn(n: int | None) -> str:
    return to_chinese(n) if n is not None else ""


@dataclass(frozen=True)
class Kind:
    """One kind of numbered meeting: templates of its name and its body over {t} (term), {s}
    (ordinal), {w} (place) and {sc} (the written tail: 常务会议, 全体会议), the name and body of
    its standing committee's sessions where it has one, and the name of a congress meeting
    again in its term (第N次代表大会第M次会议)."""

    name: str
    body: str
    needs_term: bool
    needs_place: bool
    sc_name: str | None = None
    sc_body: str | None = None
    again: str | None = None

    def __call__(self, t: int | None, s: int | None, sc: bool | str, w: str | None) -> tuple[str, str]:
        """(canonical name, body) of the sitting; `sc` True for a standing committee's."""
        f = {"t": cn(t), "s": cn(s), "w": w or "", "sc": sc if isinstance(sc, str) else ""}
        if sc is True and self.sc_name and self.sc_body:
            return self.sc_name.format(**f), self.sc_body.format(**f)
        if s and self.again:
            return self.again.format(**f), self.body.format(**f)
        return self.name.format(**f), self.body.format(**f)


_CPPCC = "中国人民政治协商会议"
_CPC = "中国共产党"

#: kind -> its names (kg.extract.meeting_grammar reads the written forms of each)
KINDS: dict[str, Kind] = {
    "npc": Kind("中华人民共和国第{t}届全国人民代表大会第{s}次会议", "全国人民代表大会", True, False,
                "第{t}届全国人民代表大会常务委员会第{s}次会议", "全国人民代表大会常务委员会"),
    "cppcc": Kind(_CPPCC + "第{t}届全国委员会第{s}次会议", _CPPCC + "全国委员会", True, False,
                  _CPPCC + "第{t}届全国委员会常务委员会第{s}次会议", _CPPCC + "全国委员会常务委员会"),
    "lnpc": Kind("{w}第{t}届人民代表大会第{s}次会议", "{w}人民代表大会", True, True,
                 "{w}第{t}届人民代表大会常务委员会第{s}次会议", "{w}人民代表大会常务委员会"),
    "lcppcc": Kind(_CPPCC + "第{t}届{w}委员会第{s}次会议", _CPPCC + "{w}委员会", True, True,
                   _CPPCC + "第{t}届{w}委员会常务委员会第{s}次会议", _CPPCC + "{w}委员会常务委员会"),
    "congress": Kind(_CPC + "第{t}次全国代表大会", _CPC, True, False),
    "plenum": Kind(_CPC + "第{t}届中央委员会第{s}次全体会议", _CPC + "中央委员会", True, False),
    "ccdi": Kind(_CPC + "第{t}届中央纪律检查委员会第{s}次全体会议", _CPC + "中央纪律检查委员会", True, False),
    "lccdi": Kind(_CPC + "{w}第{t}届纪律检查委员会第{s}次全体会议", _CPC + "{w}纪律检查委员会", True, True),
    "lplenum": Kind(_CPC + "{w}第{t}届委员会第{s}次全体会议", _CPC + "{w}委员会", True, True),
    "lcongress": Kind(_CPC + "{w}第{t}次代表大会", _CPC + "{w}委员会", True, True,
                      again=_CPC + "{w}第{t}次代表大会第{s}次会议"),
    "lsc": Kind(_CPC + "{w}第{t}届委员会常务委员会第{s}次会议", _CPC + "{w}委员会常务委员会", True, True),
    "council_npc": Kind("第{t}届全国人民代表大会常务委员会第{s}次委员长会议", "全国人民代表大会常务委员会",
                        True, False),
    "council_cppcc": Kind(_CPPCC + "第{t}届全国委员会第{s}次主席会议", _CPPCC + "全国委员会", True, False),
    "lcouncil_npc": Kind("{w}第{t}届人民代表大会常务委员会第{s}次主任会议", "{w}人民代表大会常务委员会",
                         True, True),
    "lcouncil_cppcc": Kind(_CPPCC + "第{t}届{w}委员会第{s}次主席会议", _CPPCC + "{w}委员会", True, True),
    # a government's executive and plenary meetings recur: one name, the ordinal its session
    "state_council": Kind("国务院{sc}", "中华人民共和国国务院", False, False),
    "study": Kind("中共中央政治局第{s}次集体学习", _CPC + "中央委员会政治局", False, False),
    "lpartyconf": Kind(_CPC + "{w}代表会议", _CPC + "{w}委员会", False, True),
    "lgov": Kind("{w}人民政府{sc}", "{w}人民政府", False, True),
}


def valid(kind: str, t: int | None, s: int | None) -> bool:
    """Ordinals a body of the kind can have (a party congress 7-40, a plenum 1-12 …)."""
    if kind == "congress":
        return t is not None and 7 <= t <= 40
    if kind in ("plenum", "ccdi"):
        return s is not None and 1 <= s <= 12 and (t is None or 1 <= t <= 40)
    if kind in ("lplenum", "lccdi"):  # a county's committee meets in plenum more often than the Central Committee
        return s is not None and 1 <= s <= 30 and (t is None or 1 <= t <= 40)
    if kind == "lcongress":
        return t is not None and 1 <= t <= 30
    return s is not None or kind in ("npc", "cppcc", "lpartyconf")
