"""The facts extractors return: small records, each with the span it came from.

Spans are (start, end) offsets into `Document.text` (normalised); the RDF mapping turns
them into offsets of the original file. Entities are referred to by canonical name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass
class Person:
    name: str
    spans: list[Span] = field(default_factory=list)


@dataclass
class Organization:
    name: str  # canonical full name
    cls: str = "body"  # party, government, legislature, cppcc, court, media, ...
    spans: list[Span] = field(default_factory=list)


@dataclass
class Meeting:
    name: str  # canonical full name
    body: str | None = None
    term: int | None = None
    session: int | None = None
    date: str | None = None  # ISO date of the sitting the article reports
    city: str | None = None
    venue: str | None = None
    main: bool = False  # the meeting the article reports on
    spans: list[Span] = field(default_factory=list)


@dataclass
class Role:
    person: str
    title: str  # as written (省委书记, 大会执行主席)
    organization: str | None = None
    meeting: str | None = None
    descriptor: bool = False  # 省领导, 老同志: a description, not a post
    span: Span = (0, 0)


@dataclass
class Participation:
    person: str
    kind: str  # presided | attended | reported | spoke
    meeting: str
    span: Span = (0, 0)


@dataclass
class Report:
    title: str | None  # None: a report delivered untitled (丁某作报告)
    presenter: str | None
    presenter_is_org: bool = False
    on_behalf_of: str | None = None
    meeting: str | None = None
    span: Span = (0, 0)


@dataclass
class Attendance:
    meeting: str
    expected: int | None = None
    present: int | None = None
    absent: int | None = None
    span: Span = (0, 0)


@dataclass
class Goal:
    list_index: int  # which enumerated list of the article
    ordinal: int
    kind: str  # task | achievement | work
    year: int | None
    span: Span = (0, 0)  # the item's text, without its ordinal marker
    about: str | None = None  # report title or meeting name the list belongs to
    about_is_report: bool = False


@dataclass
class Credit:
    person: str
    kind: str  # reporter | photographer
    organization: str | None = None
    span: Span = (0, 0)


@dataclass
class Appointment:
    """A change of post decided at a meeting: 选举X为省长, 任命X为…, 免去X的…职务, 接受X辞去…职务."""

    person: str
    post: str  # the post as written (省长, 省人大常委会副主任)
    action: str  # elected | appointed | removed | resigned
    organization: str | None = None  # the body the post belongs to
    meeting: str | None = None  # the meeting that decided it
    span: Span = (0, 0)


@dataclass
class ArticleFacts:
    """Everything extracted from one article, and what the extractors learnt of it as a whole.

    `year` starts as the context's year (metadata, else text cues) and may be bettered by an
    extractor (a national session's term and session give its year); `province` is the
    context's, with `province_stated` telling a metadata value from a guess."""

    year: int | None = None
    province: str | None = None
    province_stated: bool = False
    date: str | None = None  # the article's own date (ISO), see kg.extract.dates
    date_source: str | None = None  # metadata | text | dateline | file-name | inferred
    people: dict[str, Person] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    places: dict[str, list[Span]] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)
    participations: list[Participation] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    attendance: list[Attendance] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    appointments: list[Appointment] = field(default_factory=list)

    def add_person(self, name: str, span: Span) -> Person:
        p = self.people.setdefault(name, Person(name))
        if span not in p.spans:
            p.spans.append(span)
        return p

    def add_org(self, name: str, span: Span | None, cls: str = "body") -> Organization:
        o = self.organizations.setdefault(name, Organization(name, cls))
        if span is not None and span not in o.spans:
            o.spans.append(span)
        return o

    def add_place(self, name: str, span: Span) -> None:
        spans = self.places.setdefault(name, [])
        if span not in spans:
            spans.append(span)

    def person_mentions(self) -> list[tuple[int, int, str]]:
        """(start, end, name) of every person mention, in text order."""
        return sorted((a, b, p.name) for p in self.people.values() for a, b in p.spans)

    @property
    def main_meeting(self) -> Meeting | None:
        for m in self.meetings.values():
            if m.main:
                return m
        return None
