import os
from pathlib import Path

import pytest

os.environ.setdefault("OMP_NUM_THREADS", "2")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds() -> Path:
    return ROOT / "seeds"


@pytest.fixture
def articles():
    """Real Article/Claim objects for the store, review and export tests (tests/store_samples.py)."""
    from store_samples import corpus

    return corpus()
