"""One report for each report an article tells: kg.extract.reports finds every telling (a
delivery, a hearing, a body's report, an untitled delivery); this module makes them one.

- a person's report wins over a body's or nobody's of the same title, or of the same title
  with its body written before it (市委常委会工作报告 heard, 工作报告 delivered), and takes
  the body it names;
- an untitled delivery (`向大会报告…提案工作情况`) takes the title the article gives the
  same report elsewhere (a heard one of the same body and matter), else stays untitled, and
  is left out when its presenter has a titled report;
- reports of one title from several bodies stay several (民族委员会、法律委员会关于…的报告);
- a work report's title names its body (政协某省委员会常务委员会工作报告), and the
  government work report of a congress is its government's (`government_of`).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from kg.extract.facts import Report
from kg.extract.report_bodies import government_of

_QUOTES = "《》“”\"「」"


def key(title: str | None) -> str:
    """A title compared without quotes, brackets and spaces."""
    return re.sub(rf"[{_QUOTES}（）()\s]", "", title or "")


def merge(f, untitled: list[tuple[Report, str]]) -> list[Report]:
    """The reports of `f.out` and `untitled` (with what each untitled one is about), one each."""
    people, others = _by_presenter(f.out)
    others = _fold_untitled(people, _one_per_body(others), untitled)
    others = [o for o in others if not _told_by_a_person(f, o, people.values())]
    _people_bodies(f, list(people.values()))  # the mandate said apart comes before a title's body
    _work_report_bodies(f, people.values())
    others = [o for o in others if not _same_work_report(o, people.values())]
    out = [*people.values(), *others]
    for r in out:
        if r.on_behalf_of is None and key(r.title) == "政府工作报告" and id(r) not in f.unresolved:
            r.on_behalf_of = government_of(f.facts, r.meeting)
    return sorted(out, key=lambda r: (r.span, key(r.title), r.presenter or ""))


def _by_presenter(reports: list[Report]) -> tuple[dict[tuple[str, str], Report], list[Report]]:
    """A person's reports one per (person, title), the body of a twice-told one kept; the
    reports of bodies and of nobody apart."""
    people: dict[tuple[str, str], Report] = {}
    others: list[Report] = []
    for r in reports:
        if r.presenter and not r.presenter_is_org:
            old = people.setdefault((r.presenter, key(r.title)), r)
            old.on_behalf_of = old.on_behalf_of or r.on_behalf_of
        else:
            others.append(r)
    return people, others


def _fold_untitled(people: dict[tuple[str, str], Report], others: list[Report],
                   untitled: list[tuple[Report, str]]) -> list[Report]:
    """Add each untitled report to `people`, titled by the heard report it is the same as
    (which leaves `others`); a presenter who delivered a titled one adds none. Returns the
    others left."""
    others = list(others)
    for r, what in untitled:
        if any(p == r.presenter for p, _k in people):
            continue
        same = _same_report(others, r, what) if what else None
        if same is not None:
            r.title = same.title
            r.on_behalf_of = r.on_behalf_of or same.on_behalf_of
            others.remove(same)
        elif what == "工作" and r.title is None:
            r.title = work_report_title(r.on_behalf_of)  # 代表…常务委员会，向大会报告工作
        people.setdefault((r.presenter, key(r.title)), r)
    return others


def work_report_title(body: str | None) -> str | None:
    """The title of the work report a government or a standing committee delivers untitled
    (向大会报告工作, 作工作报告): a government's is the 政府工作报告, a CPPCC committee's is its
    常务委员会工作报告 (the agenda's name at every level), a congress's standing committee's
    is named after it (浙江省人民代表大会常务委员会工作报告); any other body, no title (a party
    committee's stays 工作报告 as written)."""
    if body and body.endswith(("人民政府", "行政公署", "国务院")):
        return "政府工作报告"  # 代表州人民政府向大会报告工作: a government's work report to its congress
    if not body or not body.endswith("常务委员会"):
        return None
    if body.startswith("中国人民政治协商会议"):
        return "常务委员会工作报告"
    return body + "工作报告" if body.endswith("人民代表大会常务委员会") else None


def _work_report_bodies(f, people) -> None:
    """政协某省委员会常务委员会工作报告: the title names whose report it is, when that body is
    the meeting's own or its part (a short form resolves nationally: 政协常委会)."""
    for p in people:
        if key(p.title) == "工作报告" and (title := work_report_title(p.on_behalf_of)):
            p.title = title  # 受…常务委员会委托，作工作报告
        if p.on_behalf_of is None and p.title and p.title.endswith("工作报告") and not p.title.startswith("关于"):
            body = f.bodies.resolve(p.title[:-4], p.span[1] - 4)
            held = f.facts.meetings.get(p.meeting) if p.meeting else None
            if body and held and held.body and body.startswith(held.body):
                p.on_behalf_of = body


def _one_per_body(reports: list[Report]) -> list[Report]:
    """One report per (title, body): a nobody's report of a title some body presents is that
    body's; several bodies' reports of one title stay several."""
    by_title: dict[str, list[Report]] = {}
    for r in reports:
        by_title.setdefault(key(r.title), []).append(r)
    out = []
    for group in by_title.values():
        bodies = {}
        for r in group:
            bodies.setdefault(r.presenter, r)
        if len(bodies) > 1:
            bodies.pop(None, None)
        out += bodies.values()
    return out


def _told_by_a_person(f, o: Report, people) -> bool:
    """Whether a body's or nobody's report `o` is one a person delivered (and give its body to
    the person's)."""
    k = key(o.title)
    for p in people:
        pk = key(p.title)
        if pk and pk.endswith(k) and p.on_behalf_of == o.on_behalf_of and o.meeting == p.meeting:
            return True  # 刘某作的省人大常委会关于…的说明, heard as 省人大常委会关于…的说明
        if pk and k.endswith(pk) and (k == pk or _told_again(f, k[:-len(pk)], o, p)):
            p.on_behalf_of = p.on_behalf_of or o.on_behalf_of
            if pk == "工作报告":  # 作工作报告, heard as 政协…常务委员会工作报告: the heard title says whose
                p.title = o.title
            return True
    return False


def _same_work_report(o: Report, people) -> bool:
    """十二届省政协常委会工作报告 heard, 政协…常务委员会工作报告 delivered: one body's work report."""
    return bool(o.title.endswith("工作报告") and o.on_behalf_of and o.meeting and any(
        p.title and p.title.endswith("工作报告") and "关于" not in p.title
        and p.on_behalf_of == o.on_behalf_of and p.meeting == o.meeting for p in people))


def _told_again(f, written_body: str, heard: Report, delivered: Report) -> bool:
    """Whether a heard `{written_body}{title}` is the report a person delivered as `title`:
    the body written before it is the one the person speaks for, or reads as a body the
    article could not resolve while the person's is unknown too."""
    if heard.meeting and delivered.meeting and heard.meeting != delivered.meeting:
        return False
    if key(delivered.title) == "政府工作报告":
        return True  # 市人民政府工作报告, 省政府工作报告: the government's, whichever its name
    if heard.on_behalf_of is not None and delivered.on_behalf_of is not None:
        return heard.on_behalf_of == delivered.on_behalf_of
    return f.bodies.plausible(written_body) or heard.on_behalf_of is not None


def _same_report(others: list[Report], r: Report, what: str) -> Report | None:
    """The one heard report an untitled `向大会报告{what}` is: same body, same matter."""
    core = what.rsplit("的", 1)[-1]
    found = [o for o in others
             if (r.on_behalf_of is None or o.on_behalf_of == r.on_behalf_of)
             and (o.title.endswith("工作报告") and "关于" not in o.title if core == "工作" else core in o.title)]
    return found[0] if len(found) == 1 else None


def _people_bodies(f, reports: list[Report]) -> None:
    """周明远代表…常务委员会，向大会报告工作: the body a presenter speaks for, said apart from
    the report (the headline gives the title, the body the mandate)."""
    want = {r.presenter for r in reports if r.presenter and not r.presenter_is_org and r.on_behalf_of is None}
    if not want:
        return
    found: dict[str, str] = {}
    for m in re.finditer(r"代表(?P<body>[^，。；]{2,30}?)(?:，|向)", f.text):
        k = bisect_left(f.mention_ends, m.start() + 1) - 1
        if k >= 0 and f.mention_ends[k] == m.start() and f.mentions[k][2] in want:
            body = f.bodies.resolve(m.group("body"), m.end("body"))
            if body:
                found.setdefault(f.mentions[k][2], body)
    for r in reports:
        if r.presenter in found and not r.presenter_is_org and r.on_behalf_of is None:
            r.on_behalf_of = found[r.presenter]
