"""Nothing half-written: kg.corpus.outputs on its own, and `kg build` interrupted by Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from rdflib import Graph

from kg.corpus.outputs import staged, write_atomic


def _listing(d: Path) -> dict[str, bytes]:
    return {str(p.relative_to(d)): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()}


def _temps(d: Path) -> list[str]:
    return [str(p.relative_to(d)) for p in d.rglob("*")
            if p.name.startswith((".kg-tmp-", ".graph", ".merge-")) or p.suffix == ".tmp"]


def _old_outputs(out: Path) -> dict[str, bytes]:
    write_atomic(out / "graph.ttl", "old graph\n")
    write_atomic(out / "graph.html", "<p>old page</p>\n")
    (out / "store").mkdir()
    (out / "store" / "data").write_text("old store\n")
    return _listing(out)


def test_write_atomic_replaces_whole_and_leaves_nothing_on_failure(tmp_path):
    target = tmp_path / "graph.ttl"
    write_atomic(target, "first\n")
    write_atomic(target, b"second\n")
    assert target.read_text() == "second\n"

    with pytest.raises(TypeError):
        write_atomic(target, 42)  # type: ignore[arg-type]  # fails while writing
    assert target.read_text() == "second\n"
    assert _temps(tmp_path) == []


def test_staged_outputs_appear_together(tmp_path):
    out = tmp_path / "out"
    old = _old_outputs(out)
    with staged(out) as stage:
        stage.write("graph.ttl", "new graph\n")
        stage.write("graph.html", "<p>new page</p>\n")
        store = stage.dir("store")
        (store / "data").write_text("new store\n")
        visible = {k: v for k, v in _listing(out).items() if not Path(k).parts[0].startswith(".kg-tmp-")}
        assert visible == old  # nothing replaced before the block ends
    assert _listing(out) == {"graph.html": b"<p>new page</p>\n", "graph.ttl": b"new graph\n",
                             "store/data": b"new store\n"}
    assert _temps(out) == []


@pytest.mark.parametrize("exc", [RuntimeError("extraction failed"), KeyboardInterrupt()])
def test_a_failed_or_interrupted_build_keeps_every_old_output(tmp_path, exc):
    out = tmp_path / "out"
    old = _old_outputs(out)
    with pytest.raises(type(exc)):
        with staged(out) as stage:
            stage.write("graph.ttl", "new graph\n")
            (stage.dir("store") / "data").write_text("half a store")
            stage.path("graph.html").write_text("<p>half a pa")
            raise exc
    assert _listing(out) == old
    assert _temps(out) == []


def test_sigterm_during_a_staged_build_cleans_up(tmp_path):
    out = tmp_path / "out"
    old = _old_outputs(out)
    script = textwrap.dedent(f"""
        import sys, time
        from kg.corpus.outputs import staged
        with staged({str(out)!r}) as stage:
            stage.write("graph.ttl", "new graph")
            (stage.dir("store") / "data").write_text("partial")
            print("ready", flush=True)
            time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    assert proc.stdout.readline().strip() == "ready"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) != 0
    assert _listing(out) == old
    assert _temps(out) == []


ARTICLE = ("{county}第五届人民代表大会第三次会议开幕\n\n"
           "本报讯（记者 林小川）3月2日，{county}第五届人民代表大会第三次会议在县会堂隆重开幕。\n\n"
           "大会执行主席欧阳明远主持会议。县领导周德海、孙立平出席会议并在主席台就座。\n")


def _default_sigint() -> None:
    # a shell without job control starts background jobs with SIGINT ignored; the child
    # must see Ctrl-C as a user's terminal delivers it
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("delay", [0.5, 2.0, 3.5])  # the whole build takes 7-9 s
def test_ctrl_c_during_kg_build_leaves_no_partial_file(tmp_path, delay):
    arts = tmp_path / "articles"
    arts.mkdir()
    for i in range(600):
        (arts / f"{i:03d}.txt").write_text(ARTICLE.format(county=f"青山{i}县"), encoding="utf-8")
    out = tmp_path / "out"
    first = tmp_path / "first.txt"
    first.write_text(ARTICLE.format(county="绿水县"), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(first), "--out", str(out), "--quiet"],
                   check=True, stdin=subprocess.DEVNULL)
    before = (out / "graph.ttl").read_bytes()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(arts), "--out", str(out), "--quiet"],
                            stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_default_sigint)
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    rc = proc.wait(timeout=120)
    err = proc.stderr.read()
    assert "Traceback" not in err
    assert _temps(out) == [], err
    assert rc == 130 and "kg: interrupted" in err, (rc, err)
    graph = (out / "graph.ttl").read_bytes()
    if graph != before:  # the build got as far as replacing it: then it is whole
        assert len(Graph().parse(data=graph, format="turtle")) > len(Graph().parse(data=before, format="turtle"))
