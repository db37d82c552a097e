#!/usr/bin/env bash
# Set up, then run the test suite and the extraction regression gate.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
claimtrack eval data/gold --baseline data/gold/baseline.json
python3 -m pytest -q tests "$@"
