"""Graphs for the analysis and page tests, made from invented articles and invented names.

The facts are written by hand (not extracted), so these tests depend on the RDF mapping
only, never on how well the extractors do.
"""

from __future__ import annotations

from rdflib import Graph

from kg.extract.facts import ArticleFacts, Attendance, Credit, Goal, Meeting, Participation, Report, Role
from kg.rdf.mapping import new_graph, to_graph
from kg.text.document import normalise

MEETING = "测试省第九届人民代表大会第三次会议"
GOV = "测试省人民政府"
PAPER = "测试日报"
PEOPLE = ("甄一", "贾二", "甄三", "贾四")

ARTICLE = (
    "测试省九届人大三次会议开幕\n\n"
    "本报讯（测试日报记者 甄文明）3月5日，测试省第九届人民代表大会第三次会议在云城开幕。"
    "大会执行主席甄一主持会议。省领导贾二、甄三、贾四出席大会。"
    "本次会议应出席代表500人，出席480人，缺席20人。"
    "贾二代表测试省人民政府向大会作政府工作报告。"
    "报告提出今年的任务：一是加快发展数字经济。二是推进乡村全面振兴。\n"
)


def _span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return i, i + len(needle)


def article_facts(text: str = ARTICLE, extra_people: dict[str, str] | None = None):
    """The document and hand-written facts of the invented article (optionally with more
    people, name -> a sentence of the text that names them, who attended)."""
    doc = normalise(text, source="invented.txt")
    t = doc.text
    f = ArticleFacts()
    m = Meeting(MEETING, body="测试省人民代表大会", term=9, session=3, date="2031-03-05", city="云城", main=True)
    m.spans.append(_span(t, MEETING))
    f.meetings[MEETING] = m
    f.add_org("测试省人民代表大会", None, "legislature")
    f.add_org(GOV, _span(t, GOV), "government")
    f.add_org(PAPER, _span(t, PAPER), "media")
    f.add_place("云城", _span(t, "云城"))
    for name in PEOPLE:
        f.add_person(name, _span(t, name, t.index("大会执行主席")))
    f.add_person("甄文明", _span(t, "甄文明"))
    f.roles.append(Role("甄一", "大会执行主席", meeting=MEETING, span=_span(t, "大会执行主席甄一")))
    f.roles.append(Role("贾二", "省长", organization=GOV, span=_span(t, "贾二代表")))
    f.roles.append(Role("甄文明", "记者", organization=PAPER, span=_span(t, "记者")))
    f.participations.append(Participation("甄一", "presided", MEETING, _span(t, "甄一主持会议")))
    for name in PEOPLE[1:]:
        f.participations.append(Participation(name, "attended", MEETING, _span(t, name)))
    for name, sentence in (extra_people or {}).items():
        f.add_person(name, _span(t, name))
        f.participations.append(Participation(name, "attended", MEETING, _span(t, sentence)))
    f.participations.append(Participation("贾二", "reported", MEETING, _span(t, "贾二代表")))
    f.reports.append(Report("政府工作报告", "贾二", on_behalf_of=GOV, meeting=MEETING,
                            span=_span(t, "贾二代表测试省人民政府向大会作政府工作报告")))
    f.attendance.append(Attendance(MEETING, 500, 480, 20, _span(t, "应出席代表500人")))
    f.goals.append(Goal(0, 1, "task", 2031, _span(t, "加快发展数字经济"), "政府工作报告", True))
    f.goals.append(Goal(0, 2, "task", 2031, _span(t, "推进乡村全面振兴"), "政府工作报告", True))
    f.credits.append(Credit("甄文明", "reporter", PAPER, _span(t, "甄文明")))
    return doc, f


def invented_graph(text: str = ARTICLE, extra_people: dict[str, str] | None = None) -> Graph:
    """The RDF graph of the invented article."""
    doc, facts = article_facts(text, extra_people)
    return to_graph(doc, facts)


_SURNAMES = "甄贾赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
_GIVEN = "一二三四五六七八九十明华国文建军平安德志"


def synthetic_name(i: int) -> str:
    """An invented three-character name, distinct for each i < 34 * 20 * 20."""
    return _SURNAMES[i % 34] + _GIVEN[(i // 34) % 20] + _GIVEN[(i // 680) % 20]


def synthetic_corpus(n_articles: int, people_per_article: int = 8, population: int = 4000,
                     years: tuple[int, ...] = (), guest: str = "") -> Graph:
    """A corpus graph of invented meeting articles of the genre, for scale tests and the
    benchmark: each article has its own meeting, body, report and two goals, and people
    drawn (deterministically) from a shared population so that they recur across articles.
    With `years`, article a is dated in years[a % len(years)]; a `guest` (a name unlike the
    population's) attends the first article's meeting only."""
    g = new_graph()
    for a in range(n_articles):
        names = [synthetic_name((a * 37 + k * 101) % population) for k in range(people_per_article)]
        names = list(dict.fromkeys(names)) + ([guest] if guest and a == 0 else [])
        meeting = f"测试{a}号委员会第{a % 9 + 1}次会议"
        body = f"测试{a}号委员会"
        text = (f"{meeting}召开\n\n本报讯 {meeting}在云城召开。{names[0]}主持会议。"
                + "、".join(names[1:]) + "出席会议。"
                + f"{names[1]}代表{body}作工作报告。一是推进第{a}项工作。二是完成第{a}项任务。\n")
        doc = normalise(text, source=f"synthetic-{a}.txt")
        t = doc.text
        f = ArticleFacts()
        if years:
            f.date = f"{years[a % len(years)]}-{a % 12 + 1:02d}-15"
        m = Meeting(meeting, body=body, session=a % 9 + 1, city="云城", main=True)
        m.spans.append(_span(t, meeting))
        f.meetings[meeting] = m
        f.add_org(body, _span(t, body, t.index("代表")))
        f.add_place("云城", _span(t, "云城"))
        for k, name in enumerate(names):
            f.add_person(name, _span(t, name))
            kind = "presided" if k == 0 else "attended"
            f.participations.append(Participation(name, kind, meeting, _span(t, name)))
        f.participations.append(Participation(names[1], "reported", meeting, _span(t, f"{names[1]}代表")))
        f.reports.append(Report("工作报告", names[1], on_behalf_of=body, meeting=meeting,
                                span=_span(t, f"{names[1]}代表")))
        f.roles.append(Role(names[0], "主任", organization=body, span=_span(t, names[0])))
        f.goals.append(Goal(0, 1, "work", None, _span(t, f"推进第{a}项工作"), "工作报告", True))
        f.goals.append(Goal(0, 2, "task", None, _span(t, f"完成第{a}项任务"), "工作报告", True))
        to_graph(doc, f, g)
    return g
