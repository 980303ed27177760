"""The files of ontology/ (kg.ttl, shapes.ttl, context.jsonld), wherever kg is installed.

The folder ships inside the wheel as the package `kg.ontology` (pyproject.toml maps the
checkout's top-level ontology/ to it), so one lookup serves a checkout, an editable
install and a wheel: importlib.resources, never a path relative to this file.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

from kg.errors import KgError

NAMES = ("kg.ttl", "shapes.ttl", "context.jsonld")


def resource(name: str) -> Traversable:
    """The ontology file `name` (one of NAMES) as an importlib.resources Traversable."""
    if name not in NAMES:
        raise KgError(f"no ontology file {name!r} (one of {', '.join(NAMES)})")
    try:
        return files("kg.ontology") / name
    except ModuleNotFoundError as exc:  # an editable install made before ontology/ was packaged
        raise KgError("kg.ontology is not installed: reinstall kg (pip install -e .)") from exc


def read_text(name: str) -> str:
    """The text of the ontology file `name`; KgError when it is missing."""
    try:
        return resource(name).read_text(encoding="utf-8")
    except OSError as exc:
        raise KgError(f"ontology file {name} missing from this installation ({exc})") from exc
