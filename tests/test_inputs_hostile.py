"""Hostile inputs fail alone and cost time in proportion to their size: a bad byte in
one JSONL record, half a character, a URL that is no URL, HTML nested 100,000 deep.
The articles are invented (invented counties, invented names)."""

from __future__ import annotations

import io
import json
import sys

from kg.cli import main
from kg.corpus.inputs import Article, Failure, iter_articles
from kg.corpus.manifest import Manifest
from kg.text.html import MAX_DEPTH, html_to_text, limit_depth
from kg.text.reading import decode_bytes


def _records(n: int) -> list[bytes]:
    return [json.dumps({"id": f"r{i}", "text": f"本报讯 青山县第{i}次会议召开。县长林小川主持会议。"},
                       ensure_ascii=False).encode("utf-8") for i in range(1, n + 1)]


def _with_bad_byte(rows: list[bytes], line: int) -> bytes:
    rows = list(rows)
    rows[line - 1] = rows[line - 1].replace("主持".encode(), b"\xff\xfe")
    return b"\n".join(rows) + b"\n"


def test_an_invalid_byte_fails_only_its_record_named_by_its_line(tmp_path, capsys):
    path = tmp_path / "news.jsonl"
    path.write_bytes(_with_bad_byte(_records(41), 21))
    items = list(iter_articles([str(path)]))
    assert [type(i) for i in items].count(Article) == 40
    (bad,) = [i for i in items if isinstance(i, Failure)]
    assert bad.reason.startswith("news.jsonl:21: not valid UTF-8 text (byte 0xff")
    out = tmp_path / "out"
    assert main(["build", str(path), "--out", str(out), "--no-view"]) == 1
    err = capsys.readouterr().err
    assert "41 articles read, 40 built" in err and "failed: news.jsonl:21: not valid UTF-8" in err
    assert "kg: 1 of 41 articles failed" in err
    assert len(Manifest.load(out).articles) == 40


def test_an_invalid_byte_on_stdin_fails_only_its_record(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(_with_bad_byte(_records(5), 3))))
    items = list(iter_articles(["-"]))
    assert [i.id for i in items if isinstance(i, Article)] == ["r1", "r2", "r4", "r5"]
    (bad,) = [i for i in items if isinstance(i, Failure)]
    assert bad.reason.startswith("<stdin>:3: not valid UTF-8 text")


def test_gbk_jsonl_lines_are_decoded_one_by_one(tmp_path):
    rows = [r.decode("utf-8").encode("gbk") for r in _records(3)]
    rows[1] = rows[1][:30] + b"\xff" + rows[1][31:]  # 0xff starts no GBK character
    path = tmp_path / "gbk.jsonl"
    path.write_bytes(b"\n".join(rows) + b"\n")
    items = list(iter_articles([str(path)], encoding="gbk"))
    assert [type(i) for i in items] == [Article, Failure, Article]
    assert items[1].reason.startswith("gbk.jsonl:2: not valid gbk text")


def test_half_a_character_and_a_bad_url_fail_their_record_alone(tmp_path):
    lines = [r'{"id": "s1", "text": "本报讯 青山县会议召开。县长林小川\ud800主持会议。"}',
             '{"id": "s2", "text": "本报讯 绿水县会议召开。", "url": "www.example.org/a b"}',
             '{"id": "s3", "text": "本报讯 白云县会议召开。", "url": "https://example.org/[2024] 会议?q=[1]"}']
    path = tmp_path / "n.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    s1, s2, s3 = iter_articles([str(path)])
    assert isinstance(s1, Failure) and s1.reason == (
        "n.jsonl:1: text holds an unpaired surrogate (\\ud800 at character 18), not Unicode text")
    assert isinstance(s2, Failure) and s2.reason.startswith("n.jsonl:2: url 'www.example.org/a b' is not an absolute URL")
    assert isinstance(s3, Article)
    assert s3.meta["url"] == "https://example.org/%5B2024%5D%20会议?q=%5B1%5D"


def _nested(n: int) -> str:
    return "<html><body>" + "<div>" * n + "<p>县长林小川主持会议。</p>" + "</div>" * n + "</body></html>"


def test_html_nested_deeper_than_browsers_nest_keeps_its_text_and_drops_the_depth():
    page = _nested(5000)
    flat = limit_depth(page)
    assert flat.count("<div>") == MAX_DEPTH - 2  # <html> and <body> count too
    assert html_to_text(page) == "县长林小川主持会议。"
    normal = "<html><body>" + "<div>" * 40 + "<p>会议。</p>" + "</div>" * 40 + "</body></html>"
    assert limit_depth(normal) is normal  # pages of this world are left as they are


def test_every_parse_of_a_page_is_depth_limited(monkeypatch):
    """The reader parses a page in more than one place (its text, its publication date):
    every parse must get the depth-limited page, or deep nesting costs quadratic time again.
    Checked by what the parser is handed, not by timing it."""
    import selectolax.lexbor

    handed: list[str] = []
    real = selectolax.lexbor.LexborHTMLParser

    def spy(html, *args, **kwargs):
        handed.append(html)
        return real(html, *args, **kwargs)

    monkeypatch.setattr(selectolax.lexbor, "LexborHTMLParser", spy)
    page = _nested(5000).replace("<html><body>", '<html><head><meta property="article:published_time" '
                                                   'content="2031-03-05"></head><body>')
    assert decode_bytes(page.encode("utf-8"), "page.html", html=True) == "县长林小川主持会议。"
    assert len(handed) >= 2  # the text and the publication date
    assert all(h.count("<div>") <= MAX_DEPTH for h in handed)

