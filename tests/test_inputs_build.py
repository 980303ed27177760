"""Issue 6's failure semantics wired through `kg build`: limits and encodings reach every
kind of input, folders take the article files, bad inputs give one line each, and the
outputs of one build (graph, N-Quads, store, views) change together or not at all.
The articles are invented (invented counties, invented names)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from kg.cli import main
from kg.corpus import merge
from kg.corpus.inputs import Article, Failure, iter_articles
from kg.corpus.manifest import Manifest

ARTICLE = ("{county}第五届人民代表大会第三次会议开幕\n\n"
           "本报讯（记者 林小川）3月2日，{county}第五届人民代表大会第三次会议在县会堂隆重开幕。\n\n"
           "大会执行主席欧阳明远主持会议。县领导周德海、孙立平出席会议并在主席台就座。\n")
A = ARTICLE.format(county="青山县")
B = ARTICLE.format(county="绿水县")


def _run(capsys, *argv: str) -> tuple[int, list[str]]:
    try:
        rc = main(list(argv))
    except SystemExit as exc:
        rc = exc.code
    return rc, [ln for ln in capsys.readouterr().err.splitlines() if ln.strip()]


def _files(d: Path) -> dict[str, bytes]:
    """Every file under `d` but the build's cache (.kg/), by relative path."""
    return {str(p.relative_to(d)): p.read_bytes() for p in sorted(d.rglob("*"))
            if p.is_file() and ".kg" not in p.relative_to(d).parts}


def _temps(d: Path) -> list[str]:
    return [str(p.relative_to(d)) for p in d.rglob("*")
            if p.name.startswith((".kg-tmp-", ".graph", ".merge-")) or p.suffix == ".tmp"]


def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# -- --max-chars and --encoding reach files, folders, JSONL and stdin -------------------------
def test_max_chars_applies_to_files_folders_jsonl_and_stdin(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    _write(folder / "a.txt", A)
    jsonl = _write(tmp_path / "n.jsonl", json.dumps({"id": "n1", "text": A}, ensure_ascii=False) + "\n")
    for name in (str(folder / "a.txt"), str(folder), str(jsonl)):
        (item,) = iter_articles([name], max_chars=50)
        assert isinstance(item, Failure) and "too large" in item.reason, (name, item)
        (item,) = iter_articles([name], max_chars=len(A))
        assert isinstance(item, Article), (name, item)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(A.encode("utf-8"))))
    (item,) = iter_articles(["-"], max_chars=50)
    assert isinstance(item, Failure) and "<stdin>: too large" in item.reason


def test_a_jsonl_line_over_the_limit_is_refused_without_stopping_the_file(tmp_path):
    rows = [{"id": "big", "text": A * 40}, {"id": "ok", "text": B}]
    jsonl = _write(tmp_path / "n.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    # a line may hold 16 characters per allowed character (JSON escapes): the first line is longer
    big, ok = iter_articles([str(jsonl)], max_chars=len(B))
    assert isinstance(big, Failure) and big.reason.startswith("n.jsonl:1: too large")
    assert isinstance(ok, Article) and ok.id == "ok"


def test_encoding_applies_to_jsonl_and_stdin(tmp_path, monkeypatch):
    line = json.dumps({"id": "g1", "text": A}, ensure_ascii=False) + "\n"
    jsonl = _write(tmp_path / "gbk.jsonl", line.encode("gbk"))
    (item,) = iter_articles([str(jsonl)])
    assert isinstance(item, Failure) and "not valid UTF-8" in item.reason and "--encoding" in item.reason
    (item,) = iter_articles([str(jsonl)], encoding="gbk")
    assert isinstance(item, Article) and item.text == A
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line.encode("gbk"))))
    (item,) = iter_articles(["-"], encoding="gbk")
    assert isinstance(item, Article) and (item.id, item.text) == ("g1", A)


def test_jsonl_records_are_checked_like_files(tmp_path):
    rows = [{"id": "en", "text": "The county congress opened."},
            {"id": "page", "text": f"<html><body><nav>首页</nav><p>{B}</p></body></html>"}]
    jsonl = _write(tmp_path / "n.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    en, page = iter_articles([str(jsonl)])
    assert isinstance(en, Failure) and en.reason == "n.jsonl:1: no Chinese text"
    assert isinstance(page, Article) and "首页" not in page.text and "绿水县" in page.text


# -- folders ------------------------------------------------------------------------------------
def test_a_folder_takes_the_article_files_kg_reads(tmp_path):
    folder = tmp_path / "in"
    _write(folder / "a.txt", A)
    _write(folder / "sub" / "b.html", f"<html><body><p>{B}</p></body></html>")
    _write(folder / "sub" / "c.HTM", f"<html><body><p>{B}</p></body></html>")
    _write(folder / "notes.md", A)
    _write(folder / "data.jsonl", json.dumps({"text": "not an article"}) + "\n")  # e.g. an NER data set
    _write(folder / ".hidden.txt", A)
    _write(folder / ".git" / "x.txt", A)
    _write(folder / "out" / "graph.html", "<html><body><p>这是输出</p></body></html>")
    names = [Path(a.id).relative_to(folder).as_posix() for a in iter_articles([str(folder)], exclude=folder / "out")]
    assert names == ["a.txt", "sub/b.html", "sub/c.HTM"]
    # --glob picks other files; a matching .jsonl file is read as JSONL
    (rec,) = iter_articles([str(folder)], glob="*.jsonl")
    assert isinstance(rec, Failure) and rec.reason == "data.jsonl:1: no Chinese text"


def test_a_folder_without_articles_names_the_folder_and_what_was_looked_for(tmp_path):
    folder = tmp_path / "empty"
    _write(folder / "notes.md", A)
    (item,) = iter_articles([str(folder)])
    assert isinstance(item, Failure) and item.reason.startswith(f"{folder}: no articles (no ")
    assert ".txt" in item.reason and "--glob" in item.reason
    (item,) = iter_articles([str(folder)], glob="*.xml")
    assert item.reason == f"{folder}: no articles (no files matching '*.xml')"


def test_the_output_folder_inside_the_input_folder_is_not_read_back(tmp_path, capsys):
    folder = tmp_path / "in"
    _write(folder / "a.txt", A)
    out = folder / "out"
    assert _run(capsys, "build", str(folder), "--out", str(out))[0] == 0
    assert (out / "graph.html").is_file()
    rc, err = _run(capsys, "build", str(folder), "--out", str(out))
    assert rc == 0 and "1 articles read" in err[0], err


# -- one line per bad input, the others built ----------------------------------------------------
def test_a_missing_path_alone_is_one_line_and_creates_nothing(tmp_path, capsys):
    rc, err = _run(capsys, "build", str(tmp_path / "gone.txt"), "--out", str(tmp_path / "out"))
    assert rc == 1
    assert err == [f"kg: {tmp_path / 'gone.txt'}: no such file or folder"]
    assert not (tmp_path / "out").exists()


def test_a_missing_path_among_several_is_one_failure_and_the_rest_is_built(tmp_path, capsys):
    a = _write(tmp_path / "a.txt", A)
    b = _write(tmp_path / "b.txt", B)
    out = tmp_path / "out"
    rc, err = _run(capsys, "build", str(a), str(tmp_path / "gone.txt"), str(b), "--out", str(out), "--quiet")
    assert rc == 1
    assert [ln for ln in err if "gone.txt" in ln] == [f"  failed: {tmp_path / 'gone.txt'}: no such file or folder"]
    assert sorted(Manifest.load(out).articles) == [str(a), str(b)]
    assert (out / "graph.html").is_file()  # the views of the good ones are written too


def test_strict_stops_before_building_the_rest_and_changes_no_output(tmp_path, capsys):
    out = tmp_path / "out"
    first = _write(tmp_path / "first.txt", A)
    assert _run(capsys, "build", str(first), "--out", str(out))[0] == 0
    before = _files(out)
    later = _write(tmp_path / "later.txt", B)
    bad = _write(tmp_path / "bad.txt", b"\x00\x01")
    rc, err = _run(capsys, "build", str(bad), str(later), "--out", str(out), "--strict")
    assert rc == 1
    assert err == [f"kg: {bad}: binary file (NUL bytes), not text (--strict: stopped, outputs unchanged)"]
    assert _files(out) == before
    assert list(Manifest.load(out).articles) == [str(first)]  # later.txt is not in the graph
    # without --strict the same inputs build the good one and name the bad one
    rc, err = _run(capsys, "build", str(bad), str(later), "--out", str(out), "--quiet")
    assert rc == 1 and sorted(Manifest.load(out).articles) == [str(first), str(later)]


# -- all outputs together ---------------------------------------------------------------------
def _built(tmp_path, capsys) -> tuple[Path, Path, dict[str, bytes]]:
    out, store = tmp_path / "out", tmp_path / "store"
    first = _write(tmp_path / "first.txt", A)
    assert _run(capsys, "build", str(first), "--out", str(out), "--store", str(store))[0] == 0
    assert {"graph.ttl", "graph.nq", "graph.html", "analysis.md", "analysis.json"} <= set(_files(out))
    return out, store, {**_files(out), **{f"store/{k}": v for k, v in _files(store).items()}}


@pytest.mark.parametrize("where", ["kg.view.writers.write_page", "kg.view.writers.write_analysis", "kg.graph.store.load_file", "kg.corpus.merge.write_nquads"])
@pytest.mark.parametrize("exc", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_a_failure_at_any_output_keeps_every_old_output(tmp_path, capsys, monkeypatch, where, exc):
    out, store, before = _built(tmp_path, capsys)
    module, name = where.rsplit(".", 1)
    real = getattr(__import__(module, fromlist=[name]), name)

    def broken(*args, **kwargs):
        real(*args, **kwargs)  # the output is (half) written, then the build fails
        raise exc

    monkeypatch.setattr(f"{module}.{name}", broken)
    second = _write(tmp_path / "second.txt", B)
    argv = ["build", str(second), "--out", str(out), "--store", str(store)]
    if isinstance(exc, KeyboardInterrupt):
        assert main(argv) == 130  # kg: interrupted
    else:
        with pytest.raises(type(exc)):  # a bug: main shows the traceback
            main(argv)
    assert {**_files(out), **{f"store/{k}": v for k, v in _files(store).items()}} == before
    assert _temps(out) == [] and _temps(tmp_path) == []
    assert list(Manifest.load(out).articles) == [str(tmp_path / "first.txt")]
    monkeypatch.undo()  # the next build puts the new article in, with every output
    assert _run(capsys, "build", str(second), "--out", str(out), "--store", str(store))[0] == 0
    assert "绿水县" in (out / "graph.ttl").read_text(encoding="utf-8")
    assert (out / "graph.html").read_bytes() != before["graph.html"]


def test_outputs_are_rewritten_only_when_not_current(tmp_path, capsys):
    out, store, before = _built(tmp_path, capsys)
    assert _run(capsys, "build", str(tmp_path / "first.txt"), "--out", str(out), "--store", str(store))[0] == 0
    assert {**_files(out), **{f"store/{k}": v for k, v in _files(store).items()}} == before
    (out / "graph.html").unlink()  # a missing view is made again, the graph is left alone
    ttl = (out / "graph.ttl").stat().st_mtime_ns
    assert _run(capsys, "build", str(tmp_path / "first.txt"), "--out", str(out), "--store", str(store))[0] == 0
    assert (out / "graph.html").is_file() and (out / "graph.ttl").stat().st_mtime_ns == ttl


def test_write_nquads_removes_its_temporary_file_on_failure(tmp_path):
    shard = _write(tmp_path / "s.nq", "<urn:a> <urn:b> <urn:c> <urn:g> .\n")
    with pytest.raises(FileNotFoundError):
        merge.write_nquads([("urn:g", shard), ("urn:h", tmp_path / "missing.nq")], tmp_path / "graph.nq")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.nq"]
