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

from kg.text.numerals import to_chinese


def cn(n: int | None) -> str:
    return to_chinese(n) if n is not None else ""


def _npc(t, s, sc, w):
    if sc:
        return f"第{cn(t)}届全国人民代表大会常务委员会第{cn(s)}次会议", "全国人民代表大会常务委员会"
    return f"中华人民共和国第{cn(t)}届全国人民代表大会第{cn(s)}次会议", "全国人民代表大会"


def _cppcc(t, s, sc, w):
    body = "中国人民政治协商会议全国委员会"
    if sc:
        return f"中国人民政治协商会议第{cn(t)}届全国委员会常务委员会第{cn(s)}次会议", body + "常务委员会"
    return f"中国人民政治协商会议第{cn(t)}届全国委员会第{cn(s)}次会议", body


def _lnpc(t, s, sc, w):
    if sc:
        return f"{w}第{cn(t)}届人民代表大会常务委员会第{cn(s)}次会议", f"{w}人民代表大会常务委员会"
    return f"{w}第{cn(t)}届人民代表大会第{cn(s)}次会议", f"{w}人民代表大会"


def _lcppcc(t, s, sc, w):
    body = f"中国人民政治协商会议{w}委员会"
    if sc:
        return f"中国人民政治协商会议第{cn(t)}届{w}委员会常务委员会第{cn(s)}次会议", body + "常务委员会"
    return f"中国人民政治协商会议第{cn(t)}届{w}委员会第{cn(s)}次会议", body


def _congress(t, s, sc, w):
    return f"中国共产党第{cn(t)}次全国代表大会", "中国共产党"


def _plenum(t, s, sc, w):
    return f"中国共产党第{cn(t)}届中央委员会第{cn(s)}次全体会议", "中国共产党中央委员会"


def _ccdi(t, s, sc, w):
    return f"中国共产党第{cn(t)}届中央纪律检查委员会第{cn(s)}次全体会议", "中国共产党中央纪律检查委员会"


def _lplenum(t, s, sc, w):
    return f"中国共产党{w}第{cn(t)}届委员会第{cn(s)}次全体会议", f"中国共产党{w}委员会"


def _lsc(t, s, sc, w):
    body = f"中国共产党{w}委员会常务委员会"
    return f"中国共产党{w}第{cn(t)}届委员会常务委员会第{cn(s)}次会议", body


def _lcongress(t, s, sc, w):
    if s:  # a congress meets again in its term (中国共产党X市第十三次代表大会第二次会议)
        return f"中国共产党{w}第{cn(t)}次代表大会第{cn(s)}次会议", f"中国共产党{w}委员会"
    return f"中国共产党{w}第{cn(t)}次代表大会", f"中国共产党{w}委员会"


def _council_npc(t, s, sc, w):
    return f"第{cn(t)}届全国人民代表大会常务委员会第{cn(s)}次委员长会议", "全国人民代表大会常务委员会"


def _council_cppcc(t, s, sc, w):
    return f"中国人民政治协商会议第{cn(t)}届全国委员会第{cn(s)}次主席会议", "中国人民政治协商会议全国委员会"


def _lcouncil_npc(t, s, sc, w):
    return f"{w}第{cn(t)}届人民代表大会常务委员会第{cn(s)}次主任会议", f"{w}人民代表大会常务委员会"


def _lcouncil_cppcc(t, s, sc, w):
    return f"中国人民政治协商会议第{cn(t)}届{w}委员会第{cn(s)}次主席会议", f"中国人民政治协商会议{w}委员会"


def _state_council(t, s, sc, w):
    return f"国务院第{cn(s)}次{sc}", "中华人民共和国国务院"


def _lpartyconf(t, s, sc, w):
    return f"中国共产党{w}代表会议", f"中国共产党{w}委员会"


def _lgov(t, s, sc, w):
    return f"{w}人民政府第{cn(s)}次{sc}", f"{w}人民政府"


def _study(t, s, sc, w):
    return f"中共中央政治局第{cn(s)}次集体学习", "中国共产党中央委员会政治局"


#: kind -> (canonicaliser, needs a term, needs a place)
KINDS = {
    "npc": (_npc, True, False), "cppcc": (_cppcc, True, False),
    "lnpc": (_lnpc, True, True), "lcppcc": (_lcppcc, True, True),
    "congress": (_congress, True, False), "plenum": (_plenum, True, False), "ccdi": (_ccdi, True, False),
    "lplenum": (_lplenum, True, True), "lcongress": (_lcongress, True, True), "lsc": (_lsc, True, True),
    "council_npc": (_council_npc, True, False), "council_cppcc": (_council_cppcc, True, False),
    "lcouncil_npc": (_lcouncil_npc, True, True), "lcouncil_cppcc": (_lcouncil_cppcc, True, True),
    "state_council": (_state_council, False, False), "study": (_study, False, False),
    "lpartyconf": (_lpartyconf, False, True), "lgov": (_lgov, False, True),
}


def valid(kind: str, t: int | None, s: int | None) -> bool:
    """Ordinals a body of the kind can have (a party congress 7-40, a plenum 1-12 …)."""
    if kind == "congress":
        return t is not None and 7 <= t <= 40
    if kind in ("plenum", "ccdi"):
        return s is not None and 1 <= s <= 12 and (t is None or 1 <= t <= 40)
    if kind == "lplenum":  # a county's committee meets in plenum more often than the Central Committee
        return s is not None and 1 <= s <= 30 and (t is None or 1 <= t <= 40)
    if kind == "lcongress":
        return t is not None and 1 <= t <= 30
    return s is not None or kind in ("npc", "cppcc", "lpartyconf")
