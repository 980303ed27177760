"""Pinyin labels: family names read as family names, bodies word by word, in the graph
as skos:altLabel tagged zh-Latn-pinyin, valid under the shapes and usable in queries."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS
from view_fixtures import invented_graph

from kg.analysis.entities import entity_graph
from kg.cli import main
from kg.rdf.namespace import SCHEMA
from kg.text import pinyin

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name, expected", [
    ("单晓明", "Shan Xiaoming"),  # 单 dān as a word, shàn as a family name
    ("曾立新", "Zeng Lixin"),  # not céng
    ("解文华", "Xie Wenhua"),  # not jiě
    ("仇志远", "Qiu Zhiyuan"),  # not chóu
    ("区伯远", "Ou Boyuan"),
    ("欧阳清", "Ouyang Qing"),  # a compound family name is one word
    ("吕新", "Lü Xin"),
    ("甄一", "Zhen Yi"),
])
def test_person_names_read_the_family_name_as_one(name, expected):
    assert pinyin.person(name) == expected


def test_tones_and_search_keys():
    assert pinyin.person("单晓明", tones=True) == "Shàn Xiǎomíng"
    assert pinyin.person("曾立新", tones=True).startswith("Zēng ")
    assert pinyin.search_keys(pinyin.name_syllables("曾立新", True)) == ("zenglixin", "zlx")
    assert pinyin.search_keys(pinyin.name_syllables("吕新", True)) == ("luxin", "lx")


def test_bodies_word_by_word():
    assert pinyin.body("测试省人民政府") == "Ceshi Sheng Renmin Zhengfu"
    assert pinyin.body("重庆市人民代表大会常务委员会") == "Chongqing Shi Renmin Daibiao Dahui Changwu Weiyuanhui"
    assert pinyin.body("西安市委") == "Xi'an Shiwei"  # an apostrophe where syllables would run together


def test_graph_has_pinyin_labels_of_people_and_bodies_only():
    g = invented_graph()
    labels = {(s, o) for s, o in g.subject_objects(SKOS.altLabel) if o.language}
    tags = {o.language.lower() for _, o in labels}
    assert tags == {"zh-latn-pinyin"}
    names = {str(g.value(s, SCHEMA.name)): str(o) for s, o in labels}
    assert names["贾二"] == "Jia Er" and names["测试省人民政府"] == "Ceshi Sheng Renmin Zhengfu"
    assert "测试省第九届人民代表大会第三次会议" not in names  # meetings have none
    people = set(g.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), SCHEMA.Person))
    assert people and all(any(o.language for o in g.objects(p, SKOS.altLabel)) for p in people)
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl")
    conforms, _, report = validate(g, shacl_graph=shapes)
    assert conforms, report
    # a plain-string label still must be a string: a language tag other than pinyin is refused
    bad = Graph()
    for t in g:
        bad.add(t)
    bad.add((next(iter(people)), SKOS.altLabel, Literal("Jia", lang="en")))
    assert not validate(bad, shacl_graph=shapes)[0]


def test_entity_view_keeps_pinyin_apart_from_written_forms():
    G = entity_graph(invented_graph())
    node = next(n for n, d in G.nodes(data=True) if d["label"] == "贾二")
    assert G.nodes[node]["pinyin"] == "Jia Er" and "Jia Er" not in G.nodes[node]["names"]


def test_pinyin_label_usable_in_a_query(tmp_path, capsys):
    path = tmp_path / "g.ttl"
    invented_graph().serialize(path, format="turtle")
    q = ('PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX schema: <https://schema.org/> '
         'SELECT ?name WHERE { ?p skos:altLabel ?py ; schema:name ?name . '
         'FILTER(langMatches(lang(?py), "zh-Latn-pinyin") && lcase(str(?py)) = "jia er") }')
    assert main(["query", str(path), q, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == ["贾二"]
