"""Article text cannot inject: not into graph.html, not into SPARQL kg builds, not into
file names or one-line messages. Cross-checks over other areas' code (view: issue 3,
store: issue 4, build: issue 5) with hostile input from issue 6."""

from __future__ import annotations

from pathlib import Path

from rdflib import Literal, URIRef
from selectolax.lexbor import LexborHTMLParser

from kg.cli import main

PAYLOADS = ['<script>alert("kg-xss-1")</script>', '<img src=x onerror=alert("kg-xss-2")>',
            '"></span><svg onload=alert("kg-xss-3")>', "<iframe src=javascript:alert('kg-xss-4')>"]

ARTICLE = (
    f"青山县人大会议开幕{PAYLOADS[0]}{PAYLOADS[1]}\n\n"
    f"本报讯（记者 林小川）3月2日，青山县第五届人民代表大会第三次会议在县会堂开幕。{PAYLOADS[2]}\n\n"
    f"大会执行主席欧阳明远主持会议{PAYLOADS[3]}。县领导周德海、孙立平出席会议。\n"
)


def _executable(page: str) -> list[str]:
    """Markup in the page that would run the payloads: elements, handlers, script bodies."""
    tree = LexborHTMLParser(page)
    found = [n.tag for n in tree.css("img, svg, iframe, object, embed")]
    found += [f"{n.tag}[{a}]" for n in tree.css("*") for a in n.attributes if a.lower().startswith("on")]
    found += [f"script: {s.text()[:40]}" for s in tree.css("script") if "kg-xss" in (s.text() or "")
              and ("<script" in s.text() or "<img" in s.text() or "<svg" in s.text())]
    return found


def test_hostile_article_builds_and_its_page_runs_none_of_it(tmp_path):
    src = tmp_path / "hostile.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(src), "--out", str(out), "--quiet"]) == 0
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "kg-xss-1" in page  # the headline is shown, so the payload was really put on the page
    assert _executable(page) == []
    for payload in PAYLOADS:
        assert payload not in page


def test_same_page_structure_with_and_without_payloads(tmp_path):
    clean = ARTICLE
    for p in PAYLOADS:
        clean = clean.replace(p, "")
    pages = []
    for name, text in (("clean.txt", clean), ("hostile.txt", ARTICLE)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert main(["build", str(tmp_path / name), "--out", str(tmp_path / name[:-4]), "--quiet"]) == 0
        tree = LexborHTMLParser((tmp_path / name[:-4] / "graph.html").read_text(encoding="utf-8"))
        pages.append(sorted(n.tag for n in tree.css("*")))
    assert pages[0] == pages[1]  # the payloads added no element


def test_sparql_kg_builds_from_article_text_keeps_it_a_literal(tmp_path):
    from kg.graph import store

    hostile = 'x" } } ; DROP ALL ; INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> "pwn\n\\ > \u2028'
    # the article's own triples (its subject the article), so they stay in the article's graph
    for n, value in ((1, "keep"), (2, hostile)):
        a = f"urn:kg:article:{n}"
        store.replace_article(tmp_path, a, [(URIRef(a), URIRef("urn:kg:p"), Literal(value))])
    _names, rows = store.query(tmp_path, "SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
    assert rows == [["urn:kg:article:1", "keep"], ["urn:kg:article:2", hostile]]


def test_hostile_file_names_stay_in_the_output_folder_and_on_one_line(tmp_path, capsys):
    weird = tmp_path / 'evil\nname;$(touch pwned)<script>.txt'
    weird.write_bytes(b"")
    good = tmp_path / "a'b\"c<d>.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    rc = main(["build", str(weird), str(good), "--out", str(out)])
    err = capsys.readouterr().err
    assert rc != 0
    assert [ln for ln in err.splitlines() if "evil\\nname" in ln and "empty file" in ln]
    assert not any(ln.startswith("name;$(touch") for ln in err.splitlines())  # the newline did not split it
    created = {p.relative_to(tmp_path).parts[0] for p in tmp_path.rglob("*")}
    assert created == {weird.name, good.name, "out"}
    assert not (Path.cwd() / "pwned").exists()
