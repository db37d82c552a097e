"""Gold against predicted speaker of every matched claim whose speaker is wrong, per gold set.

Run: PYTHONPATH=$PWD python scripts/spk_errors.py blind,blind2,... [attributed|all]
"""
import sys
from pathlib import Path
from claimtrack.evaluate import read_jsonl, evaluate
from claimtrack.cli.extract import _predict
which = sys.argv[2] if len(sys.argv) > 2 else "attributed"
for d in sys.argv[1].split(","):
    f = Path("data/gold")/d
    s = evaluate(read_jsonl(f/"claims.jsonl"), _predict(f))[which]
    for g, p in s.wrong_speaker:
        gs, ps = g.get("speaker") or {}, p.get("speaker") or {}
        print(f"{d[:7]:7} {g['article'][:22]:22} {g.get('mode','')[:5]:5} G[{gs.get('text','')[:30]}|{gs.get('name')}] P[{ps.get('text','')[:30]}|{ps.get('name')}|{p.get('cue','')}]")
