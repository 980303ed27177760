"""Issue 6, end to end through `kg build`: every kind of input the issue names, good and bad,
with the outcome each must have. The article is invented (invented county, invented names)."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import main
from kg.rdf.namespace import KG
from kg.text.script import to_simplified

ARTICLE = (
    "青山县第五届人民代表大会第三次会议开幕\n\n"
    "本报讯（记者 林小川）3月2日，青山县第五届人民代表大会第三次会议在县会堂隆重开幕。\n\n"
    "大会执行主席欧阳明远主持会议。县领导周德海、孙立平出席会议并在主席台就座。\n\n"
    "本次会议应出席代表200人，出席190人，缺席10人，出席人数符合法定人数。\n\n"
    "周德海代表县人民政府作政府工作报告。\n"
)
# the same article in traditional characters (written by hand, not by the code under test)
TRADITIONAL = (
    "青山縣第五屆人民代表大會第三次會議開幕\n\n"
    "本報訊（記者 林小川）3月2日，青山縣第五屆人民代表大會第三次會議在縣會堂隆重開幕。\n\n"
    "大會執行主席歐陽明遠主持會議。縣領導周德海、孫立平出席會議並在主席台就座。\n\n"
    "本次會議應出席代表200人，出席190人，缺席10人，出席人數符合法定人數。\n\n"
    "周德海代表縣人民政府作政府工作報告。\n"
)
FULLWIDTH = ARTICLE.replace("3月2日", "３月２日").replace("200人", "２００人").replace("（记者 林小川）", "(记者 林小川)")
SPACES = ARTICLE.replace("（记者 林小川）", "（记者\u00a0林小川）").replace("\n\n大会", "\n\n\u3000\u3000大会")
# the body as one line, a hundred times over (about 15,000 characters without a line break)
LONG_LINE = ARTICLE + "\n" + "".join(ARTICLE.split("\n\n")[1:]).replace("\n", "") * 100 + "\n"
MIXED = ARTICLE + "\nThe county's GDP grew 5.2% (source: Qingshan Statistics Bureau, 2024).\n"


def _page(body_text: str, charset: str = "utf-8") -> str:
    paragraphs = "".join(f"<p>{p}</p>\n" for p in body_text.split("\n\n")[1:])
    headline = body_text.split("\n", 1)[0]
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{headline}_青山新闻网</title>\n'
        "<script>var nav = '首页 要闻';</script><style>p { color: red }</style></head>\n"
        '<body><header><nav><a href="/">首页</a> <a href="/yw">要闻</a> <a>时政</a></nav></header>\n'
        f"<div class=\"main\"><h1>{headline}</h1>\n{paragraphs}</div>\n"
        "<footer>版权所有 青山新闻网 联系电话</footer><script>track('张某某出席');</script></body></html>\n"
    )


def _run(capsys, *argv: str) -> tuple[int, list[str]]:
    """`kg ARGV` in this process; returns the exit code and the stderr lines."""
    try:
        rc = main(list(argv))
    except SystemExit as exc:  # argparse
        rc = exc.code
    err = capsys.readouterr().err
    return rc, [ln for ln in err.splitlines() if ln.strip()]


def _people(ttl: Path) -> set[str]:
    g = Graph().parse(ttl)
    rows = g.query("PREFIX schema: <https://schema.org/> SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }")
    return {to_simplified(str(r[0])) for r in rows}


def _article_text(ttl: Path) -> str:
    g = Graph().parse(ttl)
    rows = list(g.query("PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> "
                        "SELECT ?t WHERE { ?a nif:isString ?t }"))
    assert len(rows) == 1
    return str(rows[0][0])


def _without_source(ttl: Path) -> Graph:
    g = Graph().parse(ttl)
    g.remove((None, KG.sourcePath, None))
    return g


def _stray(out: Path) -> list[str]:
    """Temporary files a build must never leave behind in its output folder."""
    return [p.name for p in out.iterdir() if p.name.startswith((".kg-tmp-", ".graph", ".merge-"))]


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> tuple[Path, set[str]]:
    """The graph of the UTF-8 article and its people (the expected answer for every copy)."""
    d = tmp_path_factory.mktemp("baseline")
    (d / "article.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["build", str(d / "article.txt"), "--out", str(d / "out")]) == 0
    ttl = d / "out" / "graph.ttl"
    people = _people(ttl)
    assert {"欧阳明远", "周德海", "孙立平"} <= people  # the extractors see the invented article
    return ttl, people


# name, file name, bytes, extra options, expected article text (None: not checked), same graph as UTF-8
GOOD = [
    ("utf-8", "a.txt", ARTICLE.encode("utf-8"), (), ARTICLE, True),
    ("utf-8 with BOM", "a.txt", codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), (), ARTICLE, True),
    ("GBK", "a.txt", ARTICLE.encode("gbk"), (), ARTICLE, True),
    ("GB18030", "a.txt", ARTICLE.encode("gb18030"), (), ARTICLE, True),
    ("GBK named with --encoding", "a.txt", ARTICLE.encode("gbk"), ("--encoding", "gbk"), ARTICLE, True),
    ("UTF-16 with BOM", "a.txt", ARTICLE.encode("utf-16"), (), ARTICLE, True),
    ("Big5, traditional", "a.txt", TRADITIONAL.encode("big5"), (), TRADITIONAL, False),
    ("traditional, UTF-8", "a.txt", TRADITIONAL.encode("utf-8"), (), TRADITIONAL, False),
    ("HTML page", "a.html", _page(ARTICLE).encode("utf-8"), (), None, False),
    ("HTML page in GBK, by its meta", "a.htm", _page(ARTICLE, "gbk").encode("gbk"), (), None, False),
    ("HTML page saved as .txt", "a.txt", _page(ARTICLE).encode("utf-8"), (), None, False),
    ("full-width digits, half-width brackets", "a.txt", FULLWIDTH.encode("utf-8"), (), FULLWIDTH, False),
    ("non-breaking and ideographic spaces", "a.txt", SPACES.encode("utf-8"), (), SPACES, False),
    ("Windows line ends", "a.txt", ARTICLE.replace("\n", "\r\n").encode("utf-8"), (), None, False),
    ("a very long line", "a.txt", LONG_LINE.encode("utf-8"), (), LONG_LINE, False),
    ("mixed Chinese and English", "a.txt", MIXED.encode("utf-8"), (), MIXED, False),
]


@pytest.mark.parametrize("name,fname,data,opts,text,same_graph", GOOD, ids=[c[0] for c in GOOD])
def test_accepted_input_builds_the_same_facts(tmp_path, capsys, baseline, name, fname, data, opts, text,
                                              same_graph):
    src = tmp_path / fname
    src.write_bytes(data)
    out = tmp_path / "out"
    rc, err = _run(capsys, "build", str(src), "--out", str(out), *opts)
    assert rc == 0, err
    assert not [ln for ln in err if ln.startswith("kg:")]
    ttl = out / "graph.ttl"
    assert _people(ttl) == baseline[1]
    if text is not None:
        assert _article_text(ttl) == text  # offsets count characters of this text
    if fname.endswith((".html", ".htm")) or "HTML" in name:
        body = _article_text(ttl)
        for junk in ("首页", "要闻", "版权所有", "color", "track(", "张某某", "<p>"):
            assert junk not in body
        assert body.startswith("青山县第五届人民代表大会第三次会议开幕\n")
    if same_graph:
        assert isomorphic(_without_source(ttl), _without_source(baseline[0]))
    assert _stray(out) == []


def _sparse(path: Path, size: int) -> None:
    """A file of `size` bytes that starts with Chinese text (sparse: takes no disk)."""
    with open(path, "wb") as fh:
        fh.write(ARTICLE.encode("utf-8"))
        fh.truncate(size)


# name, how to make the input in tmp dir -> its path, extra options, reason expected in the message
BAD = [
    ("empty file", lambda d: _write(d / "e.txt", b""), (), "empty file"),
    ("only white space", lambda d: _write(d / "w.txt", " \r\n\t\u3000\n".encode()), (), "white space"),
    ("binary (NUL bytes)", lambda d: _write(d / "b.txt", b"\x00\x01\x02abc" * 100), (), "binary file"),
    ("binary (PNG)", lambda d: _write(d / "p.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(64)), (), "PNG"),
    ("no known encoding", lambda d: _write(d / "u.txt", bytes(range(0x80, 0x100)) * 8), (),
     "not in a known text encoding"),
    ("Japanese Shift-JIS", lambda d: _write(d / "j.txt", "東京で国会が開かれ、首相が演説しました。".encode("shift_jis") * 5),
     (), "not in a known text encoding"),
    ("GBK read as --encoding utf-8", lambda d: _write(d / "g.txt", ARTICLE.encode("gbk")), ("--encoding", "utf-8"),
     "not valid utf-8"),
    ("no Chinese", lambda d: _write(d / "n.txt", b"The county congress opened on Monday.\n"), (), "no Chinese"),
    ("HTML page without text", lambda d: _write(d / "h.html", "<html><nav>首页</nav><script>x</script></html>".encode()),
     (), "no text"),
    ("missing path", lambda d: d / "missing.txt", (), "no such file"),
    ("200 MB file", lambda d: _sparse(d / "big.txt", 200 << 20) or d / "big.txt", (), "too large"),
    ("folder without articles", lambda d: (d / "empty-folder").mkdir() or d / "empty-folder", (), "no articles"),
    ("longer than --max-chars", lambda d: _write(d / "m.txt", ARTICLE.encode()), ("--max-chars", "50"), "too large"),
]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name,make,opts,reason", BAD, ids=[c[0] for c in BAD])
def test_refused_input_says_why_and_keeps_outputs(tmp_path, capsys, baseline, name, make, opts, reason):
    out = tmp_path / "out"
    good = _write(tmp_path / "good.txt", ARTICLE.encode())
    assert _run(capsys, "build", str(good), "--out", str(out))[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    bad = make(tmp_path)
    rc, err = _run(capsys, "build", str(bad), "--out", str(out), *opts)
    assert rc != 0
    assert not any("Traceback" in ln for ln in err)
    lines = [ln for ln in err if bad.name in ln and reason.lower() in ln.lower()]
    assert lines, err  # one line naming the file and the reason
    assert err == lines and len(lines) == 1, err  # and nothing else: no summary, no second error
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before  # earlier outputs as they were
    assert _stray(out) == []


def test_several_inputs_build_the_good_ones_and_name_each_bad_one(tmp_path, capsys, baseline):
    good = _write(tmp_path / "good.txt", ARTICLE.encode("gbk"))
    empty = _write(tmp_path / "empty.txt", b"")
    binary = _write(tmp_path / "binary.txt", b"\x00" * 100)
    latin = _write(tmp_path / "latin.txt", b"caf\xe9 cr\xe8me")
    out = tmp_path / "out"
    rc, err = _run(capsys, "build", str(empty), str(good), str(binary), str(latin), "--out", str(out))
    assert rc != 0
    for bad, reason in ((empty, "empty"), (binary, "binary"), (latin, "encoding")):
        assert [ln for ln in err if bad.name in ln and reason in ln], (bad, err)
    assert _people(out / "graph.ttl") == baseline[1]


def test_a_missing_path_among_several_does_not_stop_the_others(tmp_path, capsys, baseline):
    good = _write(tmp_path / "good.txt", ARTICLE.encode())
    out = tmp_path / "out"
    rc, err = _run(capsys, "build", str(tmp_path / "gone.txt"), str(good), "--out", str(out))
    assert rc != 0
    assert [ln for ln in err if "gone.txt" in ln and "no such file" in ln]
    assert _people(out / "graph.ttl") == baseline[1]


def test_strict_stops_at_the_first_bad_input_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "out"
    first = _write(tmp_path / "first.txt", ARTICLE.encode())
    assert _run(capsys, "build", str(first), "--out", str(out))[0] == 0
    before = (out / "graph.ttl").read_bytes()
    other = _write(tmp_path / "other.txt", ARTICLE.replace("青山县", "绿水县").encode())
    empty = _write(tmp_path / "empty.txt", b"")
    rc, err = _run(capsys, "build", str(empty), str(other), "--out", str(out), "--strict")
    assert rc != 0
    assert [ln for ln in err if "empty.txt" in ln and "empty" in ln]
    assert len(err) == 1, err
    assert (out / "graph.ttl").read_bytes() == before


@pytest.mark.parametrize("argv,message", [
    (("--encoding", "no-such-codec"), "unknown encoding"),
    (("--max-chars", "0"), "positive"),
])
def test_bad_options_are_refused_before_reading(tmp_path, capsys, argv, message):
    src = _write(tmp_path / "a.txt", ARTICLE.encode())
    rc, err = _run(capsys, "build", str(src), "--out", str(tmp_path / "out"), *argv)
    assert rc == 2
    assert any(message in ln for ln in err)
    assert not (tmp_path / "out").exists()
