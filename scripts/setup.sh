#!/usr/bin/env bash
# Install claimtrack and everything it needs into the current Python (3.11+).
# torch comes first and pinned: 2.13.0 is the local CPU wheel; any other torch pulls CUDA.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
"$PY" -m pip install -q --disable-pip-version-check torch==2.13.0
"$PY" -m pip install -q --disable-pip-version-check -e ".[match,test]"
