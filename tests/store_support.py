"""Test support for the store, push and export tests: invented articles and real servers.

The articles are invented (fictional province, people and bodies); their facts are written
by hand, so the graphs exercise every competency query whatever the extractors find.
Servers are started on 127.0.0.1 with their own temporary database folders and stopped.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import requests
from conftest import SHARED
from rdflib import Graph

from kg.extract import facts as F
from kg.graph.serve import free_port, stop
from kg.rdf.mapping import new_graph, to_graph
from kg.text.document import normalise

ROOT = Path(__file__).resolve().parents[1]
SEED = SHARED / "seed" / "000_1d7e1341ec58e008.txt"
CQ = sorted((ROOT / "queries" / "cq").glob("*.rq"))

_TEXTS = {
    "a": ("云泽省第九届人民代表大会第三次会议在青川开幕\n\n"
          "本报讯（云泽日报记者 聂文澜）3月2日，云泽省第九届人民代表大会第三次会议在青川会堂开幕。"
          "柯明远主持会议。卓思齐代表云泽省人民政府作政府工作报告。万子衡出席会议。"
          "本次会议应出席代表412人，出席400人，缺席12人。"
          "卓思齐指出，一是稳住农业生产。二是扩大城乡就业。\n"),
    "b": ("云泽省第九届人民代表大会第三次会议举行第二次全体会议\n\n"
          "本报讯（云泽日报记者 闻若川）3月4日，云泽省第九届人民代表大会第三次会议举行全体会议。"
          "柯明远主持会议。司马谦作云泽省高级人民法院工作报告。"
          "司马谦指出，一是公正审理案件。\n"),
}
MEETING = "云泽省第九届人民代表大会第三次会议"


def _span(text: str, s: str) -> tuple[int, int]:
    i = text.find(s)
    assert i >= 0, f"{s!r} not in the invented text"
    return (i, i + len(s))


def invented_facts(which: str, text: str) -> F.ArticleFacts:
    """The hand-written facts of invented article `which` ("a" or "b")."""
    sp = lambda s: _span(text, s)  # noqa: E731
    f = F.ArticleFacts()
    f.add_org("云泽省人民代表大会", None, "legislature")
    f.add_org("云泽日报", sp("云泽日报"), "media")
    f.meetings[MEETING] = F.Meeting(MEETING, body="云泽省人民代表大会", term=9, session=3,
                                    date="2031-03-02" if which == "a" else "2031-03-04",
                                    city="青川", main=True, spans=[sp(MEETING)])
    f.add_person("柯明远", sp("柯明远"))
    f.participations.append(F.Participation("柯明远", "presided", MEETING, sp("柯明远主持会议")))
    f.roles.append(F.Role("柯明远", "大会执行主席", "云泽省人民代表大会", MEETING, span=sp("柯明远主持会议")))
    if which == "a":
        f.meetings[MEETING].venue = "青川会堂"
        f.add_place("青川", sp("青川"))
        f.add_place("青川会堂", sp("青川会堂"))
        f.add_org("云泽省人民政府", sp("云泽省人民政府"), "government")
        for name in ("卓思齐", "万子衡", "聂文澜"):
            f.add_person(name, sp(name))
        f.participations.append(F.Participation("卓思齐", "reported", MEETING, sp("卓思齐代表")))
        f.participations.append(F.Participation("万子衡", "attended", MEETING, sp("万子衡出席会议")))
        f.reports.append(F.Report("政府工作报告", "卓思齐", on_behalf_of="云泽省人民政府", meeting=MEETING,
                                  span=sp("卓思齐代表云泽省人民政府作政府工作报告")))
        f.attendance.append(F.Attendance(MEETING, 412, 400, 12, sp("本次会议应出席代表412人，出席400人，缺席12人")))
        f.goals.append(F.Goal(0, 1, "task", 2031, sp("稳住农业生产"), "政府工作报告", True))
        f.goals.append(F.Goal(0, 2, "task", 2031, sp("扩大城乡就业"), "政府工作报告", True))
        f.credits.append(F.Credit("聂文澜", "reporter", "云泽日报", sp("云泽日报记者聂文澜")))
    else:
        f.add_org("云泽省高级人民法院", sp("云泽省高级人民法院"), "court")
        for name in ("司马谦", "闻若川"):
            f.add_person(name, sp(name))
        f.participations.append(F.Participation("司马谦", "reported", MEETING, sp("司马谦作")))
        f.reports.append(F.Report("云泽省高级人民法院工作报告", "司马谦", meeting=MEETING,
                                  span=sp("司马谦作云泽省高级人民法院工作报告")))
        f.goals.append(F.Goal(0, 1, "work", None, sp("公正审理案件"), MEETING, False))
        f.credits.append(F.Credit("闻若川", "reporter", "云泽日报", sp("云泽日报记者闻若川")))
    return f


def invented_article(which: str, graph: Graph | None = None, suffix: str = "") -> Graph:
    """The RDF graph of invented article `which` (a different article when `suffix` changes its text)."""
    doc = normalise(_TEXTS[which] + suffix, source=f"invented-{which}.txt",
                    meta={"date": "2031-03-02" if which == "a" else "2031-03-04"})
    return to_graph(doc, invented_facts(which, doc.text), graph)


def invented_corpus() -> Graph:
    """Both invented articles in one merged graph (as kg build writes graph.ttl)."""
    g = new_graph()
    invented_article("a", g)
    invented_article("b", g)
    return g


def rdflib_rows(graph: Graph, query: Path) -> list[list[str | None]]:
    """The rows rdflib gets for a competency query, as strings."""
    from kg.graph import query as q

    return q.run(graph, query.read_text(encoding="utf-8"))[1]


# -- servers ----------------------------------------------------------------------------
_VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DirsAllowed = ., {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {vsp}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
"""


@contextlib.contextmanager
def virtuoso(folder: Path) -> Iterator[str]:
    """A Virtuoso server on loopback with its database in `folder`; yields its base URL (login dba/dba)."""
    binary = shutil.which("virtuoso-t")
    assert binary, "virtuoso-t is not installed: run .ci/setup.d/30-servers.sh (Debian virtuoso-opensource)"
    vsp = Path("/var/lib/virtuoso-opensource-7/vsp")
    http, sql = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(_VIRTUOSO_INI.format(d=folder, sql=sql, http=http, vsp=vsp if vsp.is_dir() else folder))
    log = open(folder / "stdout.log", "wb")
    proc = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=folder,
                            stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, f"virtuoso stopped at start: {(folder / 'stdout.log').read_text()[-400:]}"
            try:
                if requests.get(base + "/sparql", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            assert time.monotonic() < deadline, "virtuoso did not answer within 120 s"
            time.sleep(0.5)
        yield base
    finally:
        stop(proc)
        log.close()
