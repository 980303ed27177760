"""What every test module shares: where the third-party texts are.

`../shared` (beside the checkout) holds the corpus, the seed article and the dev gold;
tests read them from there and skip, saying why, when it is absent. Modules take the path
from here (`from conftest import SHARED`) or ask for the `shared` fixture.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: the shared corpus, seed article and gold, beside the checkout
SHARED = ROOT.parent / "shared"
#: the seed article, one real article the tests build end to end
SEED = SHARED / "seed" / "000_1d7e1341ec58e008.txt"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder; skips the test when it is not checked out here."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not checked out here")
    return SHARED
