"""Score eval/real: `python -m eval.real [--split dev|test|both] [--misses] [--json] [--root DIR]`.

Prints precision, recall and F1 per kind for the dev and test halves separately. `--misses`
lists, per dev article, the gold the extractor missed and what it found that gold lacks.
The test half is scored, never studied: `--split test --misses` exists for a final audit
only and must not be used to tune the extractor (eval/README.md).
When the cache of texts is absent it says so and how to restore it, and exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from eval.matching import Tally
from eval.real.run import RealRun, SplitSummary, run, summarize
from eval.real.schema import Split
from eval.real.scoring import REAL_KINDS

RESTORE_HINT = (
    "the texts of eval/real are not committed; restore eval/real/.cache/ as eval/README.md "
    "says (search the pages corpus with each annotation's query, save the answer, then "
    "`python -m eval.real.restore ANSWER.json`)."
)


def _tally(t: Tally) -> dict[str, Any]:
    rates = {"precision": t.precision, "recall": t.recall, "f1": t.f1}
    return {"tp": t.tp, "fp": t.fp, "fn": t.fn, **{k: round(v, 4) for k, v in rates.items()}}


def figures(summary: SplitSummary) -> dict[str, Any]:
    return {
        "articles": summary.articles,
        "kinds": {kind: _tally(summary.tallies[kind]) for kind in REAL_KINDS},
        "resolution_body_errors": summary.body_errors,
        "demonym_only_places_ignored": summary.ignored_demonym_places,
    }


def misses(result: RealRun, split: Split) -> dict[str, dict[str, dict[str, list[str]]]]:
    out: dict[str, dict[str, dict[str, list[str]]]] = {}
    for score in result.scores:
        if score.split != split:
            continue
        kinds = {
            kind: {"missed": r.missed, "spurious": r.spurious}
            for kind, r in score.kinds.items()
            if r.missed or r.spurious
        }
        if score.body_errors:
            kinds["resolution_body"] = {"missed": score.body_errors, "spurious": []}
        if kinds:
            out[score.id] = kinds
    return out


def _print_text(doc: dict[str, Any]) -> None:
    out = sys.stdout
    for notice in doc["notices"]:
        out.write(f"notice: {notice}\n")
    for excerpt, error in doc["errors"].items():
        out.write(f"error in {excerpt}: {error}\n")
    for split, fig in doc["splits"].items():
        out.write(f"\neval/real {split}: {fig['articles']} excerpts (document level)\n")
        out.write(f"{'kind':<13}{'TP':>5}{'FP':>5}{'FN':>5}{'P':>8}{'R':>8}{'F1':>8}\n")
        for kind, t in fig["kinds"].items():
            rates = "".join(f"{100 * t[k]:>7.1f}%" for k in ("precision", "recall", "f1"))
            out.write(f"{kind:<13}{t['tp']:>5}{t['fp']:>5}{t['fn']:>5}{rates}\n")
        body, ignored = fig["resolution_body_errors"], fig["demonym_only_places_ignored"]
        out.write(f"resolution body errors: {body} · demonym-only places ignored: {ignored}\n")
    for excerpt, kinds in doc.get("misses", {}).items():
        out.write(f"\n{excerpt}\n")
        for kind, lists in kinds.items():
            for label, items in lists.items():
                if items:
                    out.write(f"  {kind:<16}{label:<9}" + " | ".join(items) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.real", description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "both"), default="both")
    parser.add_argument("--misses", action="store_true",
                        help="list misses and false positives per dev article")  # fmt: skip
    parser.add_argument("--json", action="store_true", help="emit the figures as JSON")
    parser.add_argument(
        "--root", type=Path, action="append", help="holds annotations/, .cache/ (repeatable)"
    )
    args = parser.parse_args(argv)
    result = run(args.root)
    loaded = result.loaded
    notices = [f"{name}: {problem}" for name, problem in loaded.problems.items()]
    if loaded.missing:
        notices.append(f"{len(loaded.missing)} of {loaded.annotations} cached texts absent: "
                       + RESTORE_HINT)  # fmt: skip
    if not loaded.articles:
        notices.append("eval/real: nothing to score.")
        _print_text({"notices": notices, "errors": {}, "splits": {}})
        return 0
    splits: list[Split] = ["dev", "test"] if args.split == "both" else [args.split]
    doc: dict[str, Any] = {
        "notices": notices,
        "errors": result.errors,
        "splits": {s: figures(summarize(result.scores, s)) for s in splits},
    }
    if args.misses:
        if args.split == "test":
            notices.append("test-half misses shown: audit only, never tune on them.")
        doc["misses"] = misses(result, "test" if args.split == "test" else "dev")
    if args.json:
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_text(doc)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
