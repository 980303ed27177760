"""Reports delivered at a meeting: presenter, title as written, on whose behalf, meeting.

Four ways an article tells of a report:

- a person delivers it: `林志远代表省人民政府向大会作政府工作报告`, `受省人大常委会委托，沈宁
  作关于…的说明`, `路远作的关于…审议结果的报告`, `所作的工作报告`, `作了题为《…》的报告`;
  one `作` may deliver two (`作关于甲的说明和关于乙的说明`);
- a person delivers it untitled: `丁某作报告`, `王某代表…常务委员会，向大会报告工作` (the
  title is then the one the article gives the same report elsewhere, if any, else none);
- the meeting hears it, from a body or from nobody named: `会议听取了省人大常委会主任会议关于
  …的说明和关于…起草情况的说明`, `听取和审议政协…常务委员会工作报告`;
- a body presents it anywhere: `国务院关于…的报告`.

The body a report speaks for is resolved to its canonical name (kg.extract.report_bodies).
The same report told twice (in the headline and the body, heard and delivered) is one
report: the person's, with the body the other telling names.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from kg.extract import report_merge, report_text
from kg.extract.context import Context
from kg.extract.facts import ArticleFacts, Report
from kg.extract.report_bodies import Bodies
from kg.text.document import Document

#: the facts this extractor reads, and those it adds (kg.pipeline checks the order)
NEEDS = ("participations", "people", "organizations", "meetings")
ADDS = ("reports",)

_KIND = r"(?:报告|说明|汇报)"
#: 作 that delivers (not 作 of 工作, 合作 …), the test after it: a pattern opening with 作 is
#: searched 作 to 作, not at every position
_DELIVER_VERB = r"作(?<![工合创写操动制协运著振]作)"
#: 作 and the report(s) it delivers: one title up to its report word (关于…的说明 up to the
#: 的说明 closing it), then more joined by 和 / 及 / 、 that open with 关于, or with the body
#: presenting them (作关于甲的说明和省人大常委会关于乙的说明)
_C = r"[^，。；！？\s]"
_DELIVER = re.compile(rf"{_DELIVER_VERB}(?:了|的)?(?P<title>(?:关于{_C}{{1,120}}?的{_KIND}|{_C}{{0,120}}?{_KIND})"
                      rf"(?:(?:和|及|、|以及)[^，。；！？\s关]{{0,30}}关于{_C}{{1,120}}?的{_KIND})*)")
_QUOTED = re.compile(rf"{_DELIVER_VERB}了?题为[《“](?P<title>[^》”\n]{{2,80}})[》”]的(?:[^，。；]{{0,6}}?)报告")
#: 向大会报告工作, 向大会报告…提案工作情况: a report delivered without its title
_REPORT_VERB = re.compile(r"向(?:大会|会议|全会|全体会议|常委会)报告(?P<what>[^，。；！？\s]{0,40}?(?:工作|情况))(?=[，。；！？\s]|$)")
#: what sits between a presenter and the verb: 受…委托, 代表…, 向大会, 在会上, 所 (所作的)
_FRAME = re.compile(r"(?:同志)?(?:受[^。；]{2,40}?委托[，,]?)?(?:代表(?P<body>[^，。；]{2,40}?)[，,]?)?"
                    r"(?:在[^，。；]{0,20}?上[，,]?)?(?:向[^，。；]{1,12}?)?(?:就(?P<matter>[^，。；]{2,60}?))?(?:分别)?所?")
_FRAME_REACH = 200
#: matters too vague to title a report (就有关议题作了说明)
_VAGUE = re.compile(r"^(?:有关|相关|上述|这些|此|这)")
#: 委托 right before a person, with no 受 opening its clause: the person is entrusted
_ENTRUSTS = re.compile(r"(?:^|[，。；])[^受，。；]*委托$")
_ON_BEHALF = re.compile(r"受(?P<body>[^，。；]{2,30}?)(?:的)?委托")
_SPLIT = re.compile(r"(?<=报告|说明|汇报)(?:[和及、，]|以及)")
#: titles that name no report: 作报告, 作专题报告, 作有关说明
_UNTITLED = re.compile(rf"^(?:有关|相关|专题|辅导|主旨|宣讲|形势|学术|主题)?{_KIND}$")
#: untitled deliveries kept: a report or an explanation (作了说明); a briefing (作了汇报) is no
#: report of the meeting
_UNTITLED_KEPT = re.compile(r"(?:报告|说明)$")
_TWO_UNTITLED = re.compile(rf"^{_KIND}[和及、]{_KIND}")
#: verbs of a meeting hearing reports; 审议通过 / 审议批准 adopt documents instead
#: (not 拟提请审议的…, 将审议…: reports to come)
_HEARD = re.compile(r"(?<![将拟请待要])(?:书面)?(?:听取|审议|审查)(?:[和并、]?(?:审议|讨论|审查))?(?!通过|批准|的)了?")
_AT_MEETING = ("列席", "出席", "参加", "在")
_HEARD_VERBS = ("听取", "审议", "审查")  # one of them is in every match of _HEARD
_FUTURE = re.compile(r"[将拟](?:要)?(?:听取|审议|审查)")
_LEAD_VERB = re.compile(r"^(?:(?:听取|审议|审查|讨论)[和并]?)+了?")
_GROUPS = re.compile(r"代表们|委员们|代表团|分组|小组|团组|与会人员|与会同志")
_SITTING = re.compile(r"会上|会议|大会|全会|开幕会|闭幕会")
_AGENDA = re.compile(r"议程[^，。；]{0,4}[：:]|议程(?:是|为|有|包括)")
_BILL = re.compile(r"关于[^，。；！？\s]{2,120}?的议案")
_BILL_REACH = 300  # characters before an untitled explanation searched for its bill
_ABOUT = re.compile(rf"关于[^，。；！？\s]{{1,120}}?的{_KIND}")
_WORK_REPORT = re.compile(r"[^，。；、和及]{0,40}工作报告")
_SITUATION = re.compile(r"[^，。；、和及《》]{2,40}?情况的?报告")
#: how groups deliberated (各代表团审议情况的报告): a briefing on the sitting, no report to it
_DELIBERATION = re.compile(r"(?:审议|讨论|酝酿|分组)情况")
_NAMED = re.compile(r"^《([^《》]{4,})》的?(?:工作)?报告$")
_QUOTES = "《》“”\"「」"


def _clean(title: str) -> str:
    """A title as written, without the 了/的 and quotes around it (《政府工作报告》)."""
    title = title.lstrip("了的")
    if title[:1] in "《“" and not re.search("[》”]", title[1:]):
        title = title[1:]  # 作《政府工作报告》: the closing quote is past the report word
    if title[:1] in "《“" and title[-1:] in "》”" and not re.search("[《“》”]", title[1:-1]):
        title = title[1:-1]
    named = _NAMED.match(title)
    return named.group(1) if named else title  # 所作的《…》工作报告: the title is the quoted one


class _Finder:
    """The state one article's extraction shares: its text, mentions and bodies."""

    def __init__(self, doc: Document, ctx: Context, facts: ArticleFacts) -> None:
        self.doc, self.text, self.facts = doc, doc.text, facts
        self.bodies = Bodies(ctx, facts, doc.text)
        self.mentions = facts.person_mentions()
        self.mention_ends = [b for _a, b, _n in self.mentions]
        main = facts.main_meeting
        self.main = main.name if main else None
        # people the participation extractor saw deliver a report
        self.reported = {p.person for p in facts.participations if p.kind == "reported"}
        self.spans = {name: m.spans for name, m in facts.meetings.items()}
        self.meeting_spans = sorted((a, b, name) for name, m in facts.meetings.items() for a, b in m.spans)
        self.out: list[Report] = []
        self.unresolved: set[int] = set()  # ids of reports whose stated body did not resolve

    def presenter(self, s: int, pos: int) -> tuple[str, re.Match | None] | None:
        """The person a verb at `pos` in a sentence from `s` has as its subject: the last one
        named before it, when what stands between is a presenter's frame (受…委托, 代表…,
        向大会), or when the participation extractor saw that person report."""
        k = bisect_left(self.mention_ends, pos + 1) - 1
        while k >= 0 and self.mentions[k][1] > pos:
            k -= 1
        if k < 0 or self.mentions[k][0] < s:
            return None
        a, b, name = self.mentions[k]
        if _ENTRUSTS.search(self.text, max(s, a - 40), a):
            return None  # 委托某某向大会作报告: a report to be delivered, not one delivered
        # no frame is longer than this; a longer gap is read no further (a sentence of many
        # 作 would otherwise be matched from each mention again)
        frame = _FRAME.fullmatch(self.text, b, pos) if pos - b <= _FRAME_REACH else None
        if frame is None and name not in self.reported:
            return None
        return name, frame

    def person_ending_at(self, pos: int) -> str | None:
        """The person named right before `pos`, or None."""
        k = bisect_left(self.mention_ends, pos)
        return self.mentions[k][2] if k < len(self.mentions) and self.mention_ends[k] == pos else None

    def heard_at(self, s: int, pos: int) -> str | None:
        """The meeting a report told at `pos` is delivered at: one the sentence (from `s`)
        names before (`列席省人代会，听取政府工作报告`, `在十四次会议上作…`), else the main
        one; a meeting named in the title after `pos` (`…二次会议以来提案工作情况的报告`
        at the third session) is not where it is delivered."""
        s = max(s, self.text.rfind("；", s, pos) + 1)  # the clause: 议程：审议甲…；审议乙…
        k = bisect_left(self.meeting_spans, (pos,)) - 1
        while k >= 0 and self.meeting_spans[k][1] > pos:
            k -= 1
        if k < 0 or self.meeting_spans[k][0] < s:
            return self.main
        a, b, name = self.meeting_spans[k]
        # the meeting opens the clause or is where one attends (列席…会议，听取; 在…会议上作),
        # and the verb follows closely: not 落实…全会部署，听取
        opens = a == s or self.text[a - 1] in "，：\n" or self.text.endswith(_AT_MEETING, s, a)
        gap = self.text[b:pos]
        return name if opens and len(gap) <= 12 and not re.search("[。；]", gap) else self.main


def extract(doc: Document, ctx: Context, facts: ArticleFacts) -> None:
    """Add each report delivered at the article's meetings."""
    f = _Finder(doc, ctx, facts)
    untitled: list[tuple[Report, str]] = []
    own = report_text.find(doc, facts, f.bodies.resolve)
    if own is not None:  # the article is the report itself (a government work report's text)
        f.out.append(own)
    for s, e in doc.sentences():
        _delivered(f, s, e, untitled)
        _heard(f, s, e)
    _body_reports(f)
    facts.reports.extend(report_merge.merge(f, untitled))


def _delivered(f: _Finder, s: int, e: int, untitled: list[tuple[Report, str]]) -> None:
    """Reports a person delivers in the sentence [s, e)."""
    text, last_end = f.text, -1
    found_all = []
    if text.find("作", s, e) >= 0:  # both patterns' verb
        found_all = [(m.start(), 0, m) for m in _QUOTED.finditer(text, s, e)]
        found_all += [(m.start(), 1, m) for m in _DELIVER.finditer(text, s, e)]
    for _start, _order, m in sorted(found_all, key=lambda x: x[:2]):  # a quoted title first
        if m.start() < last_end:
            continue
        last_end = m.end()
        found = f.presenter(s, m.start())
        if found is None:
            continue
        person, frame = found
        body, stated = _stated_body(f, s, m.start(), frame)
        raw = m.group("title")
        if m.re is _DELIVER and _TWO_UNTITLED.match(_clean(raw) + text[m.end():m.end() + 3]):
            continue  # 作报告和说明: how many, and which, is not said
        a, b = m.span("title")
        parts = [(a, raw)] if m.re is _QUOTED else _parts(text, a, b)
        for pos, part in parts:
            r = _part_report(f, s, m, frame, person, body, pos, part)
            if m.re is _DELIVER and _UNTITLED.match(r.title):
                if not _title_untitled(f, s, frame, r, body):
                    continue
                if r.title is not None:  # titled from the sentence: its body is the one said
                    f.out.append(r)
                    continue
                untitled.append((r, ""))
            else:
                f.out.append(r)
            if stated and r.on_behalf_of is None:
                f.unresolved.add(id(r))
    for m in _REPORT_VERB.finditer(text, s, e):
        found = f.presenter(s, m.start())
        if found is not None:
            person, frame = found
            body, _stated = _stated_body(f, s, m.start(), frame)
            untitled.append((Report(None, person, False, body, f.heard_at(s, m.start()), (s, m.end())),
                             m.group("what")))


def _part_report(f: _Finder, s: int, m: re.Match, frame: re.Match | None, person: str,
                 body: str | None, pos: int, part: str) -> Report:
    """The report of one part of a delivered title (作A和B: two), told at the sitting the
    sentence names before the verb."""
    title = _clean(part)
    lead = re.match(r"[^关]{0,40}?(?=关于)", title)
    part_body = body
    if lead and lead.group(0):  # 刘某作的…说明和省人大常委会关于…的说明: the title keeps its body
        part_body = f.bodies.resolve(lead.group(0), pos + part.find("关于")) or body
    span = (m.start(), pos + len(part))
    # a meeting named in the matter (就常委会第九次会议议程作汇报) is not where it is told
    told_at = frame.start("matter") if frame is not None and frame.group("matter") else m.start()
    return Report(title, person, False, part_body, f.heard_at(s, told_at), span)


def _title_untitled(f: _Finder, s: int, frame: re.Match | None, r: Report, body: str | None) -> bool:
    """Title a report delivered as a bare 作了报告/说明 from what the sentence says it is about:
    the matter of 就…作 (关于…的报告), the bill named just before (its 说明), else none
    (`r.title` None, to be matched later). False when it is no report kg keeps (a briefing)."""
    title = r.title
    matter = frame.group("matter") if frame is not None else None
    if matter and not _VAGUE.match(matter) and _UNTITLED_KEPT.search(title):
        # 就草案审议结果作了报告: 关于草案审议结果的报告 (a briefing, 汇报, stays none)
        r.title = f"关于{matter}的{title[-2:]}"
        return True
    if not _UNTITLED_KEPT.search(title):
        return False
    bill = _bill_before(f, s) if title.endswith("说明") else None
    if bill:  # 国务院提出了关于…的议案。受国务院委托，某某作了说明: the bill's explanation
        r.title, r.on_behalf_of = bill + "的说明", body
        return True
    r.title, r.on_behalf_of = None, body
    return True


def _bill_before(f: _Finder, s: int) -> str | None:
    """The bill (`关于…的议案`) the sentence before `s` in its paragraph names, if any."""
    a = max(f.text.rfind("\n", 0, s) + 1, s - _BILL_REACH)
    bills = [m.group(0) for m in _BILL.finditer(f.text, a, s)]
    return bills[-1] if bills else None


def _stated_body(f: _Finder, s: int, pos: int, frame: re.Match | None) -> tuple[str | None, bool]:
    """The body a presenter speaks for (代表… in the frame, else 受…委托 in the sentence), and
    whether the article states one (resolved or not)."""
    if frame is not None and frame.group("body"):
        body = f.bodies.resolve(frame.group("body"), frame.end("body"))
        if body:
            return body, True
    ob = None
    for found in _ON_BEHALF.finditer(f.text, max(s, pos - _FRAME_REACH), pos):
        ob = found  # the last one before the verb
    if ob is None:
        return None, bool(frame is not None and frame.group("body"))
    return f.bodies.resolve(ob.group("body"), ob.end("body")), True


def _heard(f: _Finder, s: int, e: int) -> None:
    """Reports a meeting hears in the sentence [s, e): the objects of 听取 / 审议 / 审查."""
    text = f.text
    if all(text.find(w, s, e) < 0 for w in _HEARD_VERBS):
        return  # no verb of hearing: most sentences
    # what the sentence says once, read against each verb by position
    future = _FUTURE.search(text, s, e)
    agenda = _AGENDA.search(text, s, e)
    group = _GROUPS.search(text, s, e)
    deputies = group is not None and not _SITTING.search(text, s, group.start())
    # where objects split (after a report word) and where clauses end, found once: a sentence
    # of thousands of verbs is not searched again from each
    splits = [(m.start(), m.end()) for m in _SPLIT.finditer(text, s, e)]
    split_starts = [a for a, _ in splits]
    ends = [m.start() for m in _CLAUSE_END.finditer(text, s, e)] + [e]
    for v in _HEARD.finditer(text, s, e):
        if future and future.start() < v.start():
            break  # 将审议政府工作报告，审议…: an agenda still to come
        if agenda and agenda.end() <= v.start():
            continue  # 大会的主要议程：听取和审议…: the agenda names them, their delivery is told apart
        if deputies and group.end() <= v.start():
            continue  # 代表们认真审议政府工作报告: deputies discussing it, not the sitting hearing it
        meeting = f.heard_at(s, v.start())
        stop = ends[bisect_left(ends, v.end())]
        pos = v.end()
        while pos < stop:
            k = bisect_left(split_starts, pos)
            part_end = min(split_starts[k], stop) if k < len(splits) else stop
            if part_end - pos > _MAX_OBJECT:
                break  # longer than any title: no report
            item = _heard_item(f, pos, text[pos:part_end], meeting)
            if item is None:
                break  # the list ends where an object is no report
            if isinstance(item, list):
                f.out.extend(item)
            elif item is not False:
                f.out.append(item)
            pos = splits[k][1] if k < len(splits) and part_end == split_starts[k] else stop


#: where a verb's objects end: the sentence's end, its first `；`, or a space (between the
#: parts of a headline)
_CLAUSE_END = re.compile(r"[；\s]")
_MAX_OBJECT = 200  # characters of one object of 听取 that can still be a report's title


def _parts(text: str, a: int, b: int) -> list[tuple[int, str]]:
    """text[a:b] (a delivered title, bounded) cut after each report word followed by 和 / 及 /
    、 (several reports delivered at once), as (start, part)."""
    out, pos = [], a
    for m in _SPLIT.finditer(text, a, b):
        out.append((pos, text[pos:m.start()]))
        pos = m.end()
    out.append((pos, text[pos:b]))
    return out


def _bodies(f: _Finder, written: str, end: int) -> list[str]:
    """The bodies of `甲委员会、乙委员会` ending at `end`: the first resolved, the others as
    parts of the same parent (全国人大民族委员会、法律委员会); [] unless all resolve."""
    parts = written.split("、")
    first = f.bodies.resolve(parts[0], end - len(written) + len(parts[0]))
    if first is None or not all(p.endswith(("委员会", "委")) for p in parts):
        return []
    own = parts[0]
    k = len(own)
    while k > 0 and not first.endswith(own[-k:]):
        k -= 1
    parent = first[:len(first) - k] if k >= 2 else None
    if parent is None or parent == first:
        return []
    return [first] + [parent + p for p in parts[1:]]


def _heard_item(f: _Finder, a: int, part: str, meeting: str | None) -> Report | list[Report] | bool | None:
    """The report one object of 听取 names; False for one a person delivers (read by
    `_delivered`), None for an object that is no report."""
    lead = _LEAD_VERB.sub("", part.lstrip("了和及、，"))
    a += len(part) - len(lead)
    lead = lead.rstrip("。！？；，")
    if not re.search(rf"{_KIND}$", lead):
        return None
    if re.search(_DELIVER_VERB, lead) or "所作" in lead:
        return False
    m = _ABOUT.search(lead)
    if m and m.end() == len(lead):
        title = _clean(lead[m.start():])
        person = f.person_ending_at(a + m.start())
        if person is not None:  # 听取了大会秘书长某某关于…的说明: a person's report
            return Report(title, person, False, None, meeting, (a, a + len(lead)))
        before = re.split(r"[，和及]", lead[:m.start()])[-1]
        bodies = _bodies(f, before, a + m.start()) if "、" in before else []
        if len(bodies) > 1:  # 分别听取了民族委员会、法律委员会关于…的报告: one report each
            return [Report(title, b, True, b, meeting, (a, a + len(lead))) for b in bodies]
        body_written = before.split("、")[-1]  # 供职发言、关于…的报告
        body = f.bodies.resolve(body_written, a + m.start()) if body_written else None
        if body_written and body is None and not f.bodies.plausible(body_written):
            return None  # 关于省人民政府工作报告、…和关于…修改情况的说明: one object, split wrong
    elif _WORK_REPORT.fullmatch(lead) and not lead.startswith("关于"):
        title = _clean(lead)
        body_written = re.sub(r"工作报告$", "", title)
        body = f.bodies.resolve(body_written, a + len(lead) - 4) if body_written else None
        if body is None and body_written not in ("", "政府") and not f.bodies.plausible(body_written):
            return None  # 4个专项工作报告: a count of reports, not one
    elif _SITUATION.fullmatch(lead) and not lead.startswith(("关于", "各")) and not _DELIBERATION.search(lead):
        # 听取全市民政工作情况报告 (a headline's short title): the title as written, from the
        # body that opens it if one does (市中级人民法院行政审判工作情况报告)
        title, body = _clean(lead), _opening_body(f, a, lead)
    else:
        return None
    return Report(title, body, body is not None, body, meeting, (a, a + len(lead)))


def _opening_body(f: _Finder, a: int, lead: str) -> str | None:
    """The body a report's title at `a` opens with, the longest that resolves, if any."""
    for n in range(min(len(lead) - 4, 24), 1, -1):
        body = f.bodies.resolve(lead[:n], a + n)
        if body:
            return body
    return None


def _body_reports(f: _Finder) -> None:
    """Reports a named body presents anywhere: 国务院关于…的报告 (not 关于…的报告的决议)."""
    text = f.text
    for m in _ABOUT.finditer(text, f.doc.body_start):
        if text.startswith(("的决议", "的决定"), m.end()):
            continue
        org = f.bodies.ending_at(m.start())
        if org is not None:
            f.out.append(Report(_clean(m.group(0)), org, True, org, f.main, m.span()))
