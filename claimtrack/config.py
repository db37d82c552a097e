"""Language knowledge and settings, loaded once from `configs/`.

Everything a linguist might want to extend (reporting cues, titles, the entity registry,
boilerplate markers, model names) lives in TOML files under `configs/`, not in code.
Set CLAIMTRACK_CONFIGS to use another folder.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def configs_dir() -> Path:
    override = os.environ.get("CLAIMTRACK_CONFIGS")
    if override:
        return Path(override)
    return PACKAGE_ROOT / "configs"


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """Load `configs/<name>.toml` (cached)."""
    path = configs_dir() / f"{name}.toml"
    with path.open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=None)
def load_folder(name: str) -> tuple[dict, ...]:
    """Load every `configs/<name>/*.toml`, sorted by file name (cached)."""
    folder = configs_dir() / name
    out = []
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as fh:
            out.append(tomllib.load(fh))
    return tuple(out)
