#!/usr/bin/env bash
# Set up, then list every claim in seeds/ with its speaker, relays, cue, mode and polarity.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
claimtrack extract seeds/ "$@"
