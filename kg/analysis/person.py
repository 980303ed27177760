"""`kg person`: one person's timeline, read off the facts table (kg.graph.facts).

- Posts: every post the graph gives the person (a membership or an appointment: a row with
  a post), per post and body, with its first and last dated statement (date, headline,
  sentence), and its start and end where an appointment says so (elected or appointed to
  it; removed from it or resigned it).
- Meetings: every meeting the person took part in, with the part played (presided,
  attended, reported, spoke; a post held at it; a report presented), by date, each with
  the article's headline and date and the sentence.

The name is found as written in the graph (schema:name), in traditional characters
(converted by kg.text.script), as a form the articles write (skos:altLabel) or in pinyin
(the zh-Latn-pinyin label, spaces and tone marks aside). kg gives one node per name, so
one name may stand for two officials: when the person's posts and meetings name bodies of
two or more provinces the timeline says so (`provinces`, `homonym`), and every entry
keeps its province, so the two careers are told apart, never merged silently.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import pyoxigraph as ox

from kg.errors import KgError
from kg.graph import facts
from kg.rdf import shape
from kg.text.pinyin import ascii_fold
from kg.text.script import convert

#: appointment actions that begin a post, and those that end it (kg.rdf.shape.KINDS)
STARTS = ("elected", "appointed")
ENDS = ("removed", "resigned")

_DG = ox.DefaultGraph()
_PERSON = ox.NamedNode(str(shape.PERSON.cls))
_TYPE, _NAME, _ALT = (ox.NamedNode(str(p)) for p in (shape.TYPE, shape.NAME, shape.ALT_NAME))


@dataclass
class Statement:
    """One dated statement: when, in which article (headline, date), and the sentence."""

    date: str
    article: str
    headline: str
    article_date: str
    sentence: str


@dataclass
class Post:
    role: str
    body: str
    province: str
    statements: int
    first: Statement | None = None
    last: Statement | None = None
    start: str = ""  # the date of an election or appointment to it
    end: str = ""  # the date of a removal or resignation


@dataclass
class Meeting:
    meeting: str
    date: str
    part: str
    province: str
    statement: Statement


@dataclass
class Timeline:
    name: str  # the name in the graph
    iri: str
    matched: str  # how the asked name was found: name, traditional, alias, pinyin
    provinces: list[str] = field(default_factory=list)  # of the bodies and meetings named
    posts: list[Post] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)

    @property
    def homonym(self) -> bool:
        """True when the name holds posts or meetings in two or more provinces: one official
        who moved, or two who share a name (read the entries' provinces and dates)."""
        return len(self.provinces) > 1

    def as_dict(self) -> dict:
        d = asdict(self)
        d["homonym"] = self.homonym
        return d


def find(st: ox.Store, name: str) -> list[tuple[str, str, str]]:
    """(IRI, name, how matched) of each person the name may mean: the name as the graph has
    it, its simplified form, a form the articles write, or its pinyin; sorted by IRI."""
    asked = " ".join(name.split())
    simplified = convert(asked)
    people: dict[str, tuple[str, str]] = {}
    for q in st.quads_for_pattern(None, _TYPE, _PERSON, _DG):
        if not isinstance(q.subject, ox.NamedNode):
            continue
        names = [o.object.value for o in st.quads_for_pattern(q.subject, _NAME, None, _DG)]
        people[q.subject.value] = (min(names) if names else q.subject.value.rsplit("/", 1)[-1], "")
    found: dict[str, tuple[str, str]] = {}
    for iri, (pname, _) in people.items():
        if pname == asked:
            found[iri] = (pname, "name")
        elif pname == simplified:
            found[iri] = (pname, "traditional")
    if not found:
        wanted = {asked, simplified}
        for q in st.quads_for_pattern(None, _ALT, None, _DG):
            iri = q.subject.value
            if iri not in people or not isinstance(q.object, ox.Literal):
                continue
            o = q.object
            pinyin = (o.language or "").lower().startswith("zh-latn")
            if (o.value in wanted and not pinyin) or (pinyin and ascii_fold(o.value) == ascii_fold(asked) and ascii_fold(asked)):
                found.setdefault(iri, (people[iri][0], "pinyin" if pinyin else "alias"))
    return sorted((iri, n, how) for iri, (n, how) in found.items())


def province_of(name: str) -> str:
    """The province-level unit a body's or meeting's name begins with ("" for none): the
    place of 湖北省人民政府, 广西壮族自治区…会议, 上海市委."""
    from kg.lexicon import lexicon

    for p in lexicon().provinces:
        if name.startswith(p.full) or (len(p.short) > 1 and name.startswith(p.short)):
            return p.full
    return ""


def _statement(row: dict) -> Statement:
    return Statement(date=_when(row), article=row["article"], headline=row["headline"],
                     article_date=row["article_date"], sentence=row["sentence"].strip())


def _when(row: dict) -> str:
    """A row's date: the fact's own, else its article's, else its meeting's."""
    return str(row.get("date") or row.get("article_date") or row.get("meeting_date") or "")


def _posts(rows: list[dict]) -> list[Post]:
    groups: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        if row.get("role"):
            groups.setdefault((row["role"], row.get("body") or ""), []).append(row)
    posts = []
    for (role, body), group in groups.items():
        dated = sorted((r for r in group if _when(r)), key=lambda r: (_when(r), r["article"], r["begin"]))
        post = Post(role=role, body=body, province=province_of(body) or province_of(role),
                    statements=len({r["article"] for r in group}))
        if dated:
            post.first, post.last = _statement(dated[0]), _statement(dated[-1])
        starts = [_when(r) for r in dated if r["kind"] == shape.APPOINTMENT.name and r["relation"] in STARTS]
        ends = [_when(r) for r in dated if r["kind"] == shape.APPOINTMENT.name and r["relation"] in ENDS]
        post.start = min(starts, default="")
        post.end = max(ends, default="")
        posts.append(post)
    posts.sort(key=lambda p: (p.first.date if p.first else "~", p.last.date if p.last else "~", p.role, p.body))
    return posts


def _part(row: dict) -> str:
    """The part a row says the person played at its meeting."""
    if row["kind"] == shape.REPORT.name:
        return f"presented {row.get('title') or 'a report'}"
    return row.get("relation") or row.get("role") or row["kind"]


def _meetings(rows: list[dict]) -> list[Meeting]:
    seen: set[tuple] = set()
    out = []
    for row in rows:
        if not row.get("meeting"):
            continue
        part = _part(row)
        key = (row["meeting"], row.get("meeting_date"), part, row["article"])
        if key in seen:
            continue
        seen.add(key)
        out.append(Meeting(meeting=row["meeting"], date=str(row.get("meeting_date") or row["article_date"] or ""),
                           part=part, province=province_of(row["meeting"]), statement=_statement(row)))
    out.sort(key=lambda m: (m.date or "~", m.meeting, m.part, m.statement.article_date, m.statement.article))
    return out


def timeline(st: ox.Store, name: str) -> list[Timeline]:
    """The timeline of each person `name` may mean in the Store's default graph (usually
    one); KgError when no person answers to it."""
    found = find(st, name)
    if not found:
        raise KgError(f"no person called {name!r} in the graph (tried the name, its simplified form, "
                      "the forms the articles write and pinyin)")
    out = []
    for iri, pname, how in found:
        rows = [r for r in facts.rows(st, nodes=facts.facts_of(st, iri)) if pname in str(r.get("person", "")).split("; ")]
        t = Timeline(name=pname, iri=iri, matched=how, posts=_posts(rows), meetings=_meetings(rows))
        t.provinces = sorted({p.province for p in t.posts if p.province} | {m.province for m in t.meetings if m.province})
        out.append(t)
    return out
