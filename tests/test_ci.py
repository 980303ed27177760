"""A fresh machine: the README's two commands do all the set-up, the README names what is
installed, and CI fails loudly (a skip that is not about ../shared, a run over 30 minutes)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CI = ROOT / ".ci"


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [ln.strip() for ln in text.split("<!--", 1)[0].splitlines() if ln.startswith("    ")]


def _installed_packages() -> set[str]:
    found = set()
    for step in sorted((CI / "setup.d").glob("*.sh")):
        for line in step.read_text(encoding="utf-8").splitlines():
            if "apt-get install" in line:
                found |= {w for w in line.split("apt-get install", 1)[1].split() if not w.startswith("-")}
    return found


def test_the_readme_commands_set_up_a_fresh_machine_then_test():
    first, second = _readme_commands()[:2]
    assert first.startswith("bash .ci/setup && ")  # system packages and the venv, then the example build
    assert second == ". .venv/bin/activate && python -m pytest -q"
    setup = (CI / "setup").read_text(encoding="utf-8")
    assert "for step in .ci/setup.d/*.sh" in setup and 'pip install --quiet -e ".[test]"' in setup


def test_the_readme_names_every_package_the_setup_installs():
    head = (ROOT / "README.md").read_text(encoding="utf-8").split("<!--", 1)[0]
    packages = _installed_packages()
    assert {"python3-venv", "chromium", "fonts-wqy-microhei", "virtuoso-opensource"} <= packages
    named = set(re.findall(r"`([a-z0-9][a-z0-9.+-]+)`", head))
    assert packages - {"python3"} <= named, packages - named


def test_ci_runs_the_setup_and_fails_on_skips_and_time():
    run = (CI / "run").read_text(encoding="utf-8")
    assert "bash .ci/setup" in run and "python .ci/skips.py" in run
    assert "budget=1800" in run and "timeout --foreground" in run
    for script in (CI / "run", CI / "setup", *sorted((CI / "setup.d").glob("*.sh"))):
        subprocess.run(["bash", "-n", str(script)], check=True)


@pytest.mark.parametrize("reason, status", [
    ("/work/shared (the shared corpus and gold) is not here", 0),
    ("the seed article is not at ../shared/seed/x.txt", 0),
    ("the dask extra is not installed", 1),
    ("no chromium", 1),
])
def test_a_skip_fails_ci_unless_it_is_about_the_shared_checkout(tmp_path, reason, status):
    xml = tmp_path / "junit.xml"
    xml.write_text('<testsuites><testsuite><testcase classname="t" name="a"/>'
                   f'<testcase classname="t" name="b"><skipped message="{reason}"/></testcase>'
                   "</testsuite></testsuites>", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(CI / "skips.py"), str(xml)], capture_output=True, text=True)
    assert proc.returncode == status, proc.stderr
    assert f"ci: skipped t::b: {reason}" in proc.stdout
