"""Packaging: the wheel holds every package of kg/ and the ontology (as kg.ontology)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from kg.rdf import ontology

ROOT = Path(__file__).resolve().parents[1]


def test_pyproject_lists_every_package_of_the_tree() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    tree = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "kg").rglob("__init__.py")}
    assert set(config["packages"]) == tree | {"kg.ontology"}
    assert config["package-dir"] == {"kg.ontology": "ontology"}


def test_the_installed_ontology_is_the_checkouts() -> None:
    for name in ontology.NAMES:
        assert ontology.read_text(name) == (ROOT / "ontology" / name).read_text(encoding="utf-8"), name


def test_the_shared_folder_is_named_in_conftest_only() -> None:
    """../shared is found one way (tests/conftest.py), not re-derived per module."""
    defining = sorted(p.name for p in (ROOT / "tests").glob("*.py")
                      if re.search(r'^SHARED\s*=', p.read_text(encoding="utf-8"), re.M))
    assert defining == ["conftest.py"]
