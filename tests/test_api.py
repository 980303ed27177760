"""The Python API at the package top (`import kg`): its docstring examples run here."""

from __future__ import annotations

import doctest
import subprocess
import sys

import kg
import kg.api


def test_the_api_examples_run():
    result = doctest.testmod(kg.api, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted >= 15


def test_the_package_top_names_the_api():
    assert {"build_article", "build_corpus", "open_graph"} <= set(kg.__all__)
    assert kg.build_article is kg.api.build_article and kg.__doc__ and kg.open_graph.__doc__


def test_import_kg_stays_light():
    # the command line imports kg first: the API must not pull in the extractors or rdflib
    code = "import sys, kg; print(sorted(m for m in ('rdflib', 'jieba', 'kg.pipeline', 'pyoxigraph') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_open_graph_reads_a_file_and_a_store(tmp_path):
    import json

    line = {"id": "a", "date": "2023-06-02", "text": "湖北省人民政府召开常务会议\n本报武汉6月2日电  省长方书华主持召开省政府常务会议。"}
    (tmp_path / "in.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    ttl = kg.build_corpus([tmp_path / "in.jsonl"], tmp_path / "out", store=tmp_path / "db")
    q = "SELECT ?n WHERE { ?p a <https://schema.org/Person> ; <https://schema.org/name> ?n }"
    assert kg.open_graph(ttl).query(q) == kg.open_graph(tmp_path / "db").query(q) == [{"n": "方书华"}]
    assert kg.open_graph(ttl).facts() == kg.open_graph(tmp_path / "db").facts()
    [t] = kg.open_graph(tmp_path / "db").person("方书华")
    assert [p.role for p in t.posts] == ["省长"]
