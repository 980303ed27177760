"""A shard's terms are checked as the merge will parse them, each distinct term once.

`kg.corpus.shard` parses a term the first time it is met (in its position) and remembers
it; a shard whose terms all passed is not parsed again quad by quad. A term no parser takes
must still fail its article, with the parser's reason, however many articles came before.
"""

from __future__ import annotations

import pytest

from kg.corpus import shard
from kg.corpus.inputs import Article

#: invented article
TEXT = "本报讯 3月5日，省人大常委会第十次会议召开。常委会主任王建华主持会议。副主任李明远出席。\n"


@pytest.fixture()
def fresh(monkeypatch):
    """An empty memory of accepted terms, as in a new process."""
    monkeypatch.setattr(shard, "_ACCEPTED", (set(), set(), set()))
    return shard


def test_valid_terms_are_remembered_and_the_shard_builds(fresh) -> None:
    r = fresh.build_shard(Article(id="a", text=TEXT, source="a.txt"))
    assert r.error is None and r.triples > 0
    subjects, predicates, objects = fresh._ACCEPTED
    assert f"<{r.graph}>" in subjects
    assert "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" in predicates
    assert objects and all(o not in subjects for o in objects if o.startswith('"'))


@pytest.mark.parametrize("bad", [("<urn:kg:a b>", 0), ('"x"@1', 2), ("<urn:kg:p> <urn:kg:q>", 1)])
def test_a_term_no_parser_takes_fails_its_article(fresh, monkeypatch, bad) -> None:
    fresh.build_shard(Article(id="a", text=TEXT, source="a.txt"))  # terms of a good article remembered
    from kg.rdf import mapping

    term, position = bad
    real = mapping.triples

    def with_bad_term(doc, facts):
        found = set(real(doc, facts))
        row = ["<urn:kg:s>", "<urn:kg:p>", "<urn:kg:o>"]
        row[position] = term
        return found | {tuple(row)}

    monkeypatch.setattr(mapping, "triples", with_bad_term)  # build_shard imports it when it runs
    r = fresh.build_shard(Article(id="b", text=TEXT + "又讯。\n", source="b.txt"))
    assert r.error is not None and "not valid RDF" in r.error
    assert term not in fresh._ACCEPTED[position]


def test_the_term_check_agrees_with_a_full_parse(fresh) -> None:
    good = {("<urn:kg:s>", "<urn:kg:p>", '"a \\"quoted\\" line\\n"@zh-latn-pinyin')}
    assert fresh._terms_valid(good, "<urn:kg:g>")
    assert not fresh._terms_valid({("<urn:kg:s>", "<urn:kg:p>", '"raw\nbreak"')}, "<urn:kg:g>")
    assert not fresh._terms_valid({("<urn:kg:s>", "<urn:kg:p>", '"x" <urn:kg:four>')}, "<urn:kg:g>")
    assert not fresh._terms_valid({('"literal subject"', "<urn:kg:p>", "<urn:kg:o>")}, "<urn:kg:g>")


def test_a_term_with_white_space_around_it_is_left_to_the_string_sort(fresh) -> None:
    # parses (white space separates terms) but would sort as a tuple otherwise than as a line
    assert not fresh._terms_valid({("<urn:kg:s>", "<urn:kg:p>", '"x" ')}, "<urn:kg:g>")
    assert not fresh._terms_valid({(" <urn:kg:s>", "<urn:kg:p>", '"x"')}, "<urn:kg:g>")
    assert '"x" ' not in fresh._ACCEPTED[2]


def test_shard_lines_are_sorted_as_strings(fresh) -> None:
    body = fresh.build_shard(Article(id="a", text=TEXT, source="a.txt")).nquads.decode("utf-8")
    lines = body.splitlines(keepends=True)
    assert lines == sorted(lines) and len(set(lines)) == len(lines)


def test_the_memory_of_terms_is_bounded(fresh, monkeypatch) -> None:
    monkeypatch.setattr(fresh, "ACCEPTED_MAX", 6)
    first = {("<urn:kg:s1>", "<urn:kg:p>", "<urn:kg:o1>")}
    assert fresh._terms_valid(first, "<urn:kg:g1>")
    assert "<urn:kg:s1>" in fresh._ACCEPTED[0]
    second = {("<urn:kg:s2>", "<urn:kg:p2>", "<urn:kg:o2>"), ("<urn:kg:s3>", "<urn:kg:p2>", "<urn:kg:o3>")}
    assert fresh._terms_valid(second, "<urn:kg:g2>")  # 4 held + 6 new > 6: forgotten first
    assert "<urn:kg:s1>" not in fresh._ACCEPTED[0] and "<urn:kg:s2>" in fresh._ACCEPTED[0]
    assert sum(map(len, fresh._ACCEPTED)) <= 6
