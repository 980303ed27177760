"""kg installed from a wheel, run from a folder outside the checkout: nothing may reach back
into the source tree (the ontology ships inside the wheel; graph files read the same in
every format).

The wheel is built from a copy of the project's files, installed without dependencies into
a fresh venv in a temporary folder; the dependencies come from the test's own environment
(a path to its site-packages, whose editable-install hook is not run), so the test needs no
network. About a minute. Deselect with `-m "not install"`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "provincial-congress-opening.txt"
EXPORTS = ("nt", "nquads", "trig", "jsonld", "graphml", "gexf", "neo4j", "cypher")

pytestmark = pytest.mark.install


def _run(cmd: list[str], cwd: Path, env: dict, timeout: int = 600) -> str:
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{' '.join(map(str, cmd))}\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path, dict]:
    """(the venv's bin folder, a work folder outside the checkout, the environment to run in)."""
    base = tmp_path_factory.mktemp("wheel")
    assert ROOT not in base.parents
    src = base / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    for folder in ("kg", "ontology"):
        shutil.copytree(ROOT / folder, src / folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(base / "dist"), str(src)], base, env)
    [wheel] = sorted((base / "dist").glob("kg-*.whl"))
    venv.EnvBuilder(with_pip=False).create(base / "venv")
    py = base / "venv" / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "-q", str(wheel)], base, env)
    # the dependencies: this environment's site-packages, as a plain path (its .pth hooks,
    # among them the editable install of the checkout, are not processed from there)
    site = Path(_run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], base, env).strip())
    (site / "kg-test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    work = base / "work"
    work.mkdir()
    shutil.copy2(EXAMPLE, work / EXAMPLE.name)
    shutil.copytree(ROOT / "queries", work / "queries")
    env["PATH"] = f"{py.parent}{os.pathsep}{env.get('PATH', '')}"
    return py.parent, work, env


def test_kg_comes_from_the_wheel(installed) -> None:
    bin_, work, env = installed
    where = _run([str(bin_ / "python"), "-c", "import kg, kg.ontology; print(kg.__file__); print(kg.ontology.__file__)"],
                 work, env).split()
    assert all(ROOT not in Path(w).parents for w in where), where
    assert all("site-packages" in w for w in where), where


def test_build_export_and_query_from_outside_the_checkout(installed) -> None:
    bin_, work, env = installed
    kg = str(bin_ / "kg")
    _run([kg, "build", EXAMPLE.name, "--out", "out", "--nquads", "--quiet"], work, env)
    for name in ("graph.ttl", "graph.nq", "graph.html", "analysis.md", "analysis.json"):
        assert (work / "out" / name).is_file(), name
    _run([kg, "export", "out/graph.ttl", "--format", ",".join(EXPORTS), "--out", "exported"], work, env)
    for name in ("graph.nt", "graph.nq", "graph.trig", "graph.jsonld", "graph.graphml", "graph.gexf",
                 "graph.cypher", "neo4j/nodes.csv", "neo4j/relationships.csv"):
        assert (work / "exported" / name).stat().st_size > 100, name
    assert '"@context"' in (work / "exported" / "graph.jsonld").read_text(encoding="utf-8")
    answered = 0
    for q in sorted((work / "queries" / "cq").glob("*.rq")):
        rows = {g: _run([kg, "query", g, str(q.relative_to(work)), "--format", "json"], work, env)
                for g in ("out/graph.ttl", "out/graph.nq", "exported/graph.jsonld")}
        assert len(set(rows.values())) == 1, q.stem
        answered += rows["out/graph.ttl"].strip() != "[]"
    assert answered >= 6
    assert '"entities"' in _run([kg, "stats", "out/graph.nq", "--format", "json"], work, env)
