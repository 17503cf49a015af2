"""The quality gate's reference: F1 per kind on the committed sets (eval/articles, eval/heldout).

`python -m eval.baseline` prints today's figures beside eval/baseline.json; `--write` records
them. The file is updated deliberately, in a commit of its own that says why;
tests/eval_set/test_quality_gate.py fails when a figure falls more than TOLERANCE below it.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import get_args

from eval.gold import EVAL_DIR
from eval.matching import summarize
from eval.score import SetName, run

BASELINE_PATH = EVAL_DIR / "baseline.json"
TOLERANCE = 0.01  # one point of F1


def current_figures() -> dict[str, dict[str, float]]:
    """F1 per kind, rounded to 4 places, for each committed set."""
    figures: dict[str, dict[str, float]] = {}
    for name in get_args(SetName):
        summary = summarize(run(None, name).scores)
        figures[name] = {kind: round(t.f1, 4) for kind, t in summary.tallies.items()}
    return figures


def recorded() -> dict[str, dict[str, float]]:
    doc = json.loads(BASELINE_PATH.read_text(encoding="utf-8"))
    sets: dict[str, dict[str, float]] = doc["f1"]
    return sets


def regressions(
    now: dict[str, dict[str, float]], baseline: dict[str, dict[str, float]]
) -> list[str]:
    """Every (set, kind) whose F1 fell more than TOLERANCE below the baseline."""
    found = [
        (name, kind, base, now.get(name, {}).get(kind, 0.0))
        for name, kinds in baseline.items()
        for kind, base in kinds.items()
    ]
    return [
        f"{name} {kind}: F1 {f1:.4f} < baseline {base:.4f} - {TOLERANCE}"
        for name, kind, base, f1 in found
        if f1 < base - TOLERANCE
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.baseline", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--write", action="store_true", help="record today's figures")
    args = parser.parse_args(argv)
    now = current_figures()
    if args.write:
        doc = {"about": "F1 per kind on the committed eval sets; see eval/README.md", "f1": now}
        BASELINE_PATH.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    json.dump({"now": now, "recorded": recorded()}, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
