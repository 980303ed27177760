"""Nothing half-written, nothing mixed: the atomic writer, and `kg build` stopped at each
of its stages (Ctrl-C, SIGTERM, kill -9) through the build's own stage hook.

The articles are invented (invented counties, invented names)."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest
from build_support import start_build, stop_at, wait_for_stage

from kg.cli import main
from kg.corpus.generations import OutputFolder
from kg.corpus.manifest import Manifest
from kg.corpus.outputs import atomic_path, write_atomic
from kg.graph import dataset

ARTICLE = ("{county}第五届人民代表大会第三次会议开幕\n\n"
           "本报讯（记者 林小川）3月2日，{county}第五届人民代表大会第三次会议在县会堂隆重开幕。\n\n"
           "大会执行主席欧阳明远主持会议。县领导周德海、孙立平出席会议并在主席台就座。\n")
OUTPUTS = ("graph.ttl", "graph.nq", "graph.html", "analysis.md", "analysis.json")


def _temps(d: Path) -> list[str]:
    """Temporary files anywhere under `d`: kg's temporary names, and generations that are
    not the current one."""
    current = OutputFolder(d).current()
    found = []
    for p in d.rglob("*"):
        rel = str(p.relative_to(d))
        if p.name.startswith((".kg-tmp-", ".graph", ".merge-")) or p.suffix == ".tmp":
            found.append(rel)
        elif p.parent == d / ".kg" and p.name.startswith("gen-") and (current is None or p != current):
            found.append(rel)
        elif p.parent == d / ".kg" / "tmp":
            found.append(rel)
    return found


# -- the one atomic writer ----------------------------------------------------------------------
def test_write_atomic_replaces_whole_and_leaves_nothing_on_failure(tmp_path):
    target = tmp_path / "graph.ttl"
    write_atomic(target, "first\n")
    write_atomic(target, b"second\n")
    assert target.read_text() == "second\n"
    with pytest.raises(TypeError):
        write_atomic(target, 42)  # type: ignore[arg-type]
    assert target.read_text() == "second\n"
    assert _temps(tmp_path) == []


@pytest.mark.parametrize("exc", [RuntimeError("writer failed"), KeyboardInterrupt()])
def test_atomic_path_keeps_the_old_file_when_the_writer_fails(tmp_path, exc):
    target = tmp_path / "graph.nq"
    write_atomic(target, "old\n")
    with pytest.raises(type(exc)):
        with atomic_path(target) as tmp:
            assert tmp.suffix == ".nq" and tmp.parent == tmp_path  # the format stays readable by suffix
            tmp.write_text("half a fi")
            raise exc
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nq"]


def test_only_one_atomic_writer_in_kg():
    """Every module writes files through kg.corpus.outputs (no copy of temp-and-rename)."""
    root = Path(__file__).resolve().parents[1] / "kg"
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if p.name != "outputs.py" and ("os.replace(" in p.read_text(encoding="utf-8")
                                               or "mkstemp(" in p.read_text(encoding="utf-8"))
                 and p.name != "generations.py"]
    assert offenders == []


# -- a generation appears in one step --------------------------------------------------------------
def test_a_generation_switches_every_output_at_once(tmp_path):
    folder = OutputFolder(tmp_path / "out")
    store = tmp_path / "store"
    with folder.lock():
        gen = folder.begin()
        for name in ("graph.ttl", "graph.nq", "graph.html"):
            gen.path(name).write_text(f"old {name}")
        gen.path("store").mkdir()
        (gen.path("store") / "data").write_text("old store")
        folder.switch(gen, list(OUTPUTS), store)
        gen = folder.begin()
        for name in ("graph.ttl", "graph.html"):  # no graph.nq this time
            gen.path(name).write_text(f"new {name}")
        gen.path("store").mkdir()
        (gen.path("store") / "data").write_text("new store")
        # written, not switched: a reader sees the old outputs, all of them
        assert (folder.root / "graph.ttl").read_text() == "old graph.ttl"
        assert (store / "data").read_text() == "old store"
        folder.switch(gen, list(OUTPUTS), store)
    assert (folder.root / "graph.ttl").read_text() == "new graph.ttl"
    assert (folder.root / "graph.html").read_text() == "new graph.html"
    assert (store / "data").read_text() == "new store"
    assert not (folder.root / "graph.nq").exists() and not (folder.root / "graph.nq").is_symlink()
    assert [p.name for p in folder.state.glob("gen-*")] == [folder.current().name]  # the old one is gone


def test_an_output_folder_of_an_older_kg_is_taken_over(tmp_path, capsys):
    out, store = tmp_path / "out", tmp_path / "store"
    out.mkdir()
    for name in OUTPUTS:  # real files, as kg wrote them before generations
        (out / name).write_text(f"old {name}")
    store.mkdir()
    (store / "CURRENT").write_text("old store")
    art = tmp_path / "a.txt"
    art.write_text(ARTICLE.format(county="青山县"), encoding="utf-8")
    assert main(["build", str(art), "--out", str(out), "--store", str(store), "--quiet"]) == 0
    assert "青山县" in (out / "graph.ttl").read_text(encoding="utf-8")
    assert "青山县" in (out / "graph.nq").read_text(encoding="utf-8")  # --store writes graph.nq
    assert (out / "graph.html").read_text(encoding="utf-8") != "old graph.html"
    assert store.is_symlink() and not (store / "CURRENT").read_text().startswith("old")
    assert _temps(out) == [] and _temps(tmp_path) == []


def test_a_build_without_nquads_leaves_no_old_graph_nq(tmp_path):
    out = tmp_path / "out"
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE.format(county="青山县"), encoding="utf-8")
    b.write_text(ARTICLE.format(county="绿水县"), encoding="utf-8")
    assert main(["build", str(a), "--out", str(out), "--nquads", "--no-view", "--quiet"]) == 0
    assert (out / "graph.nq").is_file()
    assert main(["build", str(b), "--out", str(out), "--no-view", "--quiet"]) == 0
    assert "绿水县" in (out / "graph.ttl").read_text(encoding="utf-8")
    assert not (out / "graph.nq").exists() and not (out / "graph.nq").is_symlink()
    # the same input again without --nquads: the graph is current, graph.nq still must go
    assert main(["build", str(a), "--out", str(out), "--nquads", "--no-view", "--quiet"]) == 0
    assert (out / "graph.nq").is_file()
    assert main(["build", str(a), "--out", str(out), "--no-view", "--quiet"]) == 0
    assert not (out / "graph.nq").exists()


# -- kg build stopped at each of its stages ---------------------------------------------------------
@pytest.fixture(scope="module")
def first_build(tmp_path_factory):
    """OUT and a store holding one article (青山县), and a folder of the second (绿水县)."""
    base = tmp_path_factory.mktemp("first")
    first = base / "first.txt"
    first.write_text(ARTICLE.format(county="青山县"), encoding="utf-8")
    assert main(["build", str(first), "--out", str(base / "out"), "--store", str(base / "store"), "--quiet"]) == 0
    second = base / "second"
    second.mkdir()
    for i in range(40):  # two batches: a stage between them
        (second / f"{i:02d}.txt").write_text(ARTICLE.format(county=f"绿水{i}县"), encoding="utf-8")
    return base


def _copy(base: Path, tmp_path: Path) -> tuple[Path, Path, Path]:
    work = tmp_path / "w"
    shutil.copytree(base, work, symlinks=True)  # the links are relative: the copy is whole
    return work / "out", work / "store", work / "second"


def _state(out: Path, store: Path) -> dict[str, object]:
    """What a reader sees: which build each output comes from (1: the first, 2: both)."""
    import pyoxigraph as ox

    def which(text: str) -> int:
        return 2 if "绿水0县" in text else 1 if "青山县" in text else 0

    # the page holds its data packed: it is tied to the others by its generation below
    seen: dict[str, object] = {name: which((out / name).read_text(encoding="utf-8"))
                               for name in OUTPUTS if name != "graph.html"}
    st = ox.Store.read_only(str(store))
    articles = [g for g in st.named_graphs() if g.value != str(dataset.SHARED_GRAPH)]
    seen["store"] = {1: 1, 41: 2}.get(len(articles), 0)  # article graphs
    del st
    gens = {os.path.realpath(out / name).rsplit("/", 1)[0] for name in OUTPUTS}
    gens.add(os.path.realpath(store).rsplit("/", 1)[0])
    seen["generations"] = len(gens)
    return seen


_TEXTS = [name for name in OUTPUTS if name != "graph.html"]
OLD = {**dict.fromkeys(_TEXTS, 1), "store": 1, "generations": 1}
NEW = {**dict.fromkeys(_TEXTS, 2), "store": 2, "generations": 1}


@pytest.mark.parametrize("sig, stage", [
    (signal.SIGTERM, "batch"), (signal.SIGTERM, "merged"), (signal.SIGTERM, "written"),
    (signal.SIGTERM, "switch"), (signal.SIGINT, "batch"), (signal.SIGINT, "written"),
])
def test_a_signal_at_any_stage_keeps_every_old_output(first_build, tmp_path, sig, stage):
    out, store, second = _copy(first_build, tmp_path)
    rc, err = stop_at(stage, sig, second, "--out", out, "--store", store, "--quiet")
    assert "Traceback" not in err
    assert rc == 130 and err.strip() == "kg: interrupted", (rc, err)
    assert _state(out, store) == OLD
    assert _temps(out) == []
    assert list(Manifest.load(out).articles) == [str(first_build / "first.txt")]


def test_a_signal_after_the_switch_keeps_every_new_output(first_build, tmp_path):
    out, store, second = _copy(first_build, tmp_path)
    rc, err = stop_at("switched", signal.SIGTERM, second, "--out", out, "--store", store, "--quiet")
    assert rc == 130 and "Traceback" not in err
    assert _state(out, store) == NEW
    assert len(Manifest.load(out).articles) == 41  # the record follows the outputs


@pytest.mark.parametrize("stage", ["batch", "merged", "written", "switch", "switched"])
def test_kill_9_at_any_stage_shows_one_whole_build_and_the_next_build_cleans_up(first_build, tmp_path, stage):
    out, store, second = _copy(first_build, tmp_path)
    rc, _err = stop_at(stage, signal.SIGKILL, second, "--out", out, "--store", store, "--quiet")
    assert rc == -signal.SIGKILL
    assert _state(out, store) == (NEW if stage == "switched" else OLD)
    assert main(["build", str(second), "--out", str(out), "--store", str(store), "--quiet"]) == 0
    assert _state(out, store) == NEW
    assert _temps(out) == [] and _temps(out.parent) == []


# -- one build at a time ---------------------------------------------------------------------------
def test_a_second_build_into_the_same_folder_is_refused_in_one_line(first_build, tmp_path, capsys):
    out, store, second = _copy(first_build, tmp_path)
    proc = start_build("merged", second, "--out", out, "--quiet")
    try:
        wait_for_stage(proc, "merged")
        capsys.readouterr()
        assert main(["build", str(first_build / "first.txt"), "--out", str(out), "--quiet"]) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith(f"kg: {out}: another kg build is writing this folder (pid ")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 130
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
        proc.stderr.close()
    # the lock goes with the process: the next build runs
    assert main(["build", str(second), "--out", str(out), "--quiet"]) == 0
    assert len(Manifest.load(out).articles) == 41


# -- a folder that cannot be written -----------------------------------------------------------------
def test_out_that_is_a_file_is_one_line(tmp_path, capsys):
    art = tmp_path / "a.txt"
    art.write_text(ARTICLE.format(county="青山县"), encoding="utf-8")
    (tmp_path / "out").write_text("not a folder")
    assert main(["build", str(art), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.strip().splitlines() == [
        f"kg: {tmp_path / 'out'}: not a folder (--out names the folder kg build writes to)"]
    assert (tmp_path / "out").read_text() == "not a folder"


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS if (out / name).exists()}


def test_a_full_disk_is_one_line_and_the_old_outputs_stay(tmp_path):
    """The file size limit stands in for a full disk: writes past it fail with an OSError."""
    import resource
    import subprocess
    import sys

    out = tmp_path / "out"
    a = tmp_path / "a.txt"
    a.write_text(ARTICLE.format(county="青山县"), encoding="utf-8")
    assert main(["build", str(a), "--out", str(out), "--quiet"]) == 0
    before = _outputs(out)
    big = tmp_path / "big"
    big.mkdir()
    for i in range(30):
        (big / f"{i:02d}.txt").write_text(ARTICLE.format(county=f"绿水{i}县") * 3, encoding="utf-8")

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (60_000, 60_000))

    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(big), "--out", str(out), "--quiet"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, preexec_fn=limit)
    err = proc.stderr.strip().splitlines()
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert len(err) == 1 and err[0].startswith(f"kg: {out}: cannot write: File too large"), err
    assert err[0].endswith("the previous outputs are unchanged")
    assert _outputs(out) == before
    assert _temps(out) == []


def test_a_read_only_output_folder_is_one_line_and_the_old_outputs_stay(tmp_path, capsys):
    out = tmp_path / "out"
    a = tmp_path / "a.txt"
    a.write_text(ARTICLE.format(county="青山县"), encoding="utf-8")
    assert main(["build", str(a), "--out", str(out), "--quiet"]) == 0
    before = _outputs(out)
    b = tmp_path / "b.txt"
    b.write_text(ARTICLE.format(county="绿水县"), encoding="utf-8")
    with _read_only(out):
        capsys.readouterr()
        assert main(["build", str(b), "--out", str(out), "--quiet"]) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith(f"kg: {out}: cannot write: "), err
        assert _outputs(out) == before


class _read_only:
    """The folder made read-only: a read-only bind mount as root (who may write anywhere
    else), the permission bits otherwise."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.mounted = False

    def __enter__(self):
        import subprocess

        if os.geteuid() == 0:
            subprocess.run(["mount", "--bind", str(self.path), str(self.path)], check=True)
            self.mounted = True
            subprocess.run(["mount", "-o", "remount,bind,ro", str(self.path)], check=True)
        else:
            for p in [self.path, *self.path.rglob("*")]:
                if p.is_dir() and not p.is_symlink():
                    p.chmod(0o555)
        return self

    def __exit__(self, *exc) -> None:
        import subprocess

        if self.mounted:
            subprocess.run(["umount", str(self.path)], check=True)
        else:
            for p in [self.path, *self.path.rglob("*")]:
                if p.is_dir() and not p.is_symlink():
                    p.chmod(0o755)


def test_without_symbolic_links_the_outputs_are_renamed_into_place(tmp_path, monkeypatch):
    monkeypatch.setattr("kg.corpus.generations._symlinks_work", lambda folder: False)
    out, store = tmp_path / "out", tmp_path / "store"
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE.format(county="青山县"), encoding="utf-8")
    b.write_text(ARTICLE.format(county="绿水县"), encoding="utf-8")
    assert main(["build", str(a), "--out", str(out), "--store", str(store), "--quiet"]) == 0
    assert main(["build", str(b), "--out", str(out), "--store", str(store), "--quiet"]) == 0
    for name in OUTPUTS:
        assert (out / name).is_file() and not (out / name).is_symlink()
    assert store.is_dir() and not store.is_symlink()
    assert "绿水县" in (out / "graph.ttl").read_text(encoding="utf-8")
    assert main(["build", str(b), "--out", str(out), "--quiet", "--no-view"]) == 0
    assert not (out / "graph.nq").exists()
    assert _temps(out) == [] and _temps(tmp_path) == []


def test_the_build_writes_the_writers_it_is_given_and_knows_no_view(tmp_path):
    from kg.corpus.build import BuildOptions, build_corpus
    from kg.corpus.outputs import OutputWriter

    root = Path(__file__).resolve().parents[1] / "kg" / "corpus"
    assert [p.name for p in root.glob("*.py") if "kg.view" in p.read_text(encoding="utf-8")] == []
    calls = []

    def count(graph: Path, folder: Path) -> list[Path]:
        calls.append(graph.name)
        lines = sum(1 for _ in graph.open(encoding="utf-8"))
        return [write_atomic(folder / "lines.txt", f"{lines}\n")]

    a = tmp_path / "a.txt"
    a.write_text(ARTICLE.format(county="青山县"), encoding="utf-8")
    opts = BuildOptions(writers=(OutputWriter("lines", ("lines.txt",), count),))
    ttl, _ = build_corpus([str(a)], tmp_path / "out", opts)
    assert calls == ["graph.ttl"] and int((tmp_path / "out" / "lines.txt").read_text()) > 10
    build_corpus([str(a)], tmp_path / "out", opts)
    assert calls == ["graph.ttl"]  # current: carried over, not written again
    build_corpus([str(a)], tmp_path / "out", BuildOptions(nquads=True))  # not given: kept beside the same graph
    assert (tmp_path / "out" / "lines.txt").is_file() and (tmp_path / "out" / "graph.nq").is_file()
