"""Credits: the byline's reporters and the photographers of the pictures, with their paper.

`本报讯（山西日报记者 陈静）`, `（记者陈静）`, `新华社记者X`, `X 摄`. A credit's paper is the
organisation written with it, else the paper of the byline (本报 = the article's paper).
"""

from __future__ import annotations

import re

from kg.extract.context import Context
from kg.extract.facts import ArticleFacts, Credit
from kg.text.document import Document

#: the facts this extractor reads, and those it adds (kg.pipeline checks the order)
NEEDS = ("roles", "people", "organizations")
ADDS = ("credits", "organizations")


_REPORTER_TITLES = ("记者", "特约记者", "通讯员", "首席记者")
_PHOTO = re.compile(r"([\u4e00-\u9fff·]{2,8}) ?摄(?=$|\n|[，。；）)])", re.M)


def _paper_before(doc: Document, facts: ArticleFacts, pos: int) -> str | None:
    """The media organisation named just before `pos` in the same bracket or clause."""
    best = None
    for org in facts.organizations.values():
        if org.cls != "media":
            continue
        for _a, b in org.spans:
            if b <= pos and pos - b <= 2 and (best is None or b > best[1]):
                best = (org.name, b)
    return best[0] if best else None


def extract(doc: Document, ctx: Context, facts: ArticleFacts) -> None:
    """Add a credit per reporter and photographer named in the article."""
    text = doc.text
    paper = None
    for role in facts.roles:
        title = role.title
        if not any(title.endswith(t) for t in _REPORTER_TITLES):
            continue
        a, b = role.span
        # the byline sits in the dateline region or in brackets; a quoted reporter is no credit
        in_byline = a < doc.body_start + 80 or text[max(0, a - 12):a].count("（") > text[max(0, a - 12):a].count("）")
        if not in_byline:
            continue
        org = role.organization if role.organization in facts.organizations else None
        if org is None:
            org = _paper_before(doc, facts, b - len(role.person)) or _paper_before(doc, facts, a)
        paper = paper or org
        facts.credits.append(Credit(role.person, "reporter", org, role.span))
    if paper is None:
        media = [o for o in facts.organizations.values() if o.cls == "media"]
        if len(media) == 1:
            paper = media[0].name
        elif doc.meta.get("source"):  # 本报 is the paper the metadata names
            paper = str(doc.meta["source"])
            facts.add_org(paper, None, "media")
    for c in facts.credits:
        if c.organization is None:
            c.organization = paper
    for m in _PHOTO.finditer(text):
        name = m.group(1)
        if name in facts.people:
            facts.credits.append(Credit(name, "photographer", paper, m.span()))
